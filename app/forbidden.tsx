import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg p-12 text-center">
      <p className="text-sm font-semibold text-indigo-600">403</p>
      <h1 className="mt-2 text-xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-slate-600">Only owners and admins of this organization can open it. Ask one of them if you need access.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-600 hover:underline">
        Back to the overview
      </Link>
    </main>
  );
}
