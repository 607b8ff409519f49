"use client";

import Link from "next/link";
import { useId } from "react";
import { NetworkRulesPanel } from "@/components/network/network-rules-panel";
import { TestAddressForm } from "@/components/network/test-address-form";
import type { ServiceAccount } from "@/lib/client/service-accounts";

/** The account's own allowlist layer, on top of the organization's, and a test scoped to this account. */
export function ServiceAccountNetworkPanel({ org, account }: { org: string; account: ServiceAccount }) {
  const headingId = useId();
  const testHeadingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} className="text-lg font-semibold">
        Network access
      </h2>
      <p className="text-sm text-slate-600">
        This account&apos;s token calls must pass both this list and the{" "}
        <Link href={`/${org}/settings/network`} className="font-medium text-indigo-700 hover:underline">
          organization allowlist
        </Link>
        , whichever has entries. An empty list restricts nothing. Entries are IPv4 or IPv6 CIDR blocks; a denied call gets 403.
      </p>
      <NetworkRulesPanel
        org={org}
        layer={{ serviceAccountId: account.id }}
        caption={`Allowlist of ${account.name}`}
        emptyMessage="No entries: this account's token calls are restricted only by the organization allowlist."
      />
      <section aria-labelledby={testHeadingId} className="space-y-3 pt-2">
        <h3 id={testHeadingId} className="text-base font-semibold">
          Test an address
        </h3>
        <TestAddressForm org={org} serviceAccount={{ id: account.id, name: account.name }} />
      </section>
    </section>
  );
}
