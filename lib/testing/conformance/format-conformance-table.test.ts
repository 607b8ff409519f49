import { describe, expect, it } from "vitest";
import { summarize, type ConformanceCheck, type ConformanceReport } from "../run-conformance";
import { formatConformanceTable } from "./format-conformance-table";

const check = (id: string, status: ConformanceCheck["status"], errorMessage?: string): ConformanceCheck => ({ id, name: id, description: `${id} works`, status, errorMessage });

describe("summarize", () => {
  it("counts checks by status and names the failures and warnings", () => {
    const result = summarize("tools-list", [check("a", "SUCCESS"), check("b", "FAILURE", "no tools"), check("c", "WARNING"), check("d", "SKIPPED"), check("e", "INFO")]);
    expect(result).toMatchObject({ scenario: "tools-list", status: "failed", passed: 1, failed: 1, warnings: 1, skipped: 1, failures: ["b: no tools"], warningMessages: ["c: c works"] });
  });

  it("calls a scenario without failures passed, and one without checks skipped", () => {
    expect(summarize("ping", [check("a", "SUCCESS"), check("w", "WARNING")]).status).toBe("passed");
    expect(summarize("ping", []).status).toBe("skipped");
  });
});

describe("formatConformanceTable", () => {
  const report = (specVersion: ConformanceReport["specVersion"], scenarios: ReturnType<typeof summarize>[]): ConformanceReport => ({ url: "u", specVersion, scenarios, durationMs: 1 });

  it("has a row per scenario run in any version, passed / failed (warnings, skipped) per version and — where it did not run", () => {
    const table = formatConformanceTable([
      report("2025-11-25", [summarize("ping", [check("a", "SUCCESS"), check("b", "SUCCESS")]), summarize("tools-list", [check("a", "FAILURE")])]),
      report("2026-07-28", [summarize("tools-list", [check("a", "SUCCESS"), check("w", "WARNING"), check("s", "SKIPPED")]), summarize("ping", [])]),
    ]);
    expect(table.split("\n")).toEqual([
      "| scenario | 2025-11-25 | 2026-07-28 |",
      "|---|---|---|",
      "| ping | ✓ 2 / 0 | — |",
      "| tools-list | ✗ 0 / 1 | ✓ 1 / 0 (1 warn, 1 skipped) |",
      "| **total** | 1/2 scenarios | 1/1 scenarios |",
    ]);
  });
});
