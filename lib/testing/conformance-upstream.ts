import { randomBytes } from "node:crypto";
import {
  createMcpHandler,
  createRequestStateCodec,
  hostHeaderValidationResponse,
  isLegacyRequest,
  localhostAllowedHostnames,
  localhostAllowedOrigins,
  originValidationResponse,
} from "@modelcontextprotocol/server";
import { buildConformanceServer, type ConformanceServerDeps } from "./conformance/build-conformance-server";
import type { RoundState } from "./conformance/input-required-tools";
import { createLegacySessions } from "./conformance/legacy-sessions";
import { loadConformanceSkills } from "./conformance/skills";
import { serveFetchHandler, type RunningServer } from "./mcp-upstreams";

/**
 * The upstream the official MCP conformance suite runs against: built with
 * the server SDK (v2), passing every server scenario directly on both
 * revisions. 2026-07-28 is stateless (createMcpHandler's modern path);
 * 2025-era traffic (isLegacyRequest) goes to sessionful Streamable HTTP.
 * Host and Origin must be localhost (the dns-rebinding-protection scenario).
 */
export async function startConformanceUpstream(): Promise<RunningServer> {
  const deps: ConformanceServerDeps = {
    // A fresh key per upstream: requestState never verifies across restarts, and no secret is fixed in code.
    codec: createRequestStateCodec<RoundState>({ key: randomBytes(32) }),
    catalog: { extraTool: false, extraPrompt: false },
    // Called from tool handlers, so only once `modern` below exists.
    publish: { toolsChanged: () => modern.notify.toolsChanged(), promptsChanged: () => modern.notify.promptsChanged() },
    skills: await loadConformanceSkills(),
  };
  const modern = createMcpHandler(({ era }) => buildConformanceServer(deps, { era }), { legacy: "reject" });
  const legacy = createLegacySessions(() => buildConformanceServer(deps, { era: "legacy" }));

  const running = await serveFetchHandler(async (request) => {
    const rejected = hostHeaderValidationResponse(request, localhostAllowedHostnames()) ?? originValidationResponse(request, localhostAllowedOrigins());
    if (rejected) return rejected;
    return (await isLegacyRequest(request)) ? legacy.handle(request) : modern.fetch(request);
  }, "/mcp");

  return {
    ...running,
    close: async () => {
      await Promise.all([legacy.close(), modern.close()]);
      await running.close();
    },
  };
}
