"use client";

import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorState, LoadingState } from "@/components/ui/query-states";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useOrgSettings, useUpdateOrgSettings, type OrgSettings } from "@/lib/client/network";
import { FormError } from "@/components/ui/form-actions";
import {
  MAX_AUDIT_RETENTION_DAYS,
  MAX_USAGE_RETENTION_DAYS,
  MIN_AUDIT_RETENTION_DAYS,
  MIN_USAGE_RETENTION_DAYS,
} from "@/lib/orgs/org-settings-schema";

type Retention = Pick<OrgSettings, "auditRetentionDays" | "usageRetentionDays">;
type RetentionField = keyof Retention;

/** How long audit events and usage records are kept. The range checks are the API's; its field errors show under each input. */
export function RetentionForm({ org }: { org: string }) {
  const settings = useOrgSettings(org);
  // Here rather than in the form: a save re-keys the form, and "Saved" must outlive that.
  const update = useUpdateOrgSettings(org);
  if (settings.isPending) return <LoadingState label="Loading retention settings…" />;
  if (settings.isError) return <ErrorState title="Retention settings could not be loaded" detail={errorMessage(settings.error)} onRetry={() => settings.refetch()} />;
  const { auditRetentionDays, usageRetentionDays } = settings.data;
  return <Form key={`${auditRetentionDays}/${usageRetentionDays}`} saved={{ auditRetentionDays, usageRetentionDays }} update={update} />;
}

/** Whole days, or null when the text is not one; the API judges the range. */
function parseDays(text: string): number | null {
  const trimmed = text.trim().replace(/[,_\s]/g, "");
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

function Form({ saved, update }: { saved: Retention; update: ReturnType<typeof useUpdateOrgSettings> }) {
  const [text, setText] = useState<Record<RetentionField, string>>({
    auditRetentionDays: String(saved.auditRetentionDays),
    usageRetentionDays: String(saved.usageRetentionDays),
  });
  const [invalid, setInvalid] = useState<Partial<Record<RetentionField, string>>>({});
  const form = useRef<HTMLFormElement>(null);
  // Bumped by each refused save; once the errors are rendered, the first field with one gets the focus.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals) form.current?.querySelector<HTMLInputElement>("input[aria-invalid='true']")?.focus();
  }, [refusals]);
  const refused = () => setRefusals((n) => n + 1);
  const apiError = update.error instanceof ApiError ? update.error : null;
  const fieldError = (field: RetentionField) => invalid[field] ?? apiError?.fieldMessage(field) ?? null;
  const formError = update.error && !fieldError("auditRetentionDays") && !fieldError("usageRetentionDays") ? errorMessage(update.error) : null;

  function change(field: RetentionField, value: string) {
    setText((current) => ({ ...current, [field]: value }));
    if (update.isSuccess) update.reset();
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const audit = parseDays(text.auditRetentionDays);
    const usage = parseDays(text.usageRetentionDays);
    const problems = {
      ...(audit === null ? { auditRetentionDays: "Enter a whole number of days." } : {}),
      ...(usage === null ? { usageRetentionDays: "Enter a whole number of days." } : {}),
    };
    setInvalid(problems);
    if (audit === null || usage === null) {
      update.reset();
      refused();
      return;
    }
    update.mutate(
      { auditRetentionDays: audit, usageRetentionDays: usage },
      {
        onSuccess: (settings) => toast.success(`Retention saved: audit events ${settings.auditRetentionDays} days, usage ${settings.usageRetentionDays} days`),
        onError: refused,
      },
    );
  }

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid gap-6 sm:grid-cols-2">
        <div className="space-y-2">
          <Field
            label="Audit log retention (days)"
            name="auditRetentionDays"
            inputMode="numeric"
            autoComplete="off"
            value={text.auditRetentionDays}
            onChange={(e) => change("auditRetentionDays", e.target.value)}
            hint={`${MIN_AUDIT_RETENTION_DAYS} to ${MAX_AUDIT_RETENTION_DAYS} days. Currently ${saved.auditRetentionDays}.`}
            error={fieldError("auditRetentionDays")}
          />
          <p className="text-sm text-slate-600">
            Audit events older than this are deleted by the hourly cleanup job. The audit log stays verifiable: the chain starts again from the
            last deleted event&apos;s hash, so tampering with the events that are kept is still detected.
          </p>
        </div>
        <div className="space-y-2">
          <Field
            label="Usage retention (days)"
            name="usageRetentionDays"
            inputMode="numeric"
            autoComplete="off"
            value={text.usageRetentionDays}
            onChange={(e) => change("usageRetentionDays", e.target.value)}
            hint={`${MIN_USAGE_RETENTION_DAYS} to ${MAX_USAGE_RETENTION_DAYS} days. Currently ${saved.usageRetentionDays}.`}
            error={fieldError("usageRetentionDays")}
          />
          <p className="text-sm text-slate-600">
            Records of tool calls (the Activity page and each service account&apos;s activity) older than this are deleted by the hourly cleanup
            job. Charts cannot show further back than this.
          </p>
        </div>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save"}
        </Button>
        <p role="status" className="text-sm text-emerald-700">
          {update.isSuccess ? "Saved." : ""}
        </p>
      </div>
      <FormError message={formError} />
    </form>
  );
}
