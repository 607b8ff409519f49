import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./e2e/browser";
import { E2E } from "./e2e/settings";

// Runs against a production build (`npm run build`) served by server.ts, on a
// throwaway database that scripts/test.ts creates (E2E_DATABASE_URL).
export default defineConfig({
  testDir: "e2e",
  globalTeardown: "./e2e/global-teardown.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: ".test-reports/e2e.json" }]] : [["list"]],
  use: {
    baseURL: E2E.baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  webServer: {
    // Its output goes to a file that the teardown scans for leaked tokens.
    command: `node_modules/.bin/tsx server.ts > '${E2E.serverLog}' 2>&1`,
    url: `${E2E.baseURL}/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      LOG_LEVEL: "debug",
      PORT: String(E2E.port),
      DATABASE_URL: E2E.databaseUrl(),
      ...(process.env.E2E_DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.E2E_DATABASE_POOL_SIZE } : {}),
      DATA_DIR: E2E.dataDir,
      NEXTAUTH_URL: E2E.baseURL,
      SEED_ORG_SLUG: E2E.seedOrg,
      ADMIN_EMAIL: E2E.admin.email,
      ADMIN_PASSWORD: E2E.admin.password,
      // The tests start their upstream MCP servers on this machine.
      UPSTREAM_ALLOWED_NETWORKS: "127.0.0.0/8",
      // /metrics behind a token on PORT, and on a listener of its own (e2e/operations.spec.ts).
      METRICS_TOKEN: E2E.metricsToken,
      METRICS_PORT: String(E2E.metricsPort),
    },
  },
});
