import { runConformance, type ConformanceReport, type SpecVersion } from "../run-conformance";

export const SPEC_VERSIONS: SpecVersion[] = ["2025-11-25", "2026-07-28"];

/**
 * The extension scenarios the server SDK implements: SEP-2640 skills (its
 * `ext/skills`). The suite runs extensions only when named, at the revision
 * they belong to (2026-07-28). The tasks-* scenarios are left out: the SDK
 * (2.4) has no tasks extension.
 */
export const EXTENSION_SCENARIOS: Record<SpecVersion, string[]> = {
  "2025-11-25": [],
  "2026-07-28": ["sep-2640-skills-directory", "sep-2640-skills-enumeration", "sep-2640-skills-manifest"],
};

/** Every scenario of one spec version against `url`: the suite's full set, then the extensions, as one report. */
export async function runConformanceVersion(url: string, specVersion: SpecVersion): Promise<ConformanceReport> {
  const core = await runConformance({ url, specVersion });
  const extensions = EXTENSION_SCENARIOS[specVersion];
  if (extensions.length === 0) return core;
  const extra = await runConformance({ url, specVersion, scenarios: extensions });
  return { ...core, scenarios: [...core.scenarios, ...extra.scenarios], durationMs: core.durationMs + extra.durationMs };
}
