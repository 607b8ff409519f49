"use client";

import { useMemo, useRef } from "react";

export type Submission = {
  /**
   * Starts a submission and returns its Idempotency-Key, or null while one is
   * in flight (the second click of a double click: React Query's `isPending`
   * reaches the button a tick too late to stop it).
   */
  start(): string | null;
  /** The create happened: the next submission is a new one, with a new key. */
  succeeded(): void;
  /** It failed: a retry keeps the key, so a request that did land is not repeated. */
  failed(): void;
};

/** One create form's guard against acting twice: in the browser, and on the server through Idempotency-Key. */
export function useSubmission(): Submission {
  const inFlight = useRef(false);
  const key = useRef<string | null>(null);
  return useMemo(
    () => ({
      start() {
        if (inFlight.current) return null;
        inFlight.current = true;
        key.current ??= newKey();
        return key.current;
      },
      succeeded() {
        inFlight.current = false;
        key.current = null;
      },
      failed() {
        inFlight.current = false;
      },
    }),
    [],
  );
}

function newKey(): string {
  // randomUUID needs a secure context; a Control Room on a plain-HTTP address still gets a random key.
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}
