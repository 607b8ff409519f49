"use client";

import { PageHeader } from "@/components/shell/page-header";
import { RetentionForm } from "@/components/settings/retention-form";

/** Settings → Data retention: how long the organization's audit events and usage records are kept. */
export function DataRetentionView({ org }: { org: { slug: string; name: string } }) {
  return (
    <div className="max-w-5xl">
      <PageHeader title="Data retention" description={`How long ${org.name}'s audit events and tool call records are kept.`} />
      <div role="note" className="mb-6 rounded-md border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm text-indigo-900">
        A cleanup job runs every hour and deletes whatever is past its retention. Shortening a retention deletes the older records at the next
        run; lengthening it cannot bring back what is already gone.
      </div>
      <RetentionForm org={org.slug} />
    </div>
  );
}
