import type { Metadata } from "next";
import { ComingSoonPage } from "@/components/shell/coming-soon-page";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Audit Log" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  await requireOrgPage((await params).orgSlug, { manage: true });
  return (
    <ComingSoonPage
      title="Audit Log"
      description="Who did what, and when."
      details="Every change is already being recorded. Here you will search, filter and export the audit log and verify that it has not been tampered with."
    />
  );
}
