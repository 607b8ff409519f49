import { randomUUID } from "node:crypto";
import type { JsonObject } from "@/lib/mcp/relay/protocol";

// The answers this instance waits for from 2025-era callers: server→client
// requests the relay made up from a 2026-07-28 upstream's input_required
// result. The caller answers each with a POST that may land on any instance;
// the sealed id it answers names this one (see relay-client-response.ts).

type Waiter = {
  tokenId: string;
  keys: Set<string>;
  responses: Record<string, JsonObject>;
  failure: JsonObject | null;
  done: (outcome: "answered") => void;
};

const waiting = new Map<string, Waiter>();

export type PendingInputs = {
  id: string;
  /** Resolves when every key is answered (or one failed), the caller left, or the time is up. */
  wait(timeoutMs: number, gone: Promise<void>): Promise<{ kind: "answered"; responses: Record<string, JsonObject> } | { kind: "failed"; error: JsonObject } | { kind: "gone" } | { kind: "timeout" }>;
};

export function waitForInputs(tokenId: string, keys: string[]): PendingInputs {
  const id = randomUUID();
  let done: (outcome: "answered") => void = () => {};
  const answered = new Promise<"answered">((resolve) => (done = resolve));
  const waiter: Waiter = { tokenId, keys: new Set(keys), responses: {}, failure: null, done };
  waiting.set(id, waiter);
  return {
    id,
    async wait(timeoutMs, gone) {
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        answered,
        gone.then(() => "gone" as const),
        new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs))),
      ]);
      clearTimeout(timer);
      waiting.delete(id);
      if (outcome === "answered") return waiter.failure ? { kind: "failed", error: waiter.failure } : { kind: "answered", responses: waiter.responses };
      return { kind: outcome };
    },
  };
}

/** A caller's answer to one made-up request: false when nothing here waits for it (or it is another token's). */
export function deliverInput({ waiterId, key, tokenId, message }: { waiterId: string; key: string; tokenId: string; message: JsonObject }): boolean {
  const waiter = waiting.get(waiterId);
  if (!waiter || waiter.tokenId !== tokenId || !waiter.keys.has(key)) return false;
  waiter.keys.delete(key);
  if (message.error) waiter.failure = message.error as JsonObject;
  else waiter.responses[key] = (message.result ?? {}) as JsonObject;
  if (!waiter.keys.size || waiter.failure) waiter.done("answered");
  return true;
}
