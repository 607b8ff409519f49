import type { OutgoingHttpHeaders } from "node:http";
import { MODERN_VERSION } from "@/lib/mcp/relay/protocol";

const HEADER_SAFE = /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/;

/** A value for Mcp-Name / Mcp-Param-*: as is when it is plain header-safe ASCII, else the spec's Base64 sentinel form. */
export function encodeMcpHeaderValue(value: string): string {
  if (HEADER_SAFE.test(value) && !(value.startsWith("=?base64?") && value.endsWith("?="))) return value;
  return `=?base64?${Buffer.from(value, "utf8").toString("base64")}?=`;
}

/** The headers of a request the gateway sends an upstream (its static headers are added by sendToUpstream). */
export function upstreamHeaders({
  protocolVersion,
  sessionId,
  method,
  name,
  passThrough,
}: {
  protocolVersion: string;
  sessionId?: string | null;
  method?: string;
  name?: string;
  /** Caller headers that travel on (Mcp-Param-*, traceparent…). */
  passThrough?: OutgoingHttpHeaders;
}): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    ...passThrough,
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    "mcp-protocol-version": protocolVersion,
    "user-agent": "control-room-gateway",
  };
  if (sessionId) headers["mcp-session-id"] = sessionId;
  if (protocolVersion === MODERN_VERSION && method) {
    headers["mcp-method"] = method;
    if (name !== undefined) headers["mcp-name"] = encodeMcpHeaderValue(name);
  }
  return headers;
}

/** Caller headers that are the caller's to send on: the tool's Mcp-Param-* mirrors and the W3C trace context. */
export function passThroughHeaders(headers: Record<string, string | string[] | undefined>): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (name.startsWith("mcp-param-") || name === "traceparent" || name === "tracestate" || name === "baggage") out[name] = value;
  }
  return out;
}
