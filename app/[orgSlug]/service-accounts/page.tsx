import type { Metadata } from "next";
import { ComingSoonPage } from "@/components/shell/coming-soon-page";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Service Accounts" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  await requireOrgPage((await params).orgSlug, { manage: true });
  return (
    <ComingSoonPage
      title="Service Accounts"
      description="Bot identities for CI jobs, scheduled and self-hosted agents."
      details="Here you will create service accounts, mint and revoke their alk_svc_ tokens, and disable an account to stop all its tokens at once."
    />
  );
}
