import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conformanceProblems } from "@/lib/testing/conformance/conformance-problems";
import { formatConformanceTable } from "@/lib/testing/conformance/format-conformance-table";
import { EXTENSION_SCENARIOS, runConformanceVersion, SPEC_VERSIONS } from "@/lib/testing/conformance/run-conformance-matrix";
import { startConformanceUpstream } from "@/lib/testing/conformance-upstream";
import { startTestUpstream, type RunningServer } from "@/lib/testing/mcp-upstreams";
import { listConformanceScenarios, runConformance, type ConformanceReport } from "@/lib/testing/run-conformance";

// The official MCP conformance suite, every server scenario of both spec
// versions (plus the SDK's skills extension), run directly against the
// conformance upstream. Through the gateway must later equal this.

const SUITE_TIMEOUT = 600_000;

let upstreams: RunningServer[] = [];
const reports = new Map<string, ConformanceReport>();
const listed = new Map<string, string[]>();

beforeAll(async () => {
  // One upstream per version, so the two suite processes can run side by side.
  upstreams = await Promise.all(SPEC_VERSIONS.map(() => startConformanceUpstream()));
  const [results, lists] = await Promise.all([
    Promise.all(SPEC_VERSIONS.map((version, i) => runConformanceVersion(upstreams[i].url, version))),
    Promise.all(SPEC_VERSIONS.map(listConformanceScenarios)),
  ]);
  for (const report of results) reports.set(report.specVersion, report);
  lists.forEach((list, i) => listed.set(SPEC_VERSIONS[i], list));
  console.log(`${formatConformanceTable(results)}\n${results.map((r) => `${r.specVersion}: ${(r.durationMs / 1000).toFixed(1)} s`).join(", ")}`);
}, SUITE_TIMEOUT);

afterAll(async () => {
  await Promise.all(upstreams.map((upstream) => upstream.close()));
});

const checkStatus = (version: string, scenario: string, id: string) =>
  reports
    .get(version)!
    .scenarios.find((s) => s.scenario === scenario)
    ?.checks.filter((check) => check.id === id)
    .map((check) => check.status);

describe.each(SPEC_VERSIONS)("conformance suite direct, %s", (version) => {
  it("runs every scenario the suite lists for the version, and the SDK's extension scenarios", () => {
    const expected = [...listed.get(version)!, ...EXTENSION_SCENARIOS[version]].sort();
    const ran = reports.get(version)!.scenarios.filter((s) => s.status !== "skipped").map((s) => s.scenario).sort();
    expect(ran).toEqual(expected);
  });

  it("passes every check: none fails, warns or is skipped", () => {
    expect(conformanceProblems(reports.get(version)!)).toEqual([]);
  });
});

describe("the 2025-11-25 upstream is sessionful, so the session scenarios run instead of being skipped", () => {
  it("issues a visible-ASCII Mcp-Session-Id, accepts DELETE and answers 404 for the ended session", () => {
    expect(checkStatus("2025-11-25", "server-initialize", "server-session-id-visible-ascii")).toEqual(["SUCCESS"]);
    for (const id of ["server-session-initialized-accepted", "server-session-delete-accepted", "server-session-terminated-returns-404"]) {
      expect(checkStatus("2025-11-25", "server-session-lifecycle", id), id).toEqual(["SUCCESS"]);
    }
  });

  it("closes a POST stream mid-call and replays the result on the GET reconnect (Last-Event-ID)", () => {
    expect(checkStatus("2025-11-25", "server-sse-polling", "server-sse-disconnect-resume")).toEqual(["SUCCESS"]);
  });
});

it(
  "reports an upstream that lacks the scenarios' tools as failing (the assertions above can fail)",
  async () => {
    const broken = await startTestUpstream();
    try {
      const report = await runConformance({ url: broken.url, specVersion: "2026-07-28", scenarios: ["tools-call-simple-text", "prompts-get-simple"] });
      expect(report.scenarios.map((s) => s.status)).toEqual(["failed", "failed"]);
      expect(conformanceProblems(report).join("\n")).toMatch(/test_simple_text/);
    } finally {
      await broken.close();
    }
  },
  SUITE_TIMEOUT,
);
