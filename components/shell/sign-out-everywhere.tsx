"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { apiFetch, errorMessage } from "@/lib/client/api";

/**
 * "Sign out everywhere": ends every session of the signed-in person on the
 * server (a lost phone, a shared laptop), this one included, after asking.
 */
export function SignOutEverywhere() {
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const confirm = async () => {
    setPending(true);
    try {
      await apiFetch("/api/auth/sessions", { method: "DELETE" });
      await signOut({ callbackUrl: "/login" });
    } catch (error) {
      setPending(false);
      toast.error(`Could not sign out everywhere: ${errorMessage(error)}`);
    }
  };
  return (
    <>
      <Button variant="ghost" size="sm" className="-ml-2.5" onClick={() => setAsking(true)}>
        Sign out everywhere
      </Button>
      <ConfirmDialog
        open={asking}
        title="Sign out of every device?"
        confirmLabel="Sign out everywhere"
        pendingLabel="Signing out…"
        pending={pending}
        onConfirm={confirm}
        onClose={() => setAsking(false)}
      >
        <p>Every browser where you are signed in to Control Room, this one included, is signed out at once. Service tokens keep working.</p>
      </ConfirmDialog>
    </>
  );
}
