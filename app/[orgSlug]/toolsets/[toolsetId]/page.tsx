import type { Metadata } from "next";
import { ToolsetDetailView } from "@/components/toolsets/toolset-detail-view";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Toolset" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string; toolsetId: string }> }) {
  const { orgSlug, toolsetId } = await params;
  const { org } = await requireOrgPage(orgSlug, { manage: true });
  return <ToolsetDetailView org={{ slug: org.slug, name: org.name }} toolsetId={toolsetId} />;
}
