"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { useRevealOnce } from "@/components/ui/secret-reveal";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { AccessModeRadios, fullAccessWarning } from "@/components/permissions/access-mode-radios";
import { GrantsPicker } from "@/components/permissions/grants-picker";
import { LevelHelp } from "@/components/permissions/level-help";
import { TokenRevealPanel } from "@/components/tokens/token-reveal-panel";
import { ApiError, errorMessage } from "@/lib/client/api";
import { customDateBounds, customExpiryProblem } from "@/lib/client/token-expiry";
import { forgettableSecret, type ForgettableSecret } from "@/lib/client/forgettable-secret";
import { parseRateLimit } from "@/lib/client/network";
import { useSubmission } from "@/lib/client/use-submission";
import type { AccessMode, GrantEntry } from "@/lib/client/permissions";
import { useMintServiceToken, type LifetimePreset, type MintTokenInput, type TokenOwner } from "@/lib/client/service-tokens";
import { FormActions, FormError } from "@/components/ui/form-actions";

const LIFETIMES: { value: LifetimePreset | "custom"; label: string }[] = [
  { value: "1h", label: "1 hour" },
  { value: "1d", label: "1 day" },
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
  { value: "90d", label: "90 days" },
  { value: "1y", label: "1 year" },
  { value: "custom", label: "Custom date" },
];

type NewTokenDialogProps = {
  org: string;
  owner: TokenOwner;
  open: boolean;
  onClose: () => void;
  /** Under the title: whose token this is and what it may do. */
  description: React.ReactNode;
};

type MintedSecret = { token: ForgettableSecret; prefix: string };

/**
 * Mint a token. On success the dialog turns into the reveal panel, which
 * Escape cannot close; the token lives only in this component's state and is
 * wiped on Done. The mutation is reset at once, so its cache forgets it too.
 */
export function NewTokenDialog({ org, owner, open, onClose, description }: NewTokenDialogProps) {
  const { revealed, setRevealed, close } = useRevealOnce((revealed: MintedSecret) => revealed.token, onClose);
  return (
    <Dialog
      open={open}
      onClose={close}
      title={revealed ? "Copy your token" : "New token"}
      dismissible={!revealed}
      // An org-wide token's form lists the servers and toolsets to grant.
      size={"orgWide" in owner && !revealed ? "wide" : "default"}
      description={revealed ? undefined : description}
    >
      {revealed ? (
        <TokenRevealPanel token={revealed.token} prefix={revealed.prefix} onDone={close} />
      ) : (
        <NewTokenForm org={org} owner={owner} onCancel={close} onMinted={setRevealed} />
      )}
    </Dialog>
  );
}

const FORM_FIELDS = ["name", "expiresIn", "expiresAt", "accessMode", "rateLimitPerMinute"];

function NewTokenForm({ org, owner, onCancel, onMinted }: { org: string; owner: TokenOwner; onCancel: () => void; onMinted: (minted: MintedSecret) => void }) {
  const mint = useMintServiceToken(org, owner);
  const submission = useSubmission();
  const [lifetime, setLifetime] = useState<LifetimePreset | "custom">("1y");
  const [customError, setCustomError] = useState<string | null>(null);
  const [rateLimitInvalid, setRateLimitInvalid] = useState<string | null>(null);
  const [bounds] = useState(customDateBounds);
  // Org-wide tokens only: an account's tokens follow the account's mode and grants.
  const orgWide = "orgWide" in owner;
  const [accessMode, setAccessMode] = useState<AccessMode>("RESTRICTED");
  const [grants, setGrants] = useState<ReadonlyMap<string, GrantEntry>>(new Map());
  const error = mint.error instanceof ApiError ? mint.error : null;
  const fieldError = (field: string) => error?.fieldMessage(field) ?? null;
  // Problems that belong to no input (not allowed, account gone, …) show above the buttons.
  const formError = mint.error && !FORM_FIELDS.some(fieldError) ? errorMessage(mint.error) : null;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const input: MintTokenInput = { ...(name ? { name } : {}) };
    if (lifetime === "custom") {
      const local = String(form.get("expiresAt") ?? "");
      const at = local ? new Date(local) : null;
      const problem = customExpiryProblem(at);
      setCustomError(problem);
      if (problem) return;
      input.expiresAt = at!.toISOString();
    } else {
      input.expiresIn = lifetime;
    }
    const rateLimit = parseRateLimit(String(form.get("rateLimitPerMinute") ?? ""));
    if (!rateLimit.ok) {
      setRateLimitInvalid(rateLimit.message);
      return;
    }
    setRateLimitInvalid(null);
    // Leave it out when empty: the organization's default applies.
    if (rateLimit.value !== null) input.rateLimitPerMinute = rateLimit.value;
    if (orgWide) {
      input.accessMode = accessMode;
      input.grants = [...grants.values()];
    }
    const idempotencyKey = submission.start();
    if (!idempotencyKey) return;
    mint.mutate({ ...input, idempotencyKey }, {
      onSuccess: (minted) => {
        submission.succeeded();
        // Read the token once, into the panel's state, and make the mutation forget it.
        const revealed = { token: forgettableSecret(minted.token), prefix: minted.prefix };
        mint.reset();
        toast.success(minted.name ? `Token “${minted.name}” created` : "Token created");
        onMinted(revealed);
      },
      onError: (failure) => {
        submission.failed();
        toast.error("Could not create the token", { description: errorMessage(failure) });
      },
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field
        label="Name"
        name="name"
        maxLength={64}
        autoComplete="off"
        hint="Optional. Where the token is used, e.g. “GitHub Actions deploy”."
        error={fieldError("name")}
      />
      <Select label="Lifetime" name="expiresIn" value={lifetime} onChange={(e) => setLifetime(e.target.value as LifetimePreset | "custom")} error={fieldError("expiresIn")}>
        {LIFETIMES.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
      {lifetime === "custom" ? (
        <Field
          label="Expires at"
          name="expiresAt"
          type="datetime-local"
          required
          min={bounds.min}
          max={bounds.max}
          hint="Your local time; between 1 hour and 1 year from now."
          error={customError ?? fieldError("expiresAt")}
        />
      ) : null}
      <Field
        label="Rate limit (requests per minute)"
        name="rateLimitPerMinute"
        inputMode="numeric"
        autoComplete="off"
        placeholder="Organization default"
        hint="Optional. Empty uses the organization's default rate limit."
        error={rateLimitInvalid ?? fieldError("rateLimitPerMinute")}
      />
      {orgWide ? (
        <>
          <AccessModeRadios kind="token" value={accessMode} onChange={setAccessMode} disabled={mint.isPending} />
          <div aria-live="polite">
            {accessMode === "FULL_ACCESS" ? (
              <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {fullAccessWarning("token")}
              </p>
            ) : null}
          </div>
          <GrantsPicker org={org} value={grants} onChange={setGrants} disabled={mint.isPending} />
          {accessMode === "FULL_ACCESS" && grants.size > 0 ? (
            <p className="text-xs text-slate-500">With Full Access these grants are superseded; they apply if the token is switched to Restricted later.</p>
          ) : null}
          <LevelHelp collapsed />
        </>
      ) : null}
      <FormError message={formError} />
      <FormActions submitLabel="Create token" pendingLabel="Creating…" pending={mint.isPending} onCancel={onCancel} />
    </form>
  );
}
