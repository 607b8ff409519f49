import type { Metadata } from "next";
import { NetworkAccessView } from "@/components/network/network-access-view";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Network access" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await requireOrgPage((await params).orgSlug, { manage: true });
  return <NetworkAccessView org={{ slug: org.slug, name: org.name }} />;
}
