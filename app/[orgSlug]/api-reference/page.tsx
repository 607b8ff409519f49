import type { Metadata } from "next";
import { ApiReference } from "@/components/api-reference/api-reference";
import { PageHeader } from "@/components/shell/page-header";
import { apiDocument } from "@/app/v1/api-document";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "API reference" };

export default async function ApiReferencePage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const access = await requireOrgPage(orgSlug);
  return (
    <>
      <PageHeader title="API reference" description={`The admin API under /v1/orgs/${access.org.slug}: every route, its permission, parameters and body`} />
      <ApiReference document={apiDocument()} />
    </>
  );
}
