import type { Metadata } from "next";
import { ToolsetsView } from "@/components/toolsets/toolsets-view";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Toolsets" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await requireOrgPage((await params).orgSlug, { manage: true });
  return <ToolsetsView org={{ slug: org.slug, name: org.name }} />;
}
