import { db } from "@/lib/db/prisma";
import type { RelayOutcome } from "@/lib/mcp/relay/call-control";
import { exposedName } from "@/lib/exposed-name";
import type { ContinuationState } from "@/lib/mcp/relay/modern-caller-continuation";
import { ErrorCode, type JsonObject, type RequestId } from "@/lib/mcp/relay/protocol";
import type { RelayContext } from "@/lib/mcp/relay/relay-context";
import { relayRequest } from "@/lib/mcp/relay/relay-request";
import { upstreamEras, type UpstreamServer } from "@/lib/mcp/relay/upstream-server";
import { matchesUriTemplate } from "@/lib/mcp/uri-template";
import { recordToolCall } from "@/lib/usage/record-tool-call";
import { annotateAccessLog } from "@/lib/ops/access-log-context";
import { recordMcpCall } from "@/lib/ops/record-mcp-call";

const bytes = (value: unknown) => (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value)));

/**
 * tools/call: a tool outside the caller's set gets exactly the error of a
 * tool that does not exist; an allowed one is relayed under its upstream name.
 * Every call is recorded (outcome, duration, sizes), bodies never.
 */
export async function relayToolCall(ctx: RelayContext, id: RequestId, params: JsonObject, resume?: ContinuationState): Promise<void> {
  const started = performance.now();
  const name = String(params.name ?? "");
  const tool = ctx.caller.tool;
  const record = (outcome: RelayOutcome) => {
    const durationMs = Math.round(performance.now() - started);
    annotateAccessLog(ctx.reply.res, { tool: name.slice(0, 200), outcome: outcome.outcome });
    recordMcpCall({ orgSlug: ctx.caller.principal.orgSlug, upstream: tool?.server.slug ?? "(none)", outcome: outcome.outcome, durationMs });
    recordToolCall({
      orgId: ctx.caller.principal.orgId,
      serviceAccountId: ctx.caller.principal.serviceAccount?.id ?? null,
      tokenId: ctx.caller.principal.tokenId,
      userId: null,
      exposedName: name.slice(0, 200),
      serverId: tool?.server.id ?? null,
      outcome: outcome.outcome,
      durationMs,
      requestId: ctx.requestId,
      argumentBytes: bytes(params.arguments),
      resultBytes: outcome.resultBytes,
      errorMessage: outcome.errorMessage?.slice(0, 500) ?? null,
    });
  };
  if (!tool) {
    ctx.reply.error(200, id, ErrorCode.InvalidParams, `Unknown tool: ${name}`);
    return record({ outcome: "DENIED", resultBytes: 0, errorMessage: null });
  }
  const outcome = await relayRequest(ctx, { id, method: "tools/call", params: { ...params, name: tool.name }, upstreamName: tool.name }, tool.server, resume);
  record(outcome);
}

/** prompts/get: the prompt, by its exposed name, on a server the caller may read. */
export async function relayPromptGet(ctx: RelayContext, id: RequestId, params: JsonObject, resume?: ContinuationState): Promise<void> {
  const found = await findPrompt(ctx.caller.servers ?? [], String(params.name ?? ""));
  if (!found) return ctx.reply.error(200, id, ErrorCode.InvalidParams, `Unknown prompt: ${String(params.name ?? "")}`);
  await relayRequest(ctx, { id, method: "prompts/get", params: { ...params, name: found.name }, upstreamName: found.name }, found.server, resume);
}

/** resources/read, subscribe, unsubscribe: the server that lists the resource, or one of whose templates matches its URI. */
export async function relayResourceMethod(ctx: RelayContext, id: RequestId, method: string, params: JsonObject, resume?: ContinuationState): Promise<void> {
  const uri = String(params.uri ?? "");
  const server = await findResourceServer(ctx.caller.servers ?? [], uri);
  if (!server) {
    // 2026-07-28 changed "resource not found" to Invalid Params; 2025-11-25 says -32002.
    return ctx.reply.error(200, id, ctx.era === "modern" ? ErrorCode.InvalidParams : -32002, `Resource not found: ${uri}`, { uri });
  }
  if (method !== "resources/read" && !upstreamEras(server).legacy) {
    return ctx.reply.error(200, id, ErrorCode.MethodNotFound, `Upstream "${server.slug}" speaks only 2026-07-28, where ${method} does not exist`);
  }
  await relayRequest(ctx, { id, method, params, upstreamName: uri }, server, resume);
}

/** completion/complete: to the server of the prompt or resource template it completes an argument of. */
export async function relayCompletion(ctx: RelayContext, id: RequestId, params: JsonObject): Promise<void> {
  const ref = (params.ref ?? {}) as { type?: string; name?: string; uri?: string };
  const servers = ctx.caller.servers ?? [];
  if (ref.type === "ref/prompt") {
    const found = await findPrompt(servers, String(ref.name ?? ""));
    if (!found) return ctx.reply.error(200, id, ErrorCode.InvalidParams, `Unknown prompt: ${String(ref.name ?? "")}`);
    await relayRequest(ctx, { id, method: "completion/complete", params: { ...params, ref: { ...ref, name: found.name } } }, found.server);
    return;
  }
  if (ref.type === "ref/resource") {
    const server = await findResourceServer(servers, String(ref.uri ?? ""));
    if (!server) return ctx.reply.error(200, id, ErrorCode.InvalidParams, `Resource not found: ${String(ref.uri ?? "")}`);
    await relayRequest(ctx, { id, method: "completion/complete", params }, server);
    return;
  }
  ctx.reply.error(200, id, ErrorCode.InvalidParams, "Invalid params: ref must be a ref/prompt or a ref/resource");
}

async function findPrompt(servers: UpstreamServer[], exposed: string): Promise<{ name: string; server: UpstreamServer } | null> {
  if (!servers.length || !exposed) return null;
  const bySlug = new Map(servers.map((s) => [s.slug, s]));
  // Exposed names start with the server's slug; the catalog holds the upstream's own names.
  const prompts = await db().catalogPrompt.findMany({ where: { serverId: { in: servers.map((s) => s.id) } }, select: { serverId: true, name: true } });
  const byId = new Map(servers.map((s) => [s.id, s]));
  for (const prompt of prompts) {
    const server = byId.get(prompt.serverId)!;
    if (exposedName(server.slug, prompt.name) === exposed && bySlug.has(server.slug)) return { name: prompt.name, server };
  }
  return null;
}

async function findResourceServer(servers: UpstreamServer[], uri: string): Promise<UpstreamServer | null> {
  if (!servers.length || !uri) return null;
  const ids = servers.map((s) => s.id);
  const byId = new Map(servers.map((s) => [s.id, s]));
  const exact = await db().catalogResource.findFirst({ where: { serverId: { in: ids }, uri }, select: { serverId: true } });
  if (exact) return byId.get(exact.serverId) ?? null;
  const templates = await db().catalogResourceTemplate.findMany({ where: { serverId: { in: ids } }, select: { serverId: true, uriTemplate: true }, orderBy: { uriTemplate: "asc" } });
  const match = templates.find((t) => matchesUriTemplate(t.uriTemplate, uri));
  if (match) return byId.get(match.serverId) ?? null;
  // A resource an upstream made at run time (in the caller's own session) is in no catalog:
  // it goes to the readable server whose known resources share the longest beginning with it.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(uri)?.[0];
  if (!scheme) return null;
  const known = await db().catalogResource.findMany({ where: { serverId: { in: ids }, uri: { startsWith: scheme } }, select: { serverId: true, uri: true } });
  const candidates = [...known.map((r) => ({ serverId: r.serverId, uri: r.uri })), ...templates.map((t) => ({ serverId: t.serverId, uri: t.uriTemplate.split("{")[0] }))];
  const score = new Map<string, number>();
  for (const candidate of candidates) {
    let shared = 0;
    while (shared < candidate.uri.length && candidate.uri[shared] === uri[shared]) shared++;
    if (shared >= scheme.length) score.set(candidate.serverId, Math.max(score.get(candidate.serverId) ?? 0, shared));
  }
  const ranked = [...score].sort((a, b) => b[1] - a[1]);
  // A tie is no answer: the gateway does not guess between two servers.
  if (!ranked.length || (ranked.length > 1 && ranked[0][1] === ranked[1][1])) return null;
  return byId.get(ranked[0][0]) ?? null;
}
