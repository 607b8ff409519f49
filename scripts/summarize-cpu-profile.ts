// Summarizes a V8 .cpuprofile (node --cpu-prof) by module: self time per
// npm package, per folder of this project, and per Node subsystem, so a
// profile of the gateway under load says where its time goes.
//   tsx scripts/summarize-cpu-profile.ts <file.cpuprofile> [top]
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

export function moduleOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === "(garbage collector)") return "GC";
    if (functionName === "(idle)") return "(idle)";
    if (functionName === "(program)") return "(program)";
    return `(native) ${functionName || "anonymous"}`;
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith("node:")) {
    const internal = /^node:(?:internal\/)?([^/]+)/.exec(url);
    return `node:${internal?.[1] ?? url}`;
  }
  const own = /\/(lib\/[^/]+(?:\/[^/]+)?|app|server\.ts|scripts)\//.exec(url) ?? /\/(lib\/[^/]+)\//.exec(url);
  if (own) return own[1].replace(/\/[^/]+\.ts$/, "");
  return url.replace(/^.*\//, "");
}

export function summarizeProfile(profile: Profile): { module: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const key = moduleOf(node.callFrame.url, node.callFrame.functionName);
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].map(([module, ms]) => ({ module, ms })).sort((a, b) => b.ms - a.ms);
}

if (process.argv[1]?.endsWith("summarize-cpu-profile.ts")) {
  const [file, top = "25"] = process.argv.slice(2);
  const rows = summarizeProfile(JSON.parse(readFileSync(file, "utf8")) as Profile);
  const busy = rows.filter((r) => r.module !== "(idle)").reduce((sum, r) => sum + r.ms, 0);
  console.log(`busy ${(busy / 1000).toFixed(1)} s of samples`);
  for (const row of rows.filter((r) => r.module !== "(idle)").slice(0, Number(top))) {
    console.log(`${((row.ms / busy) * 100).toFixed(1).padStart(5)} %  ${row.module}`);
  }
}
