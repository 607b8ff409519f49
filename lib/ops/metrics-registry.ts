import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { observedPools } from "@/lib/db/observe-db-pool";

// The process's Prometheus metrics (prom-client: the reference client for
// Node, the text format Prometheus scrapes, histograms and process metrics
// built in). One registry per process on globalThis, so that server.ts (the
// access log, the MCP fast path) and Next's own module copies (route
// handlers) count into the same series.
//
// Labels stay bounded: routes are patterns, never raw paths; organizations
// and upstreams are slugs (as many as are configured); no per-tool or
// per-token label.

export type McpCallOutcome = "OK" | "ERROR" | "TIMEOUT" | "DENIED" | (string & {});
/** Why a token call was refused before it reached its operation. */
export type DenialReason = "allowlist" | "rate_limit";

type Metrics = {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route" | "status">;
  mcpCalls: Counter<"org" | "upstream" | "outcome">;
  mcpDuration: Histogram<"org" | "upstream" | "outcome">;
  denials: Counter<"reason" | "org">;
  auditVerifications: Counter<"result">;
  /** Filled at scrape time from the database (lib/ops/collect-upstream-metrics.ts). */
  upstreamHealth: Gauge<"org" | "upstream" | "state">;
  upstreamSyncAge: Gauge<"org" | "upstream">;
};

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "control_room_" });
  const pools = observedPools;
  const metrics: Metrics = {
    registry,
    httpRequests: new Counter({
      name: "control_room_http_requests_total",
      help: "HTTP requests served, by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "control_room_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      buckets: SECONDS,
      registers: [registry],
    }),
    mcpCalls: new Counter({
      name: "control_room_mcp_calls_total",
      help: "MCP tool calls through the gateway, by organization, upstream and outcome",
      labelNames: ["org", "upstream", "outcome"],
      registers: [registry],
    }),
    mcpDuration: new Histogram({
      name: "control_room_mcp_call_duration_seconds",
      help: "Duration of MCP tool calls through the gateway, by organization, upstream and outcome",
      labelNames: ["org", "upstream", "outcome"],
      buckets: SECONDS,
      registers: [registry],
    }),
    denials: new Counter({
      name: "control_room_token_denials_total",
      help: "Token calls refused by an IP allowlist or a rate limit, by reason and organization",
      labelNames: ["reason", "org"],
      registers: [registry],
    }),
    auditVerifications: new Counter({
      name: "control_room_audit_chain_verifications_total",
      help: "Audit chain verifications, by result (ok, or the kind of the first break)",
      labelNames: ["result"],
      registers: [registry],
    }),
    upstreamHealth: new Gauge({
      name: "control_room_upstream_health",
      help: "Health of each enabled upstream MCP server at its last sync: 1 for its current state",
      labelNames: ["org", "upstream", "state"],
      registers: [registry],
    }),
    upstreamSyncAge: new Gauge({
      name: "control_room_upstream_sync_age_seconds",
      help: "Seconds since each enabled upstream's catalog was last synced successfully",
      labelNames: ["org", "upstream"],
      registers: [registry],
    }),
  };
  new Gauge({
    name: "control_room_db_pool_connections",
    help: "PostgreSQL connections of each pool: total open, idle, and requests waiting for one",
    labelNames: ["pool", "state"],
    registers: [registry],
    collect() {
      this.reset();
      for (const [name, pool] of pools) {
        this.set({ pool: name, state: "total" }, pool.totalCount);
        this.set({ pool: name, state: "idle" }, pool.idleCount);
        this.set({ pool: name, state: "waiting" }, pool.waitingCount);
      }
    },
  });
  new Gauge({
    name: "control_room_db_pool_max_connections",
    help: "The most connections each PostgreSQL pool opens",
    labelNames: ["pool"],
    registers: [registry],
    collect() {
      this.reset();
      for (const [name, pool] of pools) this.set({ pool: name }, pool.options.max ?? 10);
    },
  });
  return metrics;
}

const globalForMetrics = globalThis as unknown as { controlRoomMetrics?: Metrics };

export function metrics(): Metrics {
  return (globalForMetrics.controlRoomMetrics ??= createMetrics());
}
