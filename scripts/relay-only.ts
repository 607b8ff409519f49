// A child process of scripts/profile-relay.ts: the MCP endpoint alone (no
// Next), on the database at DATABASE_URL, so a CPU profile of it under load
// shows the relay's own costs.
import { startGateway } from "@/lib/testing/start-gateway";

startGateway().then((gateway) => {
  console.log(`gateway ${gateway.url}`);
  process.once("SIGINT", () => void gateway.close().then(() => process.exit(0)));
});
