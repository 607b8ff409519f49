import { createHash, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { clientIpOfNode } from "@/lib/client-ip";
import { countAuthorizationHeaders } from "@/lib/authorization-count";
import { isStorableText } from "@/lib/storable-input";
import { logger } from "@/lib/logger";
import { annotateAccessLog } from "@/lib/ops/access-log-context";
import { principalLogFields } from "@/lib/ops/principal-log-fields";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { answerDiscover, answerInitialize, answerList, answerSetLevel, sendResult } from "@/lib/mcp/relay/answer-gateway-method";
import { authorizeCaller } from "@/lib/mcp/relay/authorize-caller";
import { refuse, unauthorized } from "@/lib/mcp/relay/refuse-caller";
import { CallerReply } from "@/lib/mcp/relay/caller-reply";
import { classifyRequest } from "@/lib/mcp/relay/classify-request";
import { isAllowedMcpOrigin } from "@/lib/mcp/relay/caller-origin";
import { forwardToInstance } from "@/lib/mcp/relay/forward-to-instance";
import { hashSessionId, isPlausibleSessionId } from "@/lib/mcp/relay/gateway-sessions";
import { FORWARDED_HEADER, instanceProcessId, verifyForwardedHeader } from "@/lib/mcp/relay/instance";
import type { ListMethod } from "@/lib/mcp/relay/list-catalog";
import type { ContinuationState } from "@/lib/mcp/relay/modern-caller-continuation";
import { openSessionStream, closeSession } from "@/lib/mcp/relay/session-stream";
import { listenForChanges } from "@/lib/mcp/relay/listen-for-changes";
import { ErrorCode, LEGACY_VERSIONS, MODERN_VERSION, MRTR_METHODS, type JsonObject, type RequestId } from "@/lib/mcp/relay/protocol";
import { relayCallerNotification, routeClientResponse } from "@/lib/mcp/relay/relay-caller-message";
import { relayCompletion, relayPromptGet, relayResourceMethod, relayToolCall } from "@/lib/mcp/relay/relay-caller-method";
import { relayTaskMethod } from "@/lib/mcp/relay/relay-task-method";
import type { RelayContext } from "@/lib/mcp/relay/relay-context";
import { isSealed, unseal } from "@/lib/mcp/relay/relay-seal";
import { readRequestBody } from "@/lib/mcp/relay/read-request-body";
import { modernMeta } from "@/lib/mcp/relay/request-meta";
import { passThroughHeaders } from "@/lib/mcp/relay/upstream-headers";
import { validateMcpNameHeader } from "@/lib/mcp/relay/validate-mcp-name";
import { parseBearerValue } from "@/lib/tokens/parse-bearer";
import { instanceUrl } from "@/lib/mcp/relay/instance";

/** The largest request body a caller may POST (the SDKs' own default). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

const LIST_METHODS = new Set(["tools/list", "prompts/list", "resources/list", "resources/templates/list"]);
const NEEDS_SERVERS = new Set(["prompts/get", "resources/read", "resources/subscribe", "resources/unsubscribe", "completion/complete"]);
/** Methods 2026-07-28 removed: a modern caller gets Method not found (404), as the spec says. */
const REMOVED_IN_MODERN = new Set(["initialize", "ping", "logging/setLevel", "resources/subscribe", "resources/unsubscribe"]);
const MODERN_ONLY = new Set(["server/discover", "subscriptions/listen"]);

type Call = {
  req: IncomingMessage;
  res: ServerResponse;
  reply: CallerReply;
  slug: string;
  requestId: string;
  ip: string | null;
  token: string;
  forwarded: boolean;
};

const digest = (value: unknown) => createHash("sha256").update(stableJson(value)).digest("base64url").slice(0, 22);

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as JsonObject)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * /org/:slug — the MCP endpoint (Streamable HTTP, revisions 2026-07-28 and
 * 2025-11-25), served straight on node:http by server.ts. In order: Origin
 * (403), one bearer service token (401), the body (size, JSON, one message:
 * no batches), the revision's own validation, then one database round trip
 * that says who calls and what it may do, then the gateway answers (handshake,
 * lists from the catalog) or relays to the upstream.
 */
export async function handleMcpRequest(req: IncomingMessage, res: ServerResponse, { slug }: { slug: string }): Promise<void> {
  const requestId = randomUUID();
  const reply = new CallerReply(res, { requestId });
  try {
    const vouched = verifyForwardedHeader(req.headers[FORWARDED_HEADER] as string | undefined);
    const ip = vouched ? vouched.clientIp : clientIpOfNode(req);
    if (!isAllowedMcpOrigin(req.headers.origin)) {
      return reply.error(403, null, ErrorCode.Forbidden, "Forbidden: the Origin is not one of the Control Room's configured origins");
    }
    if (req.method !== "POST" && req.method !== "GET" && req.method !== "DELETE") {
      return reply.error(405, null, ErrorCode.MethodNotFound, `Method ${req.method} is not allowed here`, undefined, { allow: "GET, POST, DELETE" });
    }
    // Node keeps only the first of repeated Authorization headers in req.headers: count them in the raw list.
    const bearer = countAuthorizationHeaders(req.rawHeaders) > 1 ? ({ kind: "malformed" } as const) : parseBearerValue(req.headers.authorization ?? null);
    if (bearer.kind !== "token") return unauthorized(reply, bearer.kind === "malformed");
    const call: Call = { req, res, reply, slug, requestId, ip, token: bearer.token, forwarded: vouched !== null };
    if (req.method === "GET") return await openSessionStream(call, authorizeFor(call, "auth", "legacy", {}));
    if (req.method === "DELETE") return await closeSession(call, authorizeFor(call, "auth", "legacy", {}));
    await handlePost(call);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      logger.error("the MCP endpoint could not reach the database", { requestId, error });
      if (!reply.finished) reply.error(503, null, ErrorCode.Unavailable, "The gateway is temporarily unavailable; retry in 5 s", undefined, { "retry-after": "5" });
      return;
    }
    logger.error("the MCP endpoint failed", { requestId, error });
    if (!reply.finished) reply.error(500, null, ErrorCode.InternalError, `Internal error (request ${requestId})`);
  }
}

/** The one round trip, bound to this request's token, address, session and capabilities. */
function authorizeFor(call: Call, variant: "auth" | "tool" | "servers", era: "legacy" | "modern", params: JsonObject, opensSession = false) {
  return () => {
    // 2026-07-28 has no sessions (a stray header is ignored); initialize opens a new one whatever it carries.
    const header = era === "legacy" && !opensSession ? call.req.headers["mcp-session-id"] : undefined;
    const sessionId = typeof header === "string" && header ? header : null;
    return authorizeCaller({
      variant,
      token: call.token,
      ip: call.ip,
      requestId: call.requestId,
      userAgent: call.req.headers["user-agent"] ?? null,
      orgSlug: call.slug,
      sessionIdHash: sessionId && isPlausibleSessionId(sessionId) ? hashSessionId(sessionId) : sessionId ? "invalid" : null,
      capabilitiesDigest: digest(era === "modern" ? modernMeta(params).capabilities : {}),
      toolName: variant === "tool" ? String(params.name ?? "") : undefined,
    });
  };
}

export type Authorize = ReturnType<typeof authorizeFor>;

function acceptsStreamableHttp(req: IncomingMessage): boolean {
  const accept = String(req.headers.accept ?? "").toLowerCase();
  return accept.includes("*/*") || (accept.includes("application/json") && accept.includes("text/event-stream"));
}

async function handlePost(call: Call): Promise<void> {
  const { req, reply } = call;
  const contentType = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (contentType !== "application/json") return reply.error(415, null, ErrorCode.InvalidRequest, "Unsupported Media Type: send the JSON-RPC message as Content-Type: application/json");
  if (!acceptsStreamableHttp(req)) return reply.error(406, null, ErrorCode.InvalidRequest, "Not Acceptable: send Accept: application/json, text/event-stream");
  const body = await readRequestBody(req, MAX_REQUEST_BYTES);
  if (!body) return reply.error(413, null, ErrorCode.InvalidRequest, `The request body is larger than ${MAX_REQUEST_BYTES / 1024 / 1024} MB`);
  let message: unknown;
  try {
    message = JSON.parse(body.toString("utf8"));
  } catch {
    return reply.error(400, null, ErrorCode.ParseError, "Parse error: the body is not valid JSON");
  }
  if (Array.isArray(message)) {
    // 2025-06-18 removed JSON-RPC batching and no revision the gateway speaks has it; a batch would also run many calls on one rate-limit slot.
    return reply.error(400, null, ErrorCode.InvalidRequest, "Invalid Request: JSON-RPC batches are not supported (removed in MCP 2025-06-18); send one message per request");
  }
  const header = (name: string) => (typeof req.headers[name] === "string" ? (req.headers[name] as string) : undefined);
  const route = classifyRequest({
    httpMethod: "POST",
    protocolVersionHeader: header("mcp-protocol-version"),
    mcpMethodHeader: header("mcp-method"),
    mcpNameHeader: header("mcp-name"),
    body: message,
  });
  const id = idOf(message);
  if (route.kind === "reject") return reply.error(route.httpStatus, id, route.code, route.message, route.data);
  const msg = message as JsonObject;
  if (route.kind === "legacy" && route.reason !== "initialize") {
    const version = header("mcp-protocol-version");
    if (version !== undefined && !(LEGACY_VERSIONS as readonly string[]).includes(version)) {
      return reply.error(400, id, ErrorCode.InvalidRequest, `Bad Request: unsupported protocol version ${version} (supported: ${LEGACY_VERSIONS.join(", ")}, 2026-07-28)`);
    }
  }
  const era = route.kind === "modern" ? "modern" : "legacy";
  if (route.kind === "legacy" && route.reason === "response") return await handleClientResponse(call, msg);
  if (typeof msg.method !== "string") return reply.error(400, id, ErrorCode.InvalidRequest, "Invalid Request: not a JSON-RPC request or notification");
  if (msg.id === undefined) return await handleNotification(call, era, msg);
  if (route.kind === "modern") {
    const requested = route.classification.revision;
    if (requested !== undefined && requested !== MODERN_VERSION) {
      return reply.error(400, id, ErrorCode.UnsupportedProtocolVersion, `Unsupported protocol version: ${requested}`, { supported: [MODERN_VERSION], requested });
    }
    // The version and method headers are required on every 2026-07-28 request, so intermediaries can route on them.
    if (header("mcp-protocol-version") === undefined) return reply.error(400, id, ErrorCode.HeaderMismatch, "Header mismatch: the required MCP-Protocol-Version header is absent");
    if (header("mcp-method") === undefined) return reply.error(400, id, ErrorCode.HeaderMismatch, `Header mismatch: the body names method ${msg.method} but the required Mcp-Method header is absent`);
    const mismatch = validateMcpNameHeader(msg.method, (msg.params ?? {}) as JsonObject, header("mcp-name"));
    if (mismatch) return reply.error(400, id, ErrorCode.HeaderMismatch, mismatch);
  }
  // The names the gateway looks up (tool, prompt, resource, task, cursor) must be storable text:
  // PostgreSQL cannot compare a NUL (22021). Arguments are the upstream's business and pass as sent.
  const unstorable = unstorableLookupField((msg.params ?? {}) as JsonObject);
  if (unstorable) return reply.error(400, id, ErrorCode.InvalidParams, `Invalid params: ${unstorable} contains a character that cannot be stored (NUL or an unpaired surrogate)`);
  await handleRequest(call, era, msg);
}

/** The first looked-up field of a request's params that is not storable text, by its path; null when all are. */
function unstorableLookupField(params: JsonObject): string | null {
  const ref = params.ref && typeof params.ref === "object" ? (params.ref as JsonObject) : {};
  const fields: [string, unknown][] = [["name", params.name], ["uri", params.uri], ["taskId", params.taskId], ["cursor", params.cursor], ["ref.name", ref.name], ["ref.uri", ref.uri]];
  return fields.find(([, value]) => typeof value === "string" && !isStorableText(value))?.[0] ?? null;
}

function idOf(message: unknown): RequestId | null {
  const id = (message as { id?: unknown })?.id;
  return typeof id === "string" || typeof id === "number" ? id : null;
}

async function handleRequest(call: Call, era: "legacy" | "modern", message: JsonObject): Promise<void> {
  const { reply } = call;
  const method = message.method as string;
  const id = message.id as RequestId;
  const params = (message.params && typeof message.params === "object" ? message.params : {}) as JsonObject;
  if (era === "modern" && REMOVED_IN_MODERN.has(method)) return reply.error(404, id, ErrorCode.MethodNotFound, `Method not found: ${method} does not exist in 2026-07-28`);
  if (era === "legacy" && MODERN_ONLY.has(method)) return reply.error(200, id, ErrorCode.MethodNotFound, `Method not found: ${method} is a 2026-07-28 method`);

  // A translated multi round-trip request is held by one instance: its retry goes there.
  let resume: ContinuationState | undefined;
  if (era === "modern" && MRTR_METHODS.has(method) && isSealed(params.requestState)) {
    const state = unseal<ContinuationState>(params.requestState);
    if (state?.k === "mrtr") {
      if (state.p !== instanceProcessId() && state.i !== instanceUrl() && !call.forwarded) {
        return forwardToInstance({ target: state.i, req: call.req, res: call.res, body: Buffer.from(JSON.stringify(message)), clientIp: call.ip, id });
      }
      resume = state;
    }
  }

  const variant = method === "tools/call" ? "tool" : NEEDS_SERVERS.has(method) ? "servers" : "auth";
  annotateAccessLog(call.res, { orgSlug: call.slug, rpcMethod: method });
  const outcome = await authorizeFor(call, variant, era, params, method === "initialize")();
  if (refuse(reply, id, outcome)) return;
  const { caller } = outcome;
  annotateAccessLog(call.res, principalLogFields(caller.principal));
  const declared = era === "modern" ? modernMeta(params) : null;
  const ctx: RelayContext = {
    reply,
    caller,
    era,
    identity: declared
      ? { capabilities: declared.capabilities, clientInfo: declared.clientInfo, protocolVersion: LEGACY_VERSIONS[0], logLevel: declared.logLevel }
      : {
          capabilities: caller.session?.clientCapabilities ?? {},
          clientInfo: caller.session?.clientInfo ?? null,
          protocolVersion: caller.session?.protocolVersion ?? LEGACY_VERSIONS[0],
          logLevel: caller.session?.logLevel ?? null,
        },
    passThrough: passThroughHeaders(call.req.headers),
    requestId: call.requestId,
  };
  switch (method) {
    case "initialize":
      return answerInitialize({ reply, caller, id, params });
    case "server/discover":
      return answerDiscover({ reply, id });
    case "ping":
      return sendResult(reply, era, id, "");
    case "logging/setLevel":
      return answerSetLevel({ reply, id, params, caller });
    case "subscriptions/listen":
      return listenForChanges({ reply, id, params, caller });
    case "tools/call":
      return relayToolCall(ctx, id, params, resume);
    case "prompts/get":
      return relayPromptGet(ctx, id, params, resume);
    case "resources/read":
    case "resources/subscribe":
    case "resources/unsubscribe":
      return relayResourceMethod(ctx, id, method, params, resume);
    case "completion/complete":
      return relayCompletion(ctx, id, params);
    case "tasks/get":
    case "tasks/result":
    case "tasks/cancel":
    case "tasks/list":
      if (era === "legacy") return relayTaskMethod(ctx, id, method, params);
  }
  if (LIST_METHODS.has(method)) return answerList({ reply, era, id, method: method as ListMethod, caller, capabilities: ctx.identity.capabilities });
  reply.error(era === "modern" ? 404 : 200, id, ErrorCode.MethodNotFound, `Method not found: ${method}`);
}

async function handleNotification(call: Call, era: "legacy" | "modern", message: JsonObject): Promise<void> {
  const outcome = await authorizeFor(call, "auth", era, {})();
  if (refuse(call.reply, null, outcome)) return;
  if (era === "legacy") await relayCallerNotification({ caller: outcome.caller, message });
  call.reply.end();
}

async function handleClientResponse(call: Call, message: JsonObject): Promise<void> {
  const outcome = await authorizeFor(call, "auth", "legacy", {})();
  if (refuse(call.reply, null, outcome)) return;
  const routed = await routeClientResponse({ caller: outcome.caller, message, processId: instanceProcessId() });
  if (routed.kind === "elsewhere" && !call.forwarded) {
    return forwardToInstance({ target: routed.instance, req: call.req, res: call.res, body: Buffer.from(JSON.stringify(message)), clientIp: call.ip, id: null });
  }
  if (routed.kind === "unknown") return call.reply.error(400, null, ErrorCode.InvalidRequest, "Bad Request: this response answers no request the gateway is waiting on");
  call.reply.end();
}
