// `npm run conformance`: the official MCP conformance suite (server
// scenarios, both spec versions) as a table. Without --url it runs against
// the project's conformance upstream; with --url against that endpoint, and
// with --token/--prefix through the loopback that adds the bearer token and
// the gateway's `<slug>__` name prefix (e.g. a Control Room endpoint:
// --url http://127.0.0.1:3000/org/demo --token alk_svc_… --prefix conformance__).
// Exits 1 when any check fails.
import { parseArgs } from "node:util";
import { startConformanceLoopback } from "../lib/testing/conformance-loopback";
import { startConformanceUpstream } from "../lib/testing/conformance-upstream";
import { formatConformanceTable } from "../lib/testing/conformance/format-conformance-table";
import { runConformanceVersion, SPEC_VERSIONS } from "../lib/testing/conformance/run-conformance-matrix";
import type { SpecVersion } from "../lib/testing/run-conformance";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    token: { type: "string" },
    prefix: { type: "string", default: "" },
    "spec-version": { type: "string", multiple: true },
  },
});

async function main() {
  const versions = (values["spec-version"] ?? SPEC_VERSIONS) as SpecVersion[];
  const unknown = versions.filter((version) => !SPEC_VERSIONS.includes(version));
  if (unknown.length) throw new Error(`unknown spec version ${unknown.join(", ")}; use ${SPEC_VERSIONS.join(" or ")}`);

  const upstream = values.url ? undefined : await startConformanceUpstream();
  const target = values.url ?? upstream!.url;
  const loopback = values.token ? await startConformanceLoopback({ target, token: values.token, prefix: values.prefix }) : undefined;
  try {
    const url = loopback?.url ?? target;
    console.log(`conformance suite against ${target}${loopback ? ` (through the loopback at ${url})` : ""}\n`);
    const reports = [];
    for (const version of versions) reports.push(await runConformanceVersion(url, version));
    console.log(formatConformanceTable(reports));
    for (const report of reports) {
      console.log(`\n${report.specVersion}: ${(report.durationMs / 1000).toFixed(1)} s`);
      for (const scenario of report.scenarios) for (const failure of scenario.failures) console.log(`  ✗ ${scenario.scenario} — ${failure}`);
      for (const scenario of report.scenarios) for (const warning of scenario.warningMessages) console.log(`  ! ${scenario.scenario} — ${warning}`);
    }
    process.exitCode = reports.some((report) => report.scenarios.some((s) => s.status === "failed")) ? 1 : 0;
  } finally {
    await loopback?.close();
    await upstream?.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
