import { randomUUID } from "node:crypto";
import { isInitializeRequest, WebStandardStreamableHTTPServerTransport, type McpServer } from "@modelcontextprotocol/server";
import { createMemoryEventStore } from "./memory-event-store";

export type LegacySessions = { handle: (request: Request) => Promise<Response>; close: () => Promise<void> };

const jsonRpcError = (status: number, code: number, message: string) =>
  Response.json({ jsonrpc: "2.0", error: { code, message }, id: null }, { status });

/**
 * 2025-11-25 served the way a typical deployed server does: initialize opens
 * a session (Mcp-Session-Id) with its own server instance and transport; the
 * session carries the GET notification stream, resumable SSE and DELETE; an
 * unknown or terminated session id is 404.
 */
export function createLegacySessions(build: () => McpServer): LegacySessions {
  const sessions = new Map<string, { transport: WebStandardStreamableHTTPServerTransport; server: McpServer }>();
  const eventStore = createMemoryEventStore();

  async function open(request: Request): Promise<Response> {
    const body: unknown = await request.clone().json().catch(() => undefined);
    if (request.method !== "POST" || !isInitializeRequest(body)) return jsonRpcError(400, -32000, "Bad Request: Mcp-Session-Id header is required");
    const server = build();
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      eventStore,
      // Tells clients to reconnect quickly after test_reconnection closes a stream.
      retryInterval: 500,
      onsessioninitialized: (sessionId) => void sessions.set(sessionId, { transport, server }),
      onsessionclosed: (sessionId) => {
        sessions.delete(sessionId);
        void server.close();
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    return transport.handleRequest(request, { parsedBody: body });
  }

  return {
    async handle(request) {
      const sessionId = request.headers.get("mcp-session-id");
      if (!sessionId) return open(request);
      const session = sessions.get(sessionId);
      if (!session) return jsonRpcError(404, -32001, "Session not found");
      return session.transport.handleRequest(request);
    },
    async close() {
      const live = [...sessions.values()];
      sessions.clear();
      await Promise.all(live.map(({ server }) => server.close().catch(() => undefined)));
    },
  };
}
