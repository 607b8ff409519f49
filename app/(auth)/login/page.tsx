import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getSessionPrincipal } from "@/lib/auth/get-session-principal";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { env, oidcEnabled } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; expired?: string }> }) {
  if (await getSessionPrincipal()) redirect("/");
  const { callbackUrl, error, expired } = await searchParams;
  const config = env();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in to Control Room</h1>
        <p className="mt-1 text-sm text-slate-600">Manage bots, tokens and access to your MCP servers.</p>
        <LoginForm
          callbackUrl={safeReturnPath(callbackUrl)}
          // Not `error`: next-auth reads that parameter of the page it returns to as the sign-in's own outcome.
          initialError={error ?? (expired ? "SessionExpired" : undefined)}
          oidc={oidcEnabled(config) ? { name: config.OIDC_NAME } : null}
        />
      </div>
    </main>
  );
}
