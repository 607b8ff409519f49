import type { CallerAuthorization } from "@/lib/mcp/relay/authorize-caller";
import type { CallerReply } from "@/lib/mcp/relay/caller-reply";
import { ErrorCode, type RequestId } from "@/lib/mcp/relay/protocol";
import { answerOutcome, type OutcomeTable } from "@/lib/outcome-table";

/** The one 401 of the endpoint: missing credentials, or any unusable token (no oracle between the kinds). */
export function unauthorized(reply: CallerReply, invalid: boolean) {
  return reply.error(
    401,
    null,
    ErrorCode.Unauthorized,
    invalid ? "The access token is invalid, expired or revoked" : "Send a service token as Authorization: Bearer alk_svc_…",
    undefined,
    { "www-authenticate": invalid ? 'Bearer realm="control-room", error="invalid_token"' : 'Bearer realm="control-room"' },
  );
}

type Refusal = Exclude<CallerAuthorization, { kind: "ok" }>;
type Answer = (reply: CallerReply, id: RequestId | null) => void;

/** Every refusal of the round trip, as the endpoint's answer (the admin API's table: lib/auth/authenticate-request.ts). */
const REFUSALS = {
  invalid: () => (reply) => unauthorized(reply, true),
  throttled: ({ retryAfterSeconds }) => (reply, id) =>
    reply.error(429, id, ErrorCode.RateLimited, "Too many invalid tokens from this address; slow down", undefined, { "retry-after": String(retryAfterSeconds) }),
  // The same opaque answer whichever allowlist layer refused.
  network_denied: () => (reply, id) => reply.error(403, id, ErrorCode.Forbidden, "Forbidden"),
  rate_limited: ({ headers }) => (reply, id) =>
    reply.error(429, id, ErrorCode.RateLimited, "Rate limit exceeded for this token", undefined, Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))),
  session_not_found: () => (reply, id) => reply.error(404, id, -32001, "Session not found: it ended or was never opened with this token; initialize a new one"),
  unavailable: ({ retryAfterSeconds }) => (reply, id) =>
    reply.error(503, id, ErrorCode.Unavailable, `The gateway is temporarily unavailable; retry in ${retryAfterSeconds} s`, undefined, { "retry-after": String(retryAfterSeconds) }),
} satisfies OutcomeTable<Refusal, Answer>;

/** Answers a refusal of the round trip; false (nothing sent) when the caller may go on. */
export function refuse(reply: CallerReply, id: RequestId | null, outcome: CallerAuthorization): outcome is Refusal {
  if (outcome.kind === "ok") return false;
  answerOutcome<Refusal, Answer>(REFUSALS, outcome)(reply, id);
  return true;
}
