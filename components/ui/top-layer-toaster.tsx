"use client";

import { useEffect, useRef } from "react";
import { Toaster } from "sonner";

/**
 * Sonner's toaster inside a manual popover, so that it lives in the top layer
 * with the modal dialogs: each time a dialog opens it is shown again, which
 * puts it above that dialog and its backdrop (a toast about a dialog's action
 * was hidden under the backdrop otherwise). The popover box itself is 0×0 and
 * takes no clicks; the toasts position themselves against the viewport.
 */
export function TopLayerToaster() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const layer = ref.current;
    if (!layer || typeof layer.showPopover !== "function") return;
    const raise = () => {
      if (layer.matches(":popover-open")) layer.hidePopover();
      layer.showPopover();
      // How many times it went on top (the e2e suite checks it follows every dialog).
      layer.dataset.raised = String(Number(layer.dataset.raised ?? 0) + 1);
    };
    raise();
    const observer = new MutationObserver((records) => {
      if (records.some((r) => r.target instanceof HTMLDialogElement && r.target.open)) raise();
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["open"] });
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} popover="manual" data-toast-layer="" className="m-0 h-0 w-0 overflow-visible border-0 bg-transparent p-0">
      <Toaster position="bottom-right" richColors closeButton />
    </div>
  );
}
