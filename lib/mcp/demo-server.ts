import { createMcpHandler, McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";

// The built-in demo upstream: a few honest tools, served in process (no
// socket), registered on first run as server `demo` with a toolset `Demo`.

export const DEMO_SERVER_SLUG = "demo";
export const DEMO_SERVER_URL = "http://demo.control-room.internal/mcp";

function buildDemoServer() {
  const server = new McpServer({ name: "control-room-demo", version: "1.0.0" }, { capabilities: { logging: {} } });
  server.registerTool(
    "echo",
    { title: "Echo", description: "Returns the message it is given.", inputSchema: z.object({ message: z.string().max(10_000) }), annotations: { readOnlyHint: true } },
    async ({ message }) => ({ content: [{ type: "text", text: message }] }),
  );
  server.registerTool(
    "add",
    {
      title: "Add",
      description: "Adds two numbers.",
      inputSchema: z.object({ a: z.number(), b: z.number() }),
      outputSchema: z.object({ sum: z.number() }),
      annotations: { readOnlyHint: true },
    },
    async ({ a, b }) => ({ content: [{ type: "text", text: String(a + b) }], structuredContent: { sum: a + b } }),
  );
  server.registerTool(
    "current_time",
    {
      title: "Current time",
      description: "The server's current time as an ISO 8601 string, optionally in an IANA time zone.",
      inputSchema: z.object({ timeZone: z.string().max(64).optional() }),
      annotations: { readOnlyHint: true },
    },
    async ({ timeZone }) => {
      const now = new Date();
      if (!timeZone) return { content: [{ type: "text", text: now.toISOString() }] };
      try {
        const local = now.toLocaleString("sv-SE", { timeZone }).replace(" ", "T");
        return { content: [{ type: "text", text: `${local} (${timeZone})` }] };
      } catch {
        return { content: [{ type: "text", text: `Unknown time zone: ${timeZone}` }], isError: true };
      }
    },
  );
  server.registerPrompt(
    "summarize",
    { title: "Summarize", description: "Asks the model to summarize a text.", argsSchema: z.object({ text: z.string() }) },
    ({ text }) => ({ messages: [{ role: "user", content: { type: "text", text: `Summarize in one paragraph:\n\n${text}` } }] }),
  );
  server.registerResource(
    "about",
    "demo://about",
    { title: "About the demo server", description: "What this server is for.", mimeType: "text/plain" },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: "text/plain", text: "The Control Room demo upstream: echo, add, current_time." }] }),
  );
  return server;
}

const globalForDemo = globalThis as unknown as { controlRoomDemoMcp?: ReturnType<typeof createMcpHandler> };

/** A fetch that serves the demo server in process, for the upstream client. */
export function demoFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  globalForDemo.controlRoomDemoMcp ??= createMcpHandler(() => buildDemoServer());
  return globalForDemo.controlRoomDemoMcp.fetch(input instanceof Request ? input : new Request(input, init));
}
