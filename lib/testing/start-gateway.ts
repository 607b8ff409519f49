import http from "node:http";
import type { AddressInfo } from "node:net";
import { handleMcpRequest } from "@/lib/mcp/relay/handle-mcp-request";
import type { RunningServer } from "@/lib/testing/mcp-upstreams";
import { scheduleCatalogSync } from "@/lib/mcp/schedule-catalog-sync";
import { observeRequest } from "@/lib/ops/observe-request";

/**
 * The MCP endpoint on node:http (127.0.0.1, a free port), routed exactly as
 * server.ts routes it, with the catalog sync that follows upstreams' list
 * changes running as in the app. `observe`: behind server.ts's access log
 * and metrics hook too, as in production.
 */
export function startGateway({ observe = false }: { observe?: boolean } = {}): Promise<RunningServer> {
  const stopSync = scheduleCatalogSync();
  const server = http.createServer((req, res) => {
    if (observe) observeRequest(req, res);
    const match = /^\/org\/([^/?#]+)\/?(?:\?|$)/.exec(req.url ?? "");
    if (!match) return void res.writeHead(404).end();
    void handleMcpRequest(req, res, { slug: decodeURIComponent(match[1]) });
  });
  server.keepAliveTimeout = 5000;
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            stopSync();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    }),
  );
}
