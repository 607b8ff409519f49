import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "./free-port";

function startServer(dataDir: string, port: number) {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir };
  for (const name of ["DATABASE_URL", "DATABASE_POOL_SIZE", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "ADMIN_EMAIL", "ADMIN_PASSWORD", "SEED_ORG_SLUG"]) {
    delete env[name];
  }
  const server = spawn("node_modules/.bin/tsx", ["server.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  const started = { output: "" };
  server.stdout.on("data", (chunk) => (started.output += chunk));
  server.stderr.on("data", (chunk) => (started.output += chunk));
  const stop = async () => {
    if (server.exitCode !== null) return;
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  };
  return { started, stop };
}

// The README's first command: no DATABASE_URL, no configuration at all.
test("with no DATABASE_URL the app boots on the embedded database and serves the login page", async ({ request }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "control-room-embedded-"));
  const port = await freePort();
  let server = startServer(dataDir, port);
  try {
    await expect.poll(() => server.started.output, { timeout: 120_000, message: "server start-up" }).toContain("Control Room is ready");
    const output = server.started.output;
    expect(output).toContain("Using the embedded database");
    // The generated first-run password, boxed, exactly once.
    expect(output).toMatch(/║ Sign in as: {3}admin@localhost/);
    expect(output).toMatch(/║ Password: {5}[A-Za-z0-9]{20}/);

    const response = await request.get(`http://localhost:${port}/login`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("Sign in to Control Room");
    expect(existsSync(path.join(dataDir, "nextauth-secret"))).toBe(true);
    // With no configuration, metrics are never public; health is.
    expect((await request.get(`http://localhost:${port}/metrics`)).status()).toBe(404);
    expect((await request.get(`http://localhost:${port}/readyz`)).status()).toBe(200);
    expect((await request.get(`http://localhost:${port}/favicon.ico`)).headers()["content-type"]).toMatch(/image\//);
    expect(existsSync(path.join(dataDir, "pglite"))).toBe(true);

    // A second start on the same data keeps it: no new migrations, no second first run.
    await server.stop();
    server = startServer(dataDir, port);
    await expect.poll(() => server.started.output, { timeout: 120_000, message: "second start-up" }).toContain("Control Room is ready");
    expect(server.started.output).toContain("Database schema is up to date");
    expect(server.started.output).not.toContain("First run");
    expect((await request.get(`http://localhost:${port}/login`)).status()).toBe(200);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
