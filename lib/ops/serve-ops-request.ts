import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { checkReadiness } from "@/lib/ops/check-readiness";
import { serveMetrics } from "@/lib/ops/serve-metrics";

const OPS_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : JSON.stringify(body));
}

/**
 * The operations endpoints, answered before Next's router and before any
 * authentication or rate limit: cheap, and without tenant data.
 *
 * - GET /healthz: the process is up and serving (200 while it is, draining included).
 * - GET /readyz: send it traffic? 200 when ready; 503 while draining, or when the
 *   database does not answer or lacks a migration of this build.
 * - GET /metrics: only with METRICS_TOKEN set (and then only for a caller that
 *   sends it); otherwise 404 here — METRICS_PORT serves it on a listener of its own.
 *
 * Returns false for every other path, which the caller then serves.
 */
export function serveOpsRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const pathname = (req.url ?? "/").split("?")[0]!;
  if (!OPS_PATHS.has(pathname)) return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    // problem+json like every other 405 (lib/http/method-not-allowed.ts), without importing the app's error table.
    res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "application/problem+json", "Cache-Control": "no-store" });
    res.end(JSON.stringify({ type: "https://control-room.dev/problems/method-not-allowed", title: "Method not allowed", status: 405, detail: `${req.method} is not allowed here; use GET, HEAD`, code: "method_not_allowed" }));
    return true;
  }
  if (pathname === "/healthz") {
    sendJson(req, res, 200, { status: "ok" });
  } else if (pathname === "/readyz") {
    void checkReadiness().then((readiness) => sendJson(req, res, readiness.status === "ready" ? 200 : 503, readiness));
  } else {
    const token = env().METRICS_TOKEN;
    if (token) void serveMetrics(req, res, { token });
    else sendJson(req, res, 404, { status: 404, detail: "Metrics are not served on this port: set METRICS_PORT or METRICS_TOKEN" });
  }
  return true;
}
