"use client";

import { SecretReveal } from "@/components/ui/secret-reveal";
import type { ForgettableSecret } from "@/lib/client/forgettable-secret";

export type RevealedPassword = { name: string; email: string; password: ForgettableSecret };

/** Shows a new account's one-time password once: copy it, then Done forgets it. */
export function OneTimePasswordPanel({ name, email, password, onDone }: RevealedPassword & { onDone: () => void }) {
  return (
    <SecretReveal
      label="One-time password"
      secret={password.value}
      copiedMessage="Password copied"
      warning="This password will not be shown again."
      warningDetail="Copy it now; once you close this panel it is gone, and only a new password can replace it."
      onDone={onDone}
    >
      <p>
        An account was created for <strong className="font-medium text-slate-900">{name}</strong> ({email}). Give them this one-time
        password through a channel you trust; they sign in with their email and this password.
      </p>
    </SecretReveal>
  );
}
