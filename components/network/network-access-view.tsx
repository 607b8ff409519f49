"use client";

import { PageHeader } from "@/components/shell/page-header";
import { DefaultRateLimitForm } from "@/components/network/default-rate-limit-form";
import { NetworkRulesPanel } from "@/components/network/network-rules-panel";
import { TestAddressForm } from "@/components/network/test-address-form";
import { ORGANIZATION_LAYER } from "@/lib/client/network";

/** Settings → Network access: the organization's allowlist, a way to test an address, and the default rate limit. */
export function NetworkAccessView({ org }: { org: { slug: string; name: string } }) {
  return (
    <div className="max-w-5xl">
      <PageHeader title="Network access" description={`Where ${org.name}'s service tokens may be used from, and how often.`} />
      <AllowlistRules />
      <section aria-labelledby="org-allowlist-heading" className="mt-8 space-y-3">
        <h2 id="org-allowlist-heading" className="text-lg font-semibold">
          Organization allowlist
        </h2>
        <p className="text-sm text-slate-600">
          Applies to every token of the organization: org-wide tokens and every service account&apos;s. A service account can add its own
          list on its page.
        </p>
        <NetworkRulesPanel
          org={org.slug}
          layer={ORGANIZATION_LAYER}
          caption="Organization allowlist"
          emptyMessage="No entries: token calls are not restricted by address at the organization level."
        />
      </section>
      <section aria-labelledby="test-address-heading" className="mt-10 space-y-3">
        <h2 id="test-address-heading" className="text-lg font-semibold">
          Test an address
        </h2>
        <p className="text-sm text-slate-600">
          Check whether a token call from an address would pass, against the organization allowlist and, if you pick one, a service
          account&apos;s.
        </p>
        <TestAddressForm org={org.slug} />
      </section>
      <section aria-labelledby="rate-limits-heading" className="mt-10 space-y-3">
        <h2 id="rate-limits-heading" className="text-lg font-semibold">
          Rate limits
        </h2>
        <p className="text-sm text-slate-600">
          Limits are requests per minute, counted per token. The default applies to every token without a limit of its own; set a
          token&apos;s own limit where you create it or with Edit limit in its list. Over the limit a call gets 429 with a Retry-After
          header.
        </p>
        <DefaultRateLimitForm org={org.slug} />
      </section>
    </div>
  );
}

/** How the layers combine, in four lines: the part people get wrong. */
function AllowlistRules() {
  return (
    <div role="note" className="rounded-md border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm text-indigo-900">
      <p className="font-medium">How allowlists work</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        <li>
          A token call must pass every layer that has entries: the organization allowlist and, for a service account&apos;s token, that
          account&apos;s. An empty layer restricts nothing.
        </li>
        <li>
          Entries are CIDR blocks, IPv4 or IPv6. <code className="font-mono">0.0.0.0/0</code> covers all IPv4 addresses only;{" "}
          <code className="font-mono">::/0</code> all IPv6 addresses only.
        </li>
        <li>Denied calls get 403 and are recorded in the audit log (at most once per token per minute).</li>
      </ul>
    </div>
  );
}
