import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import { createMcpHandler, McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { sendWebResponse, toWebRequest } from "@/lib/http/node-adapter";

// Real upstreams and a real HTTP front for tests and benchmarks.

export type RunningServer = { url: string; port: number; close: () => Promise<void> };

/** Serves a web-standard handler over node:http on 127.0.0.1 (a free port), stamping the peer address like server.ts. */
export function serveFetchHandler(handler: (request: Request) => Promise<Response>, path = "/"): Promise<RunningServer> {
  const server = http.createServer(async (req, res) => {
    try {
      sendWebResponse(res, await handler(toWebRequest(req, res)));
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  // Node's default idle timeout (5 s). Not less: clients subtract a second
  // from the advertised "Keep-Alive: timeout" (undici and node:http alike),
  // so a 1 s timeout made every call open a new TCP connection.
  server.keepAliveTimeout = 5000;
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}${path}`,
        port,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    }),
  );
}

/** What the test upstream's `tick` tool saw: whether each call ran to its end or was cancelled, and when. */
export const testUpstreamEvents: { label: string; kind: "cancelled" | "finished"; afterMs: number }[] = [];

/** An MCP server built with the server SDK (v2): both protocol revisions, tools of every result kind. */
export function startTestUpstream(): Promise<RunningServer> {
  const build = () => {
    const server = new McpServer({ name: "test-upstream", version: "1.0.0" });
    server.registerTool("greet", { description: "Greets someone.", inputSchema: z.object({ name: z.string() }) }, async ({ name }) => ({
      content: [{ type: "text", text: `Hello, ${name}!` }],
    }));
    server.registerTool(
      "rich",
      { description: "Returns text, an image and structured content.", inputSchema: z.object({}), outputSchema: z.object({ ok: z.boolean(), n: z.number() }) },
      async () => ({
        content: [
          { type: "text", text: "rich result" },
          { type: "image", data: Buffer.from("fake png").toString("base64"), mimeType: "image/png" },
        ],
        structuredContent: { ok: true, n: 7 },
      }),
    );
    server.registerTool("fail", { description: "Always reports a tool error.", inputSchema: z.object({}) }, async () => ({
      content: [{ type: "text", text: "it broke" }],
      isError: true,
    }));
    server.registerTool("sleep", { description: "Sleeps.", inputSchema: z.object({ ms: z.number() }) }, async ({ ms }) => {
      await new Promise((r) => setTimeout(r, ms));
      return { content: [{ type: "text", text: `slept ${ms}` }] };
    });
    server.registerTool(
      "tick",
      { description: "Sends progress every everyMs until totalMs, unless cancelled.", inputSchema: z.object({ everyMs: z.number(), totalMs: z.number(), label: z.string() }) },
      async ({ everyMs, totalMs, label }, ctx) => {
        const progressToken = ctx.mcpReq._meta?.progressToken;
        const started = Date.now();
        for (let step = 1; Date.now() - started < totalMs; step++) {
          await new Promise((r) => setTimeout(r, everyMs));
          if (ctx.mcpReq.signal.aborted) {
            testUpstreamEvents.push({ label, kind: "cancelled", afterMs: Date.now() - started });
            return { content: [{ type: "text", text: "cancelled" }] };
          }
          if (progressToken !== undefined) await ctx.mcpReq.notify({ method: "notifications/progress", params: { progressToken, progress: step } }).catch(() => {});
        }
        testUpstreamEvents.push({ label, kind: "finished", afterMs: Date.now() - started });
        return { content: [{ type: "text", text: "finished" }] };
      },
    );
    server.registerTool("secret", { description: "Not in any toolset.", inputSchema: z.object({}) }, async () => ({ content: [{ type: "text", text: "classified" }] }));
    server.registerPrompt("welcome", { description: "A welcome prompt.", argsSchema: z.object({ who: z.string() }) }, ({ who }) => ({
      messages: [{ role: "user", content: { type: "text", text: `Welcome ${who}` } }],
    }));
    server.registerResource("readme", "test://readme", { mimeType: "text/plain" }, async (uri) => ({ contents: [{ uri: uri.href, text: "read me" }] }));
    return server;
  };
  const handler = createMcpHandler(build);
  return serveFetchHandler((request) => handler.fetch(request), "/mcp");
}

/** An "MCP server" that answers every request with 200 and a body that is not JSON. */
export function startGarbageUpstream(): Promise<RunningServer> {
  return serveFetchHandler(async () => new Response("<html>definitely not json-rpc", { status: 200, headers: { "content-type": "application/json" } }), "/mcp");
}

/** The third-party reference server, @modelcontextprotocol/server-everything, in Streamable HTTP mode (2025-11-25). */
export async function startServerEverything(): Promise<RunningServer> {
  const probe = await serveFetchHandler(async () => new Response(null));
  const port = probe.port;
  await probe.close();
  const entry = createRequire(path.join(process.cwd(), "package.json")).resolve("@modelcontextprotocol/server-everything/dist/index.js");
  const child: ChildProcess = spawn(process.execPath, [entry, "streamableHttp"], { env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.resume();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server-everything did not start within 20 s")), 20_000);
    child.stderr!.on("data", (chunk) => {
      if (String(chunk).includes("listening on port")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`server-everything exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    port,
    close: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGINT");
      }),
  };
}
