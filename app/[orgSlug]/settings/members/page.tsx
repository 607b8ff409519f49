import type { Metadata } from "next";
import { MembersView } from "@/components/members/members-view";
import { requireOrgPage } from "@/lib/auth/require-org-page";

export const metadata: Metadata = { title: "Members" };

export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org, principal, role } = await requireOrgPage((await params).orgSlug, { manage: true });
  // `manage: true` lets only owners and admins through.
  return <MembersView org={{ slug: org.slug, name: org.name }} currentUserId={principal.userId} actorRole={role === "OWNER" ? "OWNER" : "ADMIN"} />;
}
