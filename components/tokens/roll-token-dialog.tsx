"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { useRevealOnce } from "@/components/ui/secret-reveal";
import { Select } from "@/components/ui/select";
import { TokenRevealPanel } from "@/components/tokens/token-reveal-panel";
import { errorMessage } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format-relative-time";
import { forgettableSecret, type ForgettableSecret } from "@/lib/client/forgettable-secret";
import { useSubmission } from "@/lib/client/use-submission";
import { useRollServiceToken, type RollGrace, type ServiceToken, type TokenOwner } from "@/lib/client/service-tokens";
import { FormActions, FormError } from "@/components/ui/form-actions";

const GRACE_OPTIONS: { value: RollGrace; label: string }[] = [
  { value: "none", label: "None: the old token stops now" },
  { value: "1h", label: "1 hour" },
  { value: "24h", label: "24 hours" },
  { value: "7d", label: "7 days" },
];

type Rolled = { token: ForgettableSecret; prefix: string; graceEnd: string };

/**
 * Roll a token: one step mints its replacement (same name, lifetime, rate
 * limit, access mode and grants) and shows it once; the old token keeps
 * working for the chosen grace period, then stops on its next request.
 */
export function RollTokenDialog({ org, owner, token, onClose }: { org: string; owner: TokenOwner; token: ServiceToken | null; onClose: () => void }) {
  const { revealed: rolled, setRevealed: setRolled, close } = useRevealOnce((rolled: Rolled) => rolled.token, onClose);
  return (
    <Dialog
      open={token !== null}
      onClose={close}
      dismissible={!rolled}
      title={rolled ? "Copy the new token" : `Roll token ${token?.prefix ?? ""}…`}
      description={rolled ? undefined : "Mints a replacement with the same name, lifetime, rate limit, access mode and grants."}
    >
      {rolled ? (
        <div className="space-y-3">
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            The old token works until <time dateTime={rolled.graceEnd}>{formatDateTime(rolled.graceEnd)}</time>, then stops on its next request.
          </p>
          <TokenRevealPanel token={rolled.token} prefix={rolled.prefix} onDone={close} />
        </div>
      ) : token ? (
        <RollForm org={org} owner={owner} token={token} onCancel={close} onRolled={setRolled} />
      ) : null}
    </Dialog>
  );
}

function RollForm({ org, owner, token, onCancel, onRolled }: { org: string; owner: TokenOwner; token: ServiceToken; onCancel: () => void; onRolled: (rolled: Rolled) => void }) {
  const roll = useRollServiceToken(org, owner);
  const submission = useSubmission();
  const [grace, setGrace] = useState<RollGrace>("24h");

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const idempotencyKey = submission.start();
    if (!idempotencyKey) return;
    roll.mutate(
      { tokenId: token.id, grace, idempotencyKey },
      {
        onSuccess: (result) => {
          submission.succeeded();
          const next = { token: forgettableSecret(result.token), prefix: result.prefix, graceEnd: result.previous.expiresAt };
          roll.reset();
          toast.success(`Token ${token.prefix}… rolled`);
          onRolled(next);
        },
        onError: (error) => {
          submission.failed();
          toast.error(`Could not roll token ${token.prefix}…`, { description: errorMessage(error) });
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Select label="Grace period" value={grace} onChange={(e) => setGrace(e.target.value as RollGrace)} hint="How long the old token keeps working beside the new one.">
        {GRACE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
      <FormError message={roll.error ? errorMessage(roll.error) : null} />
      <FormActions submitLabel="Roll token" pendingLabel="Rolling…" pending={roll.isPending} onCancel={onCancel} />
    </form>
  );
}
