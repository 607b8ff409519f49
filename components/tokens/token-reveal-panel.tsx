"use client";

import { SecretReveal } from "@/components/ui/secret-reveal";
import type { ForgettableSecret } from "@/lib/client/forgettable-secret";

/** The new token, once: copy it, then Done forgets it. Lists only ever show its prefix. */
export function TokenRevealPanel({ token, prefix, onDone }: { token: ForgettableSecret; prefix: string; onDone: () => void }) {
  return (
    <SecretReveal
      label="Token"
      secret={token}
      copiedMessage="Copied"
      warning="This token will not be shown again."
      warningDetail="Store it somewhere safe now."
      onDone={onDone}
    >
      <p>
        Send it as <code className="rounded bg-slate-100 px-1 font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>. Only its
        hash is stored: from now on lists show just its prefix, <code className="font-mono text-xs">{prefix}…</code>
      </p>
    </SecretReveal>
  );
}
