"use client";

import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { TokensPanel } from "@/components/tokens/tokens-panel";

const ORG_WIDE = { orgWide: true } as const;

/** Org-wide tokens: for one-off scripts. The page steers people to service accounts instead. */
export function ServiceTokensView({ org }: { org: { slug: string; name: string } }) {
  return (
    <>
      <PageHeader title="Service Tokens" description={`Org-wide tokens for ${org.name}, for one-off scripts.`} />
      <p role="note" className="mb-6 max-w-3xl rounded-md border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm text-indigo-900">
        Org-wide tokens belong to the organization, not to a bot identity. Prefer a service account&apos;s tokens: they can be disabled
        together and show who used them.{" "}
        <Link href={`/${org.slug}/service-accounts`} className="font-medium underline">
          Create a service account
        </Link>
      </p>
      <div className="max-w-6xl">
        <TokensPanel
          org={org.slug}
          owner={ORG_WIDE}
          caption={`Org-wide tokens of ${org.name}`}
          emptyMessage="No org-wide tokens. For a bot, create a service account and give it a token instead."
          newTokenDescription={
            <>
              An org-wide token acts for <strong className="font-medium text-slate-900">{org.name}</strong> itself, not for a service
              account. It is shown once, right after you create it.
            </>
          }
        />
      </div>
    </>
  );
}
