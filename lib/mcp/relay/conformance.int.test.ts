import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAccessMode } from "@/lib/grants/set-access-mode";
import { createMcpServer } from "@/lib/mcp-servers/create-mcp-server";
import { generateSecretsKey } from "@/lib/secrets/secret-box";
import { createServiceAccount } from "@/lib/service-accounts/create-service-account";
import { conformanceProblems } from "@/lib/testing/conformance/conformance-problems";
import { formatConformanceTable } from "@/lib/testing/conformance/format-conformance-table";
import { SPEC_VERSIONS } from "@/lib/testing/conformance/run-conformance-matrix";
import { startConformanceLoopback, type ConformanceLoopback } from "@/lib/testing/conformance-loopback";
import { startConformanceUpstream } from "@/lib/testing/conformance-upstream";
import { createTenant } from "@/lib/testing/fixtures";
import type { RunningServer } from "@/lib/testing/mcp-upstreams";
import { resetDatabase } from "@/lib/testing/reset-database";
import { runConformance, type ConformanceReport, type SpecVersion } from "@/lib/testing/run-conformance";
import { startGateway } from "@/lib/testing/start-gateway";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";

// The official MCP conformance suite, every server scenario of both spec
// versions, run against the conformance upstream directly and through the
// gateway (a small loopback adds the bearer token and undoes the `conf__`
// prefix, since the suite can send neither). Through the gateway must equal
// direct: every check that passes direct passes through the gateway.
// Extension scenarios (SEP-2640 skills) run direct only (lib/testing); the
// gateway does not relay extensions.

const SUITE_TIMEOUT = 900_000;

let gateway: RunningServer;
const upstreams: RunningServer[] = [];
const loopbacks: ConformanceLoopback[] = [];
const direct = new Map<SpecVersion, ConformanceReport>();
const through = new Map<SpecVersion, ConformanceReport>();

beforeAll(async () => {
  process.env.SECRETS_KEY = generateSecretsKey();
  process.env.UPSTREAM_ALLOWED_NETWORKS = "127.0.0.0/8";
  await resetDatabase();
  gateway = await startGateway();
  // The loopback presents the gateway's own origin; the gateway accepts it as a configured one.
  process.env.MCP_ALLOWED_ORIGINS = new URL(gateway.url).origin;
  for (let i = 0; i < SPEC_VERSIONS.length; i++) {
    const upstream = await startConformanceUpstream();
    upstreams.push(upstream);
    const { org, owner, audit } = await createTenant();
    const server = await createMcpServer({ orgId: org.id, input: { name: "Conformance", slug: "conf", url: upstream.url, headers: {}, timeoutMs: 30_000 }, audit });
    expect(server.health, server.lastError ?? "").toBe("HEALTHY");
    const account = await createServiceAccount({ orgId: org.id, input: { name: "conformance-bot", description: "" }, createdById: owner.id, audit });
    await setAccessMode({ orgId: org.id, grantee: { serviceAccountId: account.id }, accessMode: "FULL_ACCESS", audit });
    const { token } = await mintServiceToken({ orgId: org.id, owner: { serviceAccountId: account.id }, input: { name: "conformance" }, createdById: owner.id, audit });
    loopbacks.push(await startConformanceLoopback({ target: `${gateway.url}org/${org.slug}`, token, prefix: "conf__" }));
  }
  await Promise.all(
    SPEC_VERSIONS.flatMap((version, i) => [
      runConformance({ url: upstreams[i].url, specVersion: version }).then((report) => direct.set(version, report)),
      runConformance({ url: loopbacks[i].url, specVersion: version }).then((report) => through.set(version, report)),
    ]),
  );
  console.log(`direct:\n${formatConformanceTable([...direct.values()])}\nthrough the gateway:\n${formatConformanceTable([...through.values()])}`);
}, SUITE_TIMEOUT);

afterAll(async () => {
  delete process.env.MCP_ALLOWED_ORIGINS;
  await Promise.all([gateway?.close(), ...upstreams.map((u) => u.close()), ...loopbacks.map((l) => l.close())]);
});

describe.each(SPEC_VERSIONS)("conformance suite through the gateway, %s", (version) => {
  it("passes every check that passes direct", () => {
    // INFO counts as passing: the suite says "not applicable here" with it (for example where the
    // gateway answers a list as JSON and the upstream as SSE, or reads a polled stream to its end).
    const passing = (report: ConformanceReport) =>
      report.scenarios.flatMap((s) => s.checks.filter((c) => c.status === "SUCCESS" || c.status === "INFO").map((c) => `${s.scenario}: ${c.id}`));
    const viaGateway = new Set(passing(through.get(version)!));
    const passedDirect = direct.get(version)!.scenarios.flatMap((s) => s.checks.filter((c) => c.status === "SUCCESS").map((c) => `${s.scenario}: ${c.id}`));
    expect(passedDirect.filter((check) => !viaGateway.has(check)), conformanceProblems(through.get(version)!).join("\n")).toEqual([]);
  });

  it("has no failing, warning or skipped check and runs every scenario", () => {
    expect(conformanceProblems(through.get(version)!)).toEqual([]);
    expect(through.get(version)!.scenarios.map((s) => s.scenario).sort()).toEqual(direct.get(version)!.scenarios.map((s) => s.scenario).sort());
  });
});
