import type { Metadata } from "next";
import { ServiceTokensView } from "@/components/tokens/service-tokens-view";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Service Tokens" };

// The filter and sort come from the query string in the panel itself (shareable, the back button undoes them).
export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await requireOrgPage((await params).orgSlug, { manage: true });
  return <ServiceTokensView org={{ slug: org.slug, name: org.name }} />;
}
