import type { CallerAuthorization } from "@/lib/mcp/relay/authorize-caller";
import type { CallerReply } from "@/lib/mcp/relay/caller-reply";
import { ErrorCode, type RequestId } from "@/lib/mcp/relay/protocol";

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


/** Maps every refusal of the round trip to its answer; the caller when it may go on. */
export function refuse(reply: CallerReply, id: RequestId | null, outcome: CallerAuthorization): outcome is Exclude<CallerAuthorization, { kind: "ok" }> {
  switch (outcome.kind) {
    case "ok":
      return false;
    case "invalid":
      unauthorized(reply, true);
      return true;
    case "throttled":
      reply.error(429, id, ErrorCode.RateLimited, "Too many invalid tokens from this address; slow down", undefined, { "retry-after": String(outcome.retryAfterSeconds) });
      return true;
    case "network_denied":
      // The same opaque answer whichever allowlist layer refused.
      reply.error(403, id, ErrorCode.Forbidden, "Forbidden");
      return true;
    case "rate_limited":
      reply.error(429, id, ErrorCode.RateLimited, "Rate limit exceeded for this token", undefined, Object.fromEntries(Object.entries(outcome.headers).map(([k, v]) => [k.toLowerCase(), v])));
      return true;
    case "session_not_found":
      reply.error(404, id, -32001, "Session not found: it ended or was never opened with this token; initialize a new one");
      return true;
    case "unavailable":
      reply.error(503, id, ErrorCode.Unavailable, `The gateway is temporarily unavailable; retry in ${outcome.retryAfterSeconds} s`, undefined, { "retry-after": String(outcome.retryAfterSeconds) });
      return true;
  }
}

