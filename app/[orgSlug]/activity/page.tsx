import type { Metadata } from "next";
import { ActivityView } from "@/components/activity/activity-view";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Activity" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await requireOrgPage((await params).orgSlug, { manage: true });
  return <ActivityView org={{ slug: org.slug, name: org.name }} />;
}
