import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { runConformance } from "@/lib/testing/run-conformance";

// The runner's own failure modes: a hung server, an unknown scenario.

describe("runConformance", () => {
  it("kills the suite when the run exceeds its timeout, and says so", async () => {
    // Accepts every request and never answers.
    const hung = http.createServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(hung.address() as AddressInfo).port}/mcp`;
    try {
      const started = Date.now();
      await expect(runConformance({ url, specVersion: "2025-11-25", scenarios: ["tools-list"], timeoutMs: 4000, scenarioTimeoutMs: 60_000 })).rejects.toThrow(/killed after \d+ ms/);
      expect(Date.now() - started).toBeLessThan(10_000);
      // A dead suite process holds no connection to the server any more.
      await expect.poll(() => new Promise<number>((resolve) => hung.getConnections((_, count) => resolve(count))), { timeout: 3000 }).toBe(0);
    } finally {
      hung.closeAllConnections();
      await new Promise((resolve) => hung.close(resolve));
    }
  }, 30_000);

  it("names a scenario the suite does not know", async () => {
    await expect(runConformance({ url: "http://127.0.0.1:9/mcp", specVersion: "2026-07-28", scenarios: ["no-such-scenario"] })).rejects.toThrow(/no server scenario named no-such-scenario/);
  }, 30_000);

  it("reports a scenario that throws against a broken server as failed, with the reason", async () => {
    const refusing = http.createServer((_req, res) => res.writeHead(401, { "content-type": "text/plain" }).end("no token"));
    await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/mcp`;
      const report = await runConformance({ url, specVersion: "2026-07-28", scenarios: ["sep-2640-skills-manifest"] });
      expect(report.scenarios).toMatchObject([{ scenario: "sep-2640-skills-manifest", status: "failed", failures: [expect.stringMatching(/scenario-threw: .*401/)] }]);
    } finally {
      refusing.closeAllConnections();
      await new Promise((resolve) => refusing.close(resolve));
    }
  }, 30_000);
});
