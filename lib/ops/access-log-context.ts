import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";

// What code deep inside a request adds to that request's access-log line:
// who called, in which organization, and for MCP what was asked and how it
// ended. Keyed by the Node response (a WeakMap: nothing outlives the
// request), and found from inside Next's route handlers through an
// AsyncLocalStorage that lib/ops/observe-request.ts enters per request.
// On globalThis, because Next's bundle has its own copy of this module.

export type AccessLogFields = {
  orgSlug?: string;
  /** "user" (a session) or "token" (a service token). */
  principalKind?: "user" | "token";
  /** The user's id, or the token's id. */
  principalId?: string;
  /** The token's display prefix (alk_svc_ + 8 characters); never the token. */
  tokenPrefix?: string;
  serviceAccountId?: string;
  /** The JSON-RPC method of an MCP request ("tools/call", "tools/list" …). */
  rpcMethod?: string;
  /** The exposed tool name of a tools/call. */
  tool?: string;
  /** How an MCP call ended: OK, ERROR, TIMEOUT, DENIED … */
  outcome?: string;
};

type State = { current: AsyncLocalStorage<ServerResponse>; fields: WeakMap<ServerResponse, AccessLogFields> };

const globalForAccessLog = globalThis as unknown as { controlRoomAccessLog?: State };
export const accessLogState: State = (globalForAccessLog.controlRoomAccessLog ??= {
  current: new AsyncLocalStorage<ServerResponse>(),
  fields: new WeakMap(),
});

/** Adds fields to the access-log line of the request this response answers (later values win). */
export function annotateAccessLog(res: ServerResponse, fields: AccessLogFields): void {
  // One object per request, filled in place: the MCP endpoint annotates every call three times.
  let line = accessLogState.fields.get(res);
  if (!line) accessLogState.fields.set(res, (line = {}));
  for (const key in fields) {
    const value = fields[key as keyof AccessLogFields];
    if (value !== undefined && value !== null) (line as Record<string, unknown>)[key] = value;
  }
}

/** annotateAccessLog for code that has no response at hand (route handlers, services): the current request's. */
export function annotateCurrentRequest(fields: AccessLogFields): void {
  const res = accessLogState.current.getStore();
  if (res) annotateAccessLog(res, fields);
}
