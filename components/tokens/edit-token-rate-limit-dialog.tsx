"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { ApiError, errorMessage } from "@/lib/client/api";
import { parseRateLimit } from "@/lib/client/network";
import { useUpdateTokenRateLimit, type ServiceToken, type TokenOwner } from "@/lib/client/service-tokens";

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
  const serverError = update.error instanceof ApiError ? update.error.fieldMessage("rateLimitPerMinute") : null;
  const formError = update.error && !serverError ? errorMessage(update.error) : null;

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
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={update.isPending}>
          Cancel
        </Button>
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save"}
        </Button>
      </DialogActions>
    </form>
  );
}
