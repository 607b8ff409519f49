import type { Metadata } from "next";
import { McpServersView } from "@/components/mcp-servers/mcp-servers-view";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "MCP Servers" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await requireOrgPage((await params).orgSlug, { manage: true });
  return <McpServersView org={{ slug: org.slug, name: org.name }} />;
}
