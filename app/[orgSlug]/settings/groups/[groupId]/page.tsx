import type { Metadata } from "next";
import { GroupDetailView } from "@/components/groups/group-detail-view";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Group" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string; groupId: string }> }) {
  const { orgSlug, groupId } = await params;
  const { org } = await requireOrgPage(orgSlug, { manage: true });
  return <GroupDetailView org={{ slug: org.slug, name: org.name }} groupId={groupId} />;
}
