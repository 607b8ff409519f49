"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import type { McpServer } from "@/lib/client/mcp-servers";

type Props = { server: McpServer; open: boolean; pending: boolean; onConfirm: () => void; onClose: () => void };

/** Deleting takes the server's tools out of every toolset and cannot be undone, so the slug must be typed first. */
export function DeleteMcpServerDialog({ server, open, pending, onConfirm, onClose }: Props) {
  return (
    <Dialog open={open} onClose={pending ? () => {} : onClose} title={`Delete ${server.name}?`}>
      {/* Mounted only while open (the Dialog's content is), so the typed slug starts empty every time. */}
      <DeleteForm server={server} pending={pending} onConfirm={onConfirm} onClose={onClose} />
    </Dialog>
  );
}

function DeleteForm({ server, pending, onConfirm, onClose }: Omit<Props, "open">) {
  const [typed, setTyped] = useState("");
  const matches = typed.trim() === server.slug;
  const n = server.toolCount;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (matches && !pending) onConfirm();
  }

  return (
    <form onSubmit={submit} className="space-y-4 text-sm text-slate-700" noValidate>
      <p>
        The server and its catalog are deleted{n ? ` (${n === 1 ? "1 tool" : `${n} tools`})` : ""}. Its tools leave every toolset, and bots
        lose them from the next request. Its header values are destroyed. The audit log keeps what happened. This cannot be undone.
      </p>
      <Field
        label="Type the slug to confirm"
        hint={`Type “${server.slug}”.`}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        disabled={pending}
        className="font-mono"
      />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={!matches || pending}>
          {pending ? "Deleting…" : "Delete server"}
        </Button>
      </DialogActions>
    </form>
  );
}
