import type { Metadata } from "next";
import { GroupsView } from "@/components/groups/groups-view";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Groups" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await requireOrgPage((await params).orgSlug, { manage: true });
  return <GroupsView org={{ slug: org.slug, name: org.name }} />;
}
