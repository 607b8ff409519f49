import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { listenOrExplain } from "@/lib/ops/listen-or-explain";

describe("listening on a port", () => {
  it("a busy port is one line naming the port and the variable that sets it", async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const { port } = holder.address() as { port: number };
    const server = createServer();
    try {
      await expect(listenOrExplain(server, { port, host: "127.0.0.1", variable: "PORT" })).rejects.toThrow(
        `Cannot listen on 127.0.0.1:${port}: port ${port} is already in use: stop what is listening there, or set PORT to a free port`,
      );
      expect(server.listening).toBe(false);
    } finally {
      holder.close();
    }
  });

  it("resolves once listening", async () => {
    const server = createServer();
    await listenOrExplain(server, { port: 0, host: "127.0.0.1", variable: "METRICS_PORT" });
    expect(server.listening).toBe(true);
    server.close();
  });
});
