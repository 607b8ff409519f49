// A child process of `npm run bench`: the benchmark's upstream, an MCP server
// built with the server SDK (v2, stateless), alone on its event loop.
import { startTestUpstream } from "@/lib/testing/mcp-upstreams";

startTestUpstream().then((upstream) => {
  console.log(`upstream ${upstream.url}`);
  process.once("SIGTERM", () => void upstream.close().then(() => process.exit(0)));
});
