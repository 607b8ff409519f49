"use client";

import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorState, LoadingState } from "@/components/ui/query-states";
import { errorMessage } from "@/lib/client/api";
import { parseRateLimit, useOrgSettings, useUpdateOrgSettings } from "@/lib/client/network";
import { FormError, singleFieldErrors } from "@/components/ui/form-actions";

/** The organization's default requests per minute, for every token without a limit of its own. Empty is unlimited. */
export function DefaultRateLimitForm({ org }: { org: string }) {
  const settings = useOrgSettings(org);
  if (settings.isPending) return <LoadingState label="Loading rate limits…" />;
  if (settings.isError) return <ErrorState title="Rate limits could not be loaded" detail={errorMessage(settings.error)} onRetry={() => settings.refetch()} />;
  // Keyed by the saved value: a save elsewhere starts the form afresh from it.
  const saved = settings.data.defaultRateLimitPerMinute;
  return <RateLimitForm key={String(saved)} org={org} saved={saved} />;
}

function RateLimitForm({ org, saved }: { org: string; saved: number | null }) {
  const update = useUpdateOrgSettings(org);
  const inputId = useId();
  const [text, setText] = useState(saved === null ? "" : String(saved));
  const [invalid, setInvalid] = useState<string | null>(null);
  const { fieldError: serverError, formError } = singleFieldErrors(update.error, "defaultRateLimitPerMinute");
  const fieldError = invalid ?? serverError;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseRateLimit(text);
    if (!parsed.ok) {
      setInvalid(parsed.message);
      update.reset();
      document.getElementById(inputId)?.focus();
      return;
    }
    setInvalid(null);
    update.mutate(
      { defaultRateLimitPerMinute: parsed.value },
      {
        onSuccess: (settings) =>
          toast.success(
            settings.defaultRateLimitPerMinute === null
              ? "Default rate limit removed: tokens without their own limit are unlimited"
              : `Default rate limit set to ${settings.defaultRateLimitPerMinute} requests per minute`,
          ),
        onError: () => document.getElementById(inputId)?.focus(),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-start gap-4">
        <div className="w-72">
          <Field
            id={inputId}
            label="Default rate limit (requests per minute)"
            name="defaultRateLimitPerMinute"
            inputMode="numeric"
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Unlimited"
            hint="Empty means unlimited. 1 to 100000."
            error={fieldError}
          />
        </div>
        <Button type="submit" disabled={update.isPending} className="mt-6">
          {update.isPending ? "Saving…" : "Save"}
        </Button>
      </div>
      <p className="text-sm text-slate-600">
        Currently: {saved === null ? "unlimited" : `${saved} requests per minute`} for each token without its own limit.
      </p>
      <FormError message={formError} />
    </form>
  );
}
