import type { Metadata } from "next";
import { ServiceTokensView } from "@/components/tokens/service-tokens-view";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Service Tokens" };

const FILTERS = ["active", "expiring", "suspended", "expired", "revoked"] as const;

export default async function Page({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ status?: string }> }) {
  const { org } = await requireOrgPage((await params).orgSlug, { manage: true });
  const { status } = await searchParams;
  const initialFilter = FILTERS.find((filter) => filter === status);
  return <ServiceTokensView org={{ slug: org.slug, name: org.name }} initialFilter={initialFilter} />;
}
