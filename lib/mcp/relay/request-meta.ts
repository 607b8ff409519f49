import { META, MODERN_VERSION, type JsonObject } from "@/lib/mcp/relay/protocol";
import type { SessionIdentity } from "@/lib/mcp/relay/upstream-sessions";

const metaOf = (params: JsonObject): JsonObject => {
  const meta = params._meta;
  return meta && typeof meta === "object" && !Array.isArray(meta) ? (meta as JsonObject) : {};
};

/** A 2025-era caller's request, made self-describing for a 2026-07-28 upstream: version, capabilities, identity and log level in `_meta`. */
export function withModernMeta(params: JsonObject, identity: SessionIdentity): JsonObject {
  return {
    ...params,
    _meta: {
      ...metaOf(params),
      [META.protocolVersion]: MODERN_VERSION,
      [META.clientCapabilities]: identity.capabilities,
      ...(identity.clientInfo ? { [META.clientInfo]: identity.clientInfo } : {}),
      ...(identity.logLevel ? { [META.logLevel]: identity.logLevel } : {}),
    },
  };
}

/** A 2026-07-28 caller's request for a 2025-era upstream session: the per-request envelope keys are the session's business there. */
export function withoutModernMeta(params: JsonObject): JsonObject {
  const meta = metaOf(params);
  const kept = Object.fromEntries(Object.entries(meta).filter(([key]) => !key.startsWith("io.modelcontextprotocol/")));
  const rest = { ...params };
  delete rest._meta;
  return Object.keys(kept).length ? { ...rest, _meta: kept } : rest;
}

export function modernMeta(params: JsonObject): { capabilities: JsonObject; clientInfo: JsonObject | null; logLevel: string | null } {
  const meta = metaOf(params);
  const capabilities = meta[META.clientCapabilities];
  const clientInfo = meta[META.clientInfo];
  const logLevel = meta[META.logLevel];
  return {
    capabilities: capabilities && typeof capabilities === "object" ? (capabilities as JsonObject) : {},
    clientInfo: clientInfo && typeof clientInfo === "object" ? (clientInfo as JsonObject) : null,
    logLevel: typeof logLevel === "string" ? logLevel : null,
  };
}
