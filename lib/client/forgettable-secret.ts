"use client";

/** A secret held in React state that can be wiped, not merely replaced. */
export type ForgettableSecret = { readonly value: string; forget: () => void };

/**
 * React keeps a component's previous state in the fiber's alternate until
 * that component renders again, so `setState(null)` alone leaves a shown-once
 * secret reachable in memory after the panel closes. Keep the secret in this
 * box instead and call `forget()` on Done: every copy of the state then points
 * at an empty box.
 */
export function forgettableSecret(secret: string): ForgettableSecret {
  let held = secret;
  return {
    get value() {
      return held;
    },
    forget() {
      held = "";
    },
  };
}
