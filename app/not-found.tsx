import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-12 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">It does not exist, or you are not a member of the organization it belongs to.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-600 hover:underline">
        Go home
      </Link>
    </main>
  );
}
