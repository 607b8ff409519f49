import type { Metadata } from "next";
import { ComingSoonPage } from "@/components/shell/coming-soon-page";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Network access" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  await requireOrgPage((await params).orgSlug, { manage: true });
  return (
    <ComingSoonPage
      title="Network access"
      description="IP allowlists for token callers."
      details="Here you will restrict the organization's service tokens to CIDR ranges, and test an address against the allowlist."
    />
  );
}
