import type { Metadata } from "next";
import { ServiceAccountDetailView } from "@/components/service-accounts/service-account-detail-view";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Service account" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string; serviceAccountId: string }> }) {
  const { orgSlug, serviceAccountId } = await params;
  const { org } = await requireOrgPage(orgSlug, { manage: true });
  return <ServiceAccountDetailView org={{ slug: org.slug, name: org.name }} serviceAccountId={serviceAccountId} />;
}
