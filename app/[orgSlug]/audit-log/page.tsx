import type { Metadata } from "next";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Audit Log" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await requireOrgPage((await params).orgSlug, { manage: true });
  return <AuditLogView org={{ slug: org.slug, name: org.name }} />;
}
