"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * After a client-side navigation, moves the focus to the new page's heading,
 * so keyboard and screen-reader users start at the top of what changed
 * instead of on the link they left. Not on the first load: the browser's own
 * focus handling is right there.
 */
export function FocusHeadingOnNavigation() {
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let tries = 0;
    // The new page's heading may render a moment later (a loading state first).
    const timer = setInterval(() => {
      const heading = document.querySelector<HTMLElement>("#main h1");
      if (heading || ++tries > 20) clearInterval(timer);
      if (!heading) return;
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: false });
    }, 50);
    return () => clearInterval(timer);
  }, [pathname]);
  return null;
}
