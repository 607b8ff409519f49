import { tmpdir } from "node:os";
import path from "node:path";

/** What the end-to-end server is started with, shared by the config and the tests. */
export const E2E = {
  port: Number(process.env.E2E_PORT ?? 3210),
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
