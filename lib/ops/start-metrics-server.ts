import { createServer, type Server } from "node:http";
import { env } from "@/lib/env";
import { listenOrExplain } from "@/lib/ops/listen-or-explain";
import { serveMetrics } from "@/lib/ops/serve-metrics";

/**
 * With METRICS_PORT, /metrics on a listener of its own (METRICS_HOST,
 * default HOST), for the scraper's network; it serves nothing else. It asks
 * for METRICS_TOKEN too when that is set. Resolves when listening; rejects
 * with a line naming METRICS_PORT when the port is taken.
 */
export async function startMetricsServer(): Promise<Server | null> {
  const { METRICS_PORT, METRICS_HOST, HOST, METRICS_TOKEN } = env();
  if (!METRICS_PORT) return null;
  const server = createServer((req, res) => {
    const pathname = (req.url ?? "/").split("?")[0];
    if (pathname === "/metrics" && (req.method === "GET" || req.method === "HEAD")) return void serveMetrics(req, res, { token: METRICS_TOKEN });
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Only /metrics is served on METRICS_PORT\n");
  });
  await listenOrExplain(server, { port: METRICS_PORT, host: METRICS_HOST ?? HOST, variable: "METRICS_PORT" });
  return server;
}
