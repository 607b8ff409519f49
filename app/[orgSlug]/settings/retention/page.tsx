import type { Metadata } from "next";
import { DataRetentionView } from "@/components/settings/data-retention-view";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Data retention" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await requireOrgPage((await params).orgSlug, { manage: true });
  return <DataRetentionView org={{ slug: org.slug, name: org.name }} />;
}
