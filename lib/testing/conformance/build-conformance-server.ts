import { McpServer, type McpRequestContext, type RequestStateCodec } from "@modelcontextprotocol/server";
import type { SkillCatalog } from "@modelcontextprotocol/server/ext/skills";
import { registerContentTools } from "./content-tools";
import { registerInputRequiredTools, type RoundState } from "./input-required-tools";
import { registerInteractiveTools } from "./interactive-tools";
import { registerListChangeTools, type DynamicCatalog, type ListChangePublisher } from "./list-change-tools";
import { registerPrompts } from "./prompts";
import { registerResources } from "./resources";

export type ConformanceServerDeps = { codec: RequestStateCodec<RoundState>; catalog: DynamicCatalog; publish: ListChangePublisher; skills: SkillCatalog };

/**
 * One factory for both eras: every tool, prompt and resource the
 * conformance suite's server scenarios call, by the names they use.
 */
export function buildConformanceServer({ codec, catalog, publish, skills }: ConformanceServerDeps, { era }: Pick<McpRequestContext, "era">): McpServer {
  const server = new McpServer(
    { name: "control-room-conformance-upstream", version: "1.0.0" },
    {
      capabilities: {
        tools: { listChanged: true },
        prompts: { listChanged: true },
        resources: { subscribe: true, listChanged: true },
        logging: {},
        completions: {},
      },
      requestState: { verify: codec.verify },
    },
  );
  registerContentTools(server);
  registerInteractiveTools(server);
  registerInputRequiredTools(server, codec);
  registerListChangeTools(server, catalog, publish, era);
  registerPrompts(server);
  registerResources(server);
  skills.attach(server);
  return server;
}
