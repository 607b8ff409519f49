"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { parseRateLimit } from "@/lib/client/network";
import { useUpdateTokenRateLimit, type ServiceToken, type TokenOwner } from "@/lib/client/service-tokens";
import { FormActions, FormError, singleFieldErrors } from "@/components/ui/form-actions";

type EditTokenRateLimitDialogProps = { org: string; owner: TokenOwner; token: ServiceToken | null; onClose: () => void };

/** A token's own requests per minute; empty hands it back to the organization's default. */
export function EditTokenRateLimitDialog({ org, owner, token, onClose }: EditTokenRateLimitDialogProps) {
  return (
    <Dialog
      open={token !== null}
      onClose={onClose}
      title="Edit rate limit"
      description={
        token ? (
          <>
            Token <code className="font-mono">{token.prefix}…</code>
            {token.name ? ` (${token.name})` : null}: the new limit applies from its next request.
          </>
        ) : undefined
      }
    >
      {token ? <RateLimitForm org={org} owner={owner} token={token} onClose={onClose} /> : null}
    </Dialog>
  );
}

function RateLimitForm({ org, owner, token, onClose }: { org: string; owner: TokenOwner; token: ServiceToken; onClose: () => void }) {
  const update = useUpdateTokenRateLimit(org, owner);
  const [text, setText] = useState(token.rateLimitPerMinute === null ? "" : String(token.rateLimitPerMinute));
  const [invalid, setInvalid] = useState<string | null>(null);
  const { fieldError: serverError, formError } = singleFieldErrors(update.error, "rateLimitPerMinute");

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseRateLimit(text);
    if (!parsed.ok) {
      setInvalid(parsed.message);
      update.reset();
      return;
    }
    setInvalid(null);
    update.mutate(
      { tokenId: token.id, rateLimitPerMinute: parsed.value },
      {
        onSuccess: () => {
          toast.success(
            parsed.value === null
              ? `Token ${token.prefix}… now uses the organization's default rate limit`
              : `Token ${token.prefix}… limited to ${parsed.value} requests per minute`,
          );
          onClose();
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field
        label="Rate limit (requests per minute)"
        name="rateLimitPerMinute"
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Organization default"
        hint="Empty uses the organization's default rate limit. 1 to 100000."
        error={invalid ?? serverError}
      />
      <FormError message={formError} />
      <FormActions submitLabel="Save" pendingLabel="Saving…" pending={update.isPending} onCancel={onClose} />
    </form>
  );
}
