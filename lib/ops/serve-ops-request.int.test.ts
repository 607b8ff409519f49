import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { pinoLogger } from "@/lib/logger";
import { annotateCurrentRequest } from "@/lib/ops/access-log-context";
import { startDraining } from "@/lib/ops/draining";
import { observeRequest } from "@/lib/ops/observe-request";
import { loadRoutePatterns } from "@/lib/ops/route-pattern";
import { serveOpsRequest } from "@/lib/ops/serve-ops-request";

// server.ts's request handler in miniature: the access log first, then the
// operations endpoints, then "the app" (here one route that annotates its line
// from deep inside, after an await, as route handlers do).

let server: Server;
let base: string;
let routes: string;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  routes = mkdtempSync(path.join(tmpdir(), "cr-ops-"));
  mkdirSync(path.join(routes, ".next"));
  writeFileSync(
    path.join(routes, ".next", "routes-manifest.json"),
    JSON.stringify({ staticRoutes: [], dynamicRoutes: [{ page: "/v1/orgs/[orgSlug]/whoami", regex: "^/v1/orgs/([^/]+?)/whoami(?:/)?$" }] }),
  );
  loadRoutePatterns(routes);
  const logger = pinoLogger();
  for (const level of ["info", "debug"] as const) {
    vi.spyOn(logger, level).mockImplementation(((fields: Record<string, unknown>) => void lines.push({ ...fields, level })) as never);
  }
  server = createServer((req, res) => {
    observeRequest(req, res);
    if (serveOpsRequest(req, res)) return;
    if (req.url === "/appended") {
      // How Next sends a route's Response: appendHeader for each of its headers, then writeHead.
      res.appendHeader("X-Request-Id", "appended-id");
      res.writeHead(204);
      return void res.end();
    }
    void (async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      annotateCurrentRequest({ principalKind: "token", principalId: "t-1", tokenPrefix: "alk_svc_abcdefgh" });
      res.writeHead(200, { "content-type": "application/json", "x-request-id": "route-own-id" });
      res.end("{}");
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => {
  server?.close();
  vi.restoreAllMocks();
  delete process.env.METRICS_TOKEN;
  resetEnvCache();
  loadRoutePatterns(process.cwd());
  rmSync(routes, { recursive: true, force: true });
});

describe("the operations endpoints", () => {
  it("/healthz is up, /readyz is ready with the database reachable and every migration applied", async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { draining: false, database: "ok", migrations: "ok" } });
  });

  it("answers another method with a 405 problem and Allow", async () => {
    const response = await fetch(`${base}/healthz`, { method: "POST" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 405, code: "method_not_allowed" });
  });

  it("/metrics does not exist on the app's port unless METRICS_TOKEN is set, and then only with it", async () => {
    delete process.env.METRICS_TOKEN;
    resetEnvCache();
    expect((await fetch(`${base}/metrics`)).status).toBe(404);

    process.env.METRICS_TOKEN = "integration-metrics-token";
    resetEnvCache();
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: "Bearer integration-metrics-tokeX" } })).status).toBe(401);
    const scraped = await fetch(`${base}/metrics`, { headers: { authorization: "Bearer integration-metrics-token" } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(/control_room_http_requests_total\{method="GET",route="\/healthz",status="200"\} [1-9]/);
  });

  it("writes one access line per request, with what the route added after an await and the id the client saw", async () => {
    lines.length = 0;
    const response = await fetch(`${base}/v1/orgs/acme/whoami?secret=nothing-to-see`, { headers: { "x-forwarded-for": "198.51.100.9" } });
    expect(response.headers.get("x-request-id")).toBe("route-own-id");
    await expect.poll(() => lines.filter((l) => l.log === "access").length).toBe(1);
    expect(lines[0]).toMatchObject({
      log: "access",
      level: "info",
      requestId: "route-own-id",
      method: "GET",
      route: "/v1/orgs/[orgSlug]/whoami",
      path: "/v1/orgs/acme/whoami",
      status: 200,
      ip: "127.0.0.1",
      orgSlug: "acme",
      principalKind: "token",
      principalId: "t-1",
      tokenPrefix: "alk_svc_abcdefgh",
    });
    expect(JSON.stringify(lines[0])).not.toContain("nothing-to-see");
  });

  it("gives every response a request id, and logs probes at debug level", async () => {
    lines.length = 0;
    const response = await fetch(`${base}/healthz`);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => lines.length).toBe(1);
    expect(lines[0]).toMatchObject({ route: "/healthz", level: "debug", requestId: response.headers.get("x-request-id") });
  });

  it("sends the app's own request id once, however the app set it", async () => {
    lines.length = 0;
    const response = await fetch(`${base}/appended`);
    expect(response.headers.get("x-request-id")).toBe("appended-id");
    await expect.poll(() => lines.length).toBe(1);
    expect(lines[0]!.requestId).toBe("appended-id");
  });

  it("keeps a full token out of the logged path", async () => {
    lines.length = 0;
    await fetch(`${base}/alk_svc_${"a".repeat(38)}`);
    await expect.poll(() => lines.length).toBe(1);
    expect(lines[0]!.path).toBe("/alk_svc_[redacted]");
  });

  // Last: draining does not end within a process.
  it("once draining starts, /readyz is 503 at once while /healthz stays 200", async () => {
    startDraining();
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "draining", checks: { draining: true } });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
