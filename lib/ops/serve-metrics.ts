import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { renderMetrics } from "@/lib/ops/render-metrics";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Authorization: Bearer <METRICS_TOKEN>, compared in constant time. */
function carriesToken(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
  return Boolean(match) && timingSafeEqual(digest(match![1]!.trim()), digest(token));
}

/**
 * GET /metrics in Prometheus' text format. With `token`, only for a caller
 * that sends it (401 otherwise, saying how); the caller decides where the
 * endpoint exists at all (lib/ops/serve-ops-request.ts).
 */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, { token }: { token: string | undefined }): Promise<void> {
  if (token && !carriesToken(req, token)) {
    res.writeHead(401, { "Content-Type": "text/plain; charset=utf-8", "WWW-Authenticate": 'Bearer realm="metrics"', "Cache-Control": "no-store" });
    res.end("Send the metrics token as Authorization: Bearer <METRICS_TOKEN>\n");
    return;
  }
  try {
    const { contentType, body } = await renderMetrics();
    res.writeHead(200, { "Content-Type": contentType, "Cache-Control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Could not collect the metrics\n");
  }
}
