"use client";

import { useId } from "react";
import { ActivitySummaryPanel } from "@/components/activity/activity-summary-panel";
import { RecentToolCalls } from "@/components/activity/recent-tool-calls";
import type { ServiceAccount } from "@/lib/client/service-accounts";

/** The account's calls through the gateway: the summary charts, then the calls themselves. */
export function ServiceAccountActivityPanel({ org, account }: { org: string; account: ServiceAccount }) {
  const headingId = useId();
  const scope = { serviceAccountId: account.id };
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} className="text-lg font-semibold">
        Activity
      </h2>
      <ActivitySummaryPanel org={org} scope={scope} />
      <h3 className="pt-4 text-base font-semibold">Recent calls</h3>
      <RecentToolCalls
        org={org}
        scope={scope}
        caption={`Recent tool calls of ${account.name}`}
        emptyMessage="No tool calls yet. Calls this account makes through the gateway appear here."
      />
    </section>
  );
}
