import type { Metadata } from "next";
import { ComingSoonPage } from "@/components/shell/coming-soon-page";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Toolsets" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  await requireOrgPage((await params).orgSlug, { manage: true });
  return (
    <ComingSoonPage
      title="Toolsets"
      description="Curated bundles of MCP tools."
      details="Here you will bundle tools from your MCP servers into toolsets and assign them to people, groups and service accounts."
    />
  );
}
