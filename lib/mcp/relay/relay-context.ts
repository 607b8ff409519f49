import type { OutgoingHttpHeaders } from "node:http";
import type { AuthorizedCaller } from "@/lib/mcp/relay/authorize-caller";
import type { CallerReply } from "@/lib/mcp/relay/caller-reply";
import type { JsonObject, RequestId } from "@/lib/mcp/relay/protocol";
import type { SessionIdentity } from "@/lib/mcp/relay/upstream-sessions";

/** Everything a relayed request needs to know about who asked and how to answer. */
export type RelayContext = {
  reply: CallerReply;
  caller: AuthorizedCaller;
  /** The caller's protocol era: 2025-11-25 family (initialize, sessions) or 2026-07-28 (stateless). */
  era: "legacy" | "modern";
  /** Capabilities, client identity, version and log level the caller declared (its session's, or this request's `_meta`). */
  identity: SessionIdentity;
  /** Caller headers that travel on to the upstream (Mcp-Param-*, trace context). */
  passThrough: OutgoingHttpHeaders;
  requestId: string;
};

/** One request to relay: the caller's id, and what the upstream gets (its own tool or prompt name already in place). */
export type RelayRequest = { id: RequestId; method: string; params: JsonObject; upstreamName?: string };
