import { redirect } from "next/navigation";

// Service accounts live in the main navigation; this keeps the settings-style URL working.
export default async function Page({ params }: { params: Promise<{ orgSlug: string }> }) {
  redirect(`/${encodeURIComponent((await params).orgSlug)}/service-accounts`);
}
