// Wire constants of the two protocol eras the relay speaks, in one place.

/** The stateless revision: every request carries its version and capabilities in `_meta`. */
export const MODERN_VERSION = "2026-07-28";
/** initialize-era revisions the gateway accepts from callers, newest first. 2025-03-26 (with batches) is not offered. */
export const LEGACY_VERSIONS = ["2025-11-25", "2025-06-18"] as const;
export const LATEST_LEGACY_VERSION = LEGACY_VERSIONS[0];

export const isModernVersion = (version: string) => version >= MODERN_VERSION;

export const META = {
  protocolVersion: "io.modelcontextprotocol/protocolVersion",
  clientCapabilities: "io.modelcontextprotocol/clientCapabilities",
  clientInfo: "io.modelcontextprotocol/clientInfo",
  logLevel: "io.modelcontextprotocol/logLevel",
  serverInfo: "io.modelcontextprotocol/serverInfo",
  subscriptionId: "io.modelcontextprotocol/subscriptionId",
} as const;

/** JSON-RPC error codes: the standard ones, the MCP specification's, and the gateway's own (-32000 … -32019 are implementation-defined). */
export const ErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  HeaderMismatch: -32020,
  MissingRequiredClientCapability: -32021,
  UnsupportedProtocolVersion: -32022,
  /** The upstream closed the stream before it answered (the SDKs' ConnectionClosed). */
  UpstreamClosed: -32000,
  /** The upstream did not answer within its server's timeout (the SDKs' RequestTimeout). */
  UpstreamTimeout: -32001,
  Unauthorized: -32001,
  UpstreamUnreachable: -32010,
  UpstreamNotMcp: -32011,
  UpstreamBlocked: -32012,
  UpstreamHttpError: -32013,
  Unavailable: -32014,
  Forbidden: -32015,
  RateLimited: -32016,
} as const;

/** The server→client request kinds and the client capability each needs. */
export const CLIENT_REQUEST_CAPABILITY: Record<string, string> = {
  "sampling/createMessage": "sampling",
  "elicitation/create": "elicitation",
  "roots/list": "roots",
};

/** Methods that may answer with an InputRequiredResult on 2026-07-28 (multi round-trip requests). */
export const MRTR_METHODS = new Set(["tools/call", "prompts/get", "resources/read"]);

export type JsonObject = Record<string, unknown>;
export type RequestId = string | number;
