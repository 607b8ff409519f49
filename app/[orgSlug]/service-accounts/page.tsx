import type { Metadata } from "next";
import { ServiceAccountsView } from "@/components/service-accounts/service-accounts-view";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Service Accounts" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await requireOrgPage((await params).orgSlug, { manage: true });
  return <ServiceAccountsView org={{ slug: org.slug, name: org.name }} />;
}
