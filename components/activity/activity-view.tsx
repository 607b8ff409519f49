"use client";

import { ActivitySummaryPanel } from "@/components/activity/activity-summary-panel";
import { RecentToolCalls } from "@/components/activity/recent-tool-calls";
import { PageHeader } from "@/components/shell/page-header";
import { ORGANIZATION_SCOPE } from "@/lib/client/activity";

/** Activity: every tool call through the gateway, summed up in charts and listed one by one. */
export function ActivityView({ org }: { org: { slug: string; name: string } }) {
  return (
    <div className="max-w-6xl">
      <PageHeader title="Activity" description={`Tool calls through ${org.name}'s gateway: how many, how many failed, and how fast.`} />
      <section aria-labelledby="activity-summary-heading" className="space-y-4">
        <h2 id="activity-summary-heading" className="text-lg font-semibold">
          Summary
        </h2>
        <ActivitySummaryPanel org={org.slug} scope={ORGANIZATION_SCOPE} />
      </section>
      <section aria-labelledby="recent-calls-heading" className="mt-10 space-y-4">
        <h2 id="recent-calls-heading" className="text-lg font-semibold">
          Recent calls
        </h2>
        <RecentToolCalls
          org={org.slug}
          scope={ORGANIZATION_SCOPE}
          caption={`Recent tool calls of ${org.name}`}
          emptyMessage="No tool calls yet. Calls that service tokens make through the gateway appear here."
        />
      </section>
    </div>
  );
}
