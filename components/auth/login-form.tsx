"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-actions";

const MESSAGES: Record<string, string> = {
  RateLimited: "Too many failed sign-in attempts. Wait a few minutes and try again.",
  AccessDenied: "This account cannot sign in here. Ask an administrator to add you.",
  SessionExpired: "Your session ended. Sign in again to go back where you were.",
};
// One message for a wrong email, a wrong password and a disabled account.
const GENERIC = "Email or password is incorrect.";

export function LoginForm({
  callbackUrl,
  initialError,
  oidc,
}: {
  callbackUrl: string;
  initialError?: string;
  oidc: { name: string } | null;
}) {
  const [error, setError] = useState<string | null>(initialError ? (MESSAGES[initialError] ?? GENERIC) : null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(MESSAGES[result?.error ?? ""] ?? GENERIC);
      return;
    }
    // A full load: pages the router cached while signed out (prefetched into redirects to here) must not be reused.
    window.location.replace(callbackUrl);
  }

  return (
    <div className="mt-6 space-y-4">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <FormError message={error} />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {oidc ? (
        <Button variant="secondary" className="w-full" onClick={() => signIn("oidc", { callbackUrl })}>
          Continue with {oidc.name}
        </Button>
      ) : null}
    </div>
  );
}
