import type { ConformanceReport } from "../run-conformance";

/**
 * Everything in a report that is not a clean pass: failed, warning and
 * skipped checks, and scenarios the suite did not run. A scenario that
 * cannot be exercised (a missing tool, a stateless server for the session
 * checks) shows up here as one of those, so "no problems" means every
 * check really ran and passed.
 */
export function conformanceProblems(report: ConformanceReport): string[] {
  return report.scenarios.flatMap(({ scenario, status, checks }) => {
    if (status === "skipped") return [`${report.specVersion} ${scenario}: not run`];
    return checks
      .filter((check) => check.status === "FAILURE" || check.status === "WARNING" || check.status === "SKIPPED")
      .map((check) => `${report.specVersion} ${scenario}: ${check.status} ${check.id} — ${check.errorMessage ?? check.description}`);
  });
}
