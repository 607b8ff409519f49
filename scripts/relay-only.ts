// A child process of scripts/profile-relay.ts: the MCP endpoint alone (no
// Next), on the database at DATABASE_URL, behind the same per-request hooks
// server.ts runs first (access log, metrics), so a CPU profile of it under
// load shows what a relayed call costs in production. SIGUSR2 starts the
// profiler (after the warm-up), SIGINT writes the profile and the CPU time
// spent since the start, as one JSON line, and exits.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { startGateway } from "@/lib/testing/start-gateway";

const [profileFile] = process.argv.slice(2);
const session = new Session();
let cpuAtStart: NodeJS.CpuUsage | null = null;

startGateway({ observe: process.env.PROFILE_OBSERVE !== "0" }).then((gateway) => {
  console.log(`gateway ${gateway.url}`);
  process.on("SIGUSR2", () => {
    const started = () => {
      cpuAtStart = process.cpuUsage();
      console.log("profiling");
    };
    // "-": measure the CPU time only, without the profiler's own overhead.
    if (profileFile === "-") return started();
    session.connect();
    void session.post("Profiler.enable").then(() => session.post("Profiler.start")).then(started);
  });
  process.once("SIGINT", async () => {
    if (cpuAtStart) {
      const cpu = process.cpuUsage(cpuAtStart);
      if (profileFile !== "-") writeFileSync(profileFile, JSON.stringify((await session.post("Profiler.stop")).profile));
      console.log(`cpu ${JSON.stringify({ ms: (cpu.user + cpu.system) / 1000, systemMs: cpu.system / 1000 })}`);
    }
    await gateway.close();
    process.exit(0);
  });
});
