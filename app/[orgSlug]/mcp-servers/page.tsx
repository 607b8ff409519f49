import type { Metadata } from "next";
import { ComingSoonPage } from "@/components/shell/coming-soon-page";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "MCP Servers" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  await requireOrgPage((await params).orgSlug, { manage: true });
  return (
    <ComingSoonPage
      title="MCP Servers"
      description="The upstream MCP servers behind this organization's gateway."
      details="Here you will register upstream MCP servers, sync their tools, prompts and resources into the catalog, and watch their health."
    />
  );
}
