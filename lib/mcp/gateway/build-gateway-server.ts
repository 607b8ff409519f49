import { ProtocolError, ProtocolErrorCode, ResourceNotFoundError, Server, type ServerContext } from "@modelcontextprotocol/server";
import { db } from "@/lib/db/prisma";
import type { TokenPrincipal } from "@/lib/auth/principal";
import { getEffectiveAccess, type EffectiveAccess } from "@/lib/mcp/effective-access";
import { exposedName } from "@/lib/mcp/exposed-name";
import { forwardToolCall } from "@/lib/mcp/gateway/forward-tool-call";
import { callUpstream } from "@/lib/mcp/gateway/call-upstream";
import { matchesUriTemplate } from "@/lib/mcp/uri-template";

export type GatewayCaller = { orgId: string; orgSlug: string; principal: TokenPrincipal; requestId: string };

/**
 * The MCP server one gateway request talks to, built per request for one
 * caller. Lists come from the catalog in the database; calls, prompt gets and
 * resource reads go to the upstream. Everything the caller may use comes from
 * getEffectiveAccess, computed once per request.
 */
export function buildGatewayServer(caller: GatewayCaller): Server {
  const server = new Server(
    { name: `control-room/${caller.orgSlug}`, version: "1.0.0" },
    {
      capabilities: { tools: { listChanged: false }, prompts: {}, resources: {}, logging: {} },
      instructions: "Control Room gateway: the tools, prompts and resources this credential may use.",
    },
  );
  let access: Promise<EffectiveAccess> | undefined;
  const effective = () => (access ??= getEffectiveAccess({ orgId: caller.orgId, principal: caller.principal }));

  server.setRequestHandler("tools/list", async () => {
    const { tools } = await effective();
    return {
      tools: tools.map((t) => ({
        name: t.exposedName,
        ...(t.title ? { title: t.title } : {}),
        description: t.description,
        inputSchema: t.inputSchema as { type: "object" },
        ...(t.outputSchema ? { outputSchema: t.outputSchema as { type: "object" } } : {}),
        ...(t.annotations ? { annotations: t.annotations as Record<string, unknown> } : {}),
      })),
    };
  });

  server.setRequestHandler("tools/call", async (request, ctx: ServerContext) => {
    const { tools } = await getEffectiveAccess({ orgId: caller.orgId, principal: caller.principal, exposedName: request.params.name });
    return forwardToolCall({ caller, tools, request, ctx });
  });

  server.setRequestHandler("prompts/list", async () => {
    const servers = (await effective()).servers;
    const prompts = await db().catalogPrompt.findMany({ where: { serverId: { in: [...servers.keys()] } }, orderBy: { name: "asc" } });
    return {
      prompts: prompts.map((p) => ({
        name: exposedName(servers.get(p.serverId)!.slug, p.name),
        ...(p.title ? { title: p.title } : {}),
        description: p.description,
        ...(p.arguments ? { arguments: p.arguments as { name: string }[] } : {}),
      })),
    };
  });

  server.setRequestHandler("prompts/get", async (request, ctx) => {
    const servers = (await effective()).servers;
    const prompts = await db().catalogPrompt.findMany({ where: { serverId: { in: [...servers.keys()] } } });
    const prompt = prompts.find((p) => exposedName(servers.get(p.serverId)!.slug, p.name) === request.params.name);
    if (!prompt) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown prompt: ${request.params.name}`);
    const upstream = servers.get(prompt.serverId)!;
    return callUpstream(upstream, (client, options) => client.getPrompt({ name: prompt.name, arguments: request.params.arguments }, options), ctx);
  });

  server.setRequestHandler("resources/list", async () => {
    const servers = (await effective()).servers;
    const resources = await db().catalogResource.findMany({ where: { serverId: { in: [...servers.keys()] } }, orderBy: { uri: "asc" } });
    return {
      resources: resources.map((r) => ({
        uri: r.uri,
        name: r.name,
        ...(r.title ? { title: r.title } : {}),
        description: r.description,
        ...(r.mimeType ? { mimeType: r.mimeType } : {}),
      })),
    };
  });

  server.setRequestHandler("resources/templates/list", async () => {
    const servers = (await effective()).servers;
    const templates = await db().catalogResourceTemplate.findMany({ where: { serverId: { in: [...servers.keys()] } }, orderBy: { uriTemplate: "asc" } });
    return {
      resourceTemplates: templates.map((r) => ({
        uriTemplate: r.uriTemplate,
        name: r.name,
        ...(r.title ? { title: r.title } : {}),
        description: r.description,
        ...(r.mimeType ? { mimeType: r.mimeType } : {}),
      })),
    };
  });

  server.setRequestHandler("resources/read", async (request, ctx) => {
    const servers = (await effective()).servers;
    const ids = [...servers.keys()];
    const { uri } = request.params;
    const exact = await db().catalogResource.findFirst({ where: { serverId: { in: ids }, uri }, select: { serverId: true } });
    const serverId =
      exact?.serverId ??
      (await db().catalogResourceTemplate.findMany({ where: { serverId: { in: ids } } })).find((t) => matchesUriTemplate(t.uriTemplate, uri))?.serverId;
    if (!serverId) throw new ResourceNotFoundError(uri);
    return callUpstream(servers.get(serverId)!, (client, options) => client.readResource({ uri }, { ...options, cacheMode: "bypass" }), ctx);
  });

  return server;
}
