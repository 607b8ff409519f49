import { tmpdir } from "node:os";
import path from "node:path";
import { E2E_PORTS, freePortRunSync } from "./free-port";

// Ports picked once per run (npm test passes E2E_PORT; a bare `playwright test` picks them
// here): the config's process sets it before the workers start, and they inherit it.
process.env.E2E_PORT ||= String(freePortRunSync(E2E_PORTS));

/** What the end-to-end server is started with, shared by the config and the tests. */
export const E2E = {
  /** The app's port; a second instance (two-instances.spec.ts) listens on port + 1. */
  port: Number(process.env.E2E_PORT),
  /** The app's METRICS_PORT. */
  get metricsPort() {
    return this.port + 2;
  },
  /** The app's METRICS_TOKEN. */
  metricsToken: "e2e-metrics-token-0123456789",
  get baseURL() {
    return `http://localhost:${this.port}`;
  },
  dataDir: path.join(tmpdir(), `control-room-e2e-${process.env.E2E_RUN_ID ?? "local"}`),
  /** Everything the app instances of the run print (debug level), scanned for tokens after the suite. */
  serverLog: path.join(tmpdir(), `control-room-e2e-${process.env.E2E_RUN_ID ?? "local"}-server.log`),
  seedOrg: "e2e-demo",
  admin: { email: "admin@e2e.test", password: "e2e admin password 1" },
  databaseUrl(): string {
    const url = process.env.E2E_DATABASE_URL;
    if (!url) throw new Error("E2E_DATABASE_URL is not set: run the end-to-end tests through `npm test` (scripts/test.ts), which creates a throwaway database");
    return url;
  },
};
