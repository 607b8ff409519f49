import type { ConformanceReport } from "../run-conformance";

/**
 * A Markdown table, one row per scenario and one column per report (spec
 * version): "passed / failed" checks, with warnings and skipped checks when
 * there are any, and "—" where the suite does not run the scenario at that
 * version.
 */
export function formatConformanceTable(reports: ConformanceReport[]): string {
  const scenarios = [...new Set(reports.flatMap((report) => report.scenarios.filter((s) => s.status !== "skipped").map((s) => s.scenario)))].sort();
  const cell = (report: ConformanceReport, scenario: string) => {
    const result = report.scenarios.find((s) => s.scenario === scenario && s.status !== "skipped");
    if (!result) return "—";
    const mark = result.status === "failed" ? "✗" : "✓";
    // Warnings and skipped checks are shown: a server without a feature often gets them instead of failures.
    const notes = [result.warnings && `${result.warnings} warn`, result.skipped && `${result.skipped} skipped`].filter(Boolean);
    return `${mark} ${result.passed} / ${result.failed}${notes.length ? ` (${notes.join(", ")})` : ""}`;
  };
  const total = (report: ConformanceReport) => {
    const run = report.scenarios.filter((s) => s.status !== "skipped");
    return `${run.filter((s) => s.status === "passed").length}/${run.length} scenarios`;
  };
  const header = `| scenario | ${reports.map((r) => r.specVersion).join(" | ")} |`;
  const rule = `|---|${reports.map(() => "---").join("|")}|`;
  const rows = scenarios.map((scenario) => `| ${scenario} | ${reports.map((r) => cell(r, scenario)).join(" | ")} |`);
  const footer = `| **total** | ${reports.map(total).join(" | ")} |`;
  return [header, rule, ...rows, footer].join("\n");
}
