import type { Metadata } from "next";
import { McpServerDetailView } from "@/components/mcp-servers/mcp-server-detail-view";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "MCP server" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string; serverId: string }> }) {
  const { orgSlug, serverId } = await params;
  const { org } = await requireOrgPage(orgSlug, { manage: true });
  return <McpServerDetailView org={{ slug: org.slug, name: org.name }} serverId={serverId} />;
}
