import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DECLARED_VARIABLES, parseEnv } from "@/lib/env";

describe("the environment schema", () => {
  it("accepts an empty environment and fills in the defaults", () => {
    const config = parseEnv({});
    expect(config.PORT).toBe(3000);
    expect(config.TRUSTED_PROXY_HOPS).toBe(0);
    expect(config.LOG_LEVEL).toBe("info");
    expect(config.METRICS_PORT).toBeUndefined();
  });

  it("accepts good values", () => {
    const config = parseEnv({
      TRUSTED_PROXY_HOPS: "2",
      REDIS_URL: "redis://127.0.0.1:6379",
      LOG_LEVEL: "debug",
      METRICS_PORT: "9464",
      METRICS_TOKEN: "a-long-enough-metrics-token",
      UPSTREAM_ALLOWED_NETWORKS: "10.0.0.0/8, 127.0.0.1/32, fd00::/8",
      CATALOG_SYNC_INTERVAL: "90s",
      SECRETS_KEY: Buffer.alloc(32, 7).toString("base64"),
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres",
    });
    expect(config).toMatchObject({ TRUSTED_PROXY_HOPS: 2, LOG_LEVEL: "debug", METRICS_PORT: 9464 });
  });

  it("treats an empty value as unset", () => {
    const config = parseEnv({ REDIS_URL: "", PORT: "" });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
  });

  // The three the issue found accepted silently, and more of the same kind.
  it.each([
    ["TRUSTED_PROXY_HOPS", "abc"],
    ["TRUSTED_PROXY_HOPS", "-1"],
    ["REDIS_URL", "not a url"],
    ["REDIS_URL", "http://127.0.0.1:6379"],
    ["LOG_LEVEL", "verbose"],
    ["PORT", "70000"],
    ["METRICS_PORT", "nine"],
    ["METRICS_TOKEN", "short"],
    ["DATABASE_URL", "mysql://localhost/x"],
    ["DATABASE_POOL_SIZE", "0"],
    ["UPSTREAM_ALLOWED_NETWORKS", "10.0.0.0/33"],
    ["CATALOG_SYNC_INTERVAL", "soon"],
    ["SECRETS_KEY", "too-short"],
    ["OIDC_TRUST_UNVERIFIED_EMAIL", "yes"],
  ])("refuses %s=%s with one line that names the variable", (name, value) => {
    let message = "";
    try {
      parseEnv({ [name]: value });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(new RegExp(`^Invalid environment: ${name} `));
    expect(message).not.toContain("\n");
  });

  it("never echoes the bad value (some are secrets)", () => {
    expect(() => parseEnv({ METRICS_TOKEN: "s3cr3t" })).toThrow(/METRICS_TOKEN/);
    expect(() => parseEnv({ METRICS_TOKEN: "s3cr3t" })).not.toThrow(/s3cr3t/);
    expect(() => parseEnv({ SECRETS_KEY: "hunter2" })).not.toThrow(/hunter2/);
  });

  it("names every bad variable on the one line", () => {
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "abc", LOG_LEVEL: "verbose" })).toThrow(/TRUSTED_PROXY_HOPS .*; LOG_LEVEL /);
  });
});

// Make the rule impossible to forget: a variable read anywhere in the app's
// code but missing from the schema would be taken without validation.
describe("every environment variable the app reads", () => {
  const root = process.cwd();
  const files = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) return ["generated", "testing", "node_modules"].includes(entry.name) ? [] : files(relative);
      return /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [relative] : [];
    });
  const sources = [...files("lib"), ...files("app"), ...files("components"), "server.ts"];
  // Set by Next.js or the runtime, never by an operator.
  const RUNTIME = new Set(["NEXT_RUNTIME", "NEXT_PHASE"]);

  it("is declared in lib/env.ts", () => {
    const undeclared = new Set<string>();
    for (const file of sources) {
      for (const match of readFileSync(path.join(root, file), "utf8").matchAll(/process\.env\.([A-Z][A-Z0-9_]*)|process\.env\[["']([A-Z][A-Z0-9_]*)["']\]/g)) {
        const name = match[1] ?? match[2]!;
        if (!DECLARED_VARIABLES.includes(name) && !RUNTIME.has(name)) undeclared.add(`${name} (${file})`);
      }
    }
    expect([...undeclared]).toEqual([]);
    expect(sources.length).toBeGreaterThan(100);
  });
});
