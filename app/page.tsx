import { redirect } from "next/navigation";
import { getSessionPrincipal } from "@/lib/auth/get-session-principal";
import { listUserOrgs } from "@/lib/orgs/list-user-orgs";

export default async function Home() {
  const principal = await getSessionPrincipal();
  if (!principal) redirect("/login");
  const orgs = await listUserOrgs({ userId: principal.userId });
  if (orgs[0]) redirect(`/${orgs[0].slug}`);
  return (
    <main className="mx-auto max-w-lg p-12 text-center">
      <h1 className="text-xl font-semibold">No organization yet</h1>
      <p className="mt-2 text-slate-600">
        You are signed in as {principal.email}, but you are not a member of any organization. Ask an owner or admin to add you.
      </p>
    </main>
  );
}
