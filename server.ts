// Control Room's entry point: prepares the database (embedded or configured),
// applies migrations, seeds the first run, then serves Next.js over plain
// node:http so that every request carries its real TCP peer address.
import { createServer } from "node:http";
import next from "next";
import { loadOrCreateSecret } from "@/lib/config/data-dir-secret";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { disconnectDb } from "@/lib/db/prisma";
import { env, resetEnvCache } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "@/lib/client-ip";
import { refuseUnsupportedMethod } from "@/lib/http/method-not-allowed";
import { stampAuthorizationCount } from "@/lib/authorization-count";
import { handleMcpRequest } from "@/lib/mcp/relay/handle-mcp-request";
import { scheduleMaintenance } from "@/lib/jobs/run-maintenance";
import { installDemoServer } from "@/lib/mcp/install-demo-server";
import { scheduleCatalogSync } from "@/lib/mcp/schedule-catalog-sync";
import { flushToolCallsUntil } from "@/lib/usage/record-tool-call";
import { createRequestTracker, drainServer } from "@/lib/http/drain-server";
import { endNotificationStreams } from "@/lib/mcp/relay/notification-streams";
import { seedFirstRun } from "@/lib/orgs/seed-first-run";
import { logger } from "@/lib/logger";
import { startDraining } from "@/lib/ops/draining";
import { checkPortFree } from "@/lib/ops/check-port-free";
import { listenOrExplain } from "@/lib/ops/listen-or-explain";
import { observeRequest } from "@/lib/ops/observe-request";
import { serveOpsRequest } from "@/lib/ops/serve-ops-request";
import { startMetricsServer } from "@/lib/ops/start-metrics-server";

const log = (line: string) => logger.info(line);

async function main() {
  const dev = process.argv.includes("--dev");
  // A bad setting stops the start here, with one line naming it.
  const { DATA_DIR: dataDir, PORT: port, HOST: host, METRICS_PORT: metricsPort } = env();
  // So is a port that is taken, before a minute of start-up work.
  await checkPortFree({ port, host, variable: "PORT" });
  if (metricsPort) await checkPortFree({ port: metricsPort, host: env().METRICS_HOST ?? host, variable: "METRICS_PORT" });
  process.env.NEXTAUTH_SECRET ||= loadOrCreateSecret({ dataDir, name: "nextauth-secret" });
  process.env.SECRETS_KEY ||= loadOrCreateSecret({ dataDir, name: "secrets-key" });
  process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;

  const { embedded } = await prepareDatabase({ log });
  // Start-up filled in the secrets and DATABASE_URL: read the environment again.
  resetEnvCache();
  const config = env();
  const seeded = await seedFirstRun({ orgSlug: config.SEED_ORG_SLUG, adminEmail: config.ADMIN_EMAIL, adminPassword: config.ADMIN_PASSWORD });
  if (seeded.created) {
    await installDemoServer({ orgId: seeded.orgId });
    printFirstRun(seeded);
  }

  const app = next({ dev, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const tracker = createRequestTracker();
  const server = createServer((req, res) => {
    tracker.track(req, res);
    // Access log and HTTP metrics for every request, the MCP endpoint included; then /healthz, /readyz, /metrics.
    observeRequest(req, res);
    if (serveOpsRequest(req, res)) return;
    // The MCP endpoint is the data plane: served straight on node:http (no
    // Next routing, no Web Request/Response objects), see lib/mcp/relay.
    const mcp = /^\/org\/([^/?#]+)\/?(?:\?|$)/.exec(req.url ?? "");
    if (mcp) {
      let slug: string;
      try {
        slug = decodeURIComponent(mcp[1]);
      } catch {
        res.writeHead(400, { "content-type": "application/json" });
        return void res.end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32600, message: "Bad request: the organization in the path is not valid" } }));
      }
      void handleMcpRequest(req, res, { slug });
      return;
    }
    // A method the route does not take: problem+json with Allow (Next's own 405 is empty).
    if (refuseUnsupportedMethod(req, res)) return;
    // Only the socket tells who is connected; a client-sent copy is dropped.
    delete req.headers[PEER_ADDRESS_HEADER];
    if (req.socket.remoteAddress) req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress;
    // Likewise how many Authorization headers came (two are an invalid token, not "the first wins").
    stampAuthorizationCount(req);
    void handle(req, res);
  });
  const metricsServer = await Promise.all([listenOrExplain(server, { port, host: config.HOST, variable: "PORT" }), startMetricsServer()])
    .then(([, metrics]) => metrics)
    .catch(async (error) => {
      // A port that is taken ends the start: nothing may be left running half-way.
      server.close();
      await app.close?.();
      await disconnectDb();
      await embedded?.stop();
      throw error;
    });
  log(`Control Room is ready on http://localhost:${port}`);
  const stopMaintenance = scheduleMaintenance();
  const stopCatalogSync = scheduleCatalogSync();

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    // /readyz fails from now on, so a balancer stops sending before the server stops accepting.
    startDraining();
    metricsServer?.close();
    const deadline = Date.now() + (config.SHUTDOWN_DELAY + config.SHUTDOWN_TIMEOUT) * 1000;
    const { unfinished } = await drainServer({
      server,
      tracker,
      delayMs: config.SHUTDOWN_DELAY * 1000,
      timeoutMs: config.SHUTDOWN_TIMEOUT * 1000,
      endStreams: endNotificationStreams,
      log: (line, fields) => log(`${line}${fields ? ` ${JSON.stringify(fields)}` : ""}`),
    });
    stopMaintenance();
    stopCatalogSync();
    // Every call that was answered is recorded before the process goes.
    const unwritten = await flushToolCallsUntil(Math.max(deadline, Date.now() + 5000));
    log(`stopped: ${unfinished} requests cut at the deadline, ${unwritten} usage records unwritten`);
    await app.close?.();
    await disconnectDb();
    await embedded?.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

function printFirstRun(seeded: { orgSlug: string; email: string; generatedPassword: string | null }) {
  const lines = [
    "First run: created organization and its owner",
    `Organization: ${seeded.orgSlug}`,
    `Sign in as:   ${seeded.email}`,
    seeded.generatedPassword ? `Password:     ${seeded.generatedPassword}` : "Password:     the value of ADMIN_PASSWORD",
    ...(seeded.generatedPassword ? ["This password is shown once: keep it somewhere safe."] : []),
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = "═".repeat(width + 2);
  console.log([`╔${bar}╗`, ...lines.map((l) => `║ ${l.padEnd(width)} ║`), `╚${bar}╝`].join("\n"));
}

main().catch((error) => {
  console.error(`[control-room] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
