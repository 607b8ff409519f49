import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { readBody } from "@/lib/mcp/relay/read-upstream-answer";
import { sendToUpstream } from "@/lib/mcp/relay/send-to-upstream";
import { UpstreamFailure } from "@/lib/mcp/relay/upstream-failure";
import type { UpstreamServer } from "@/lib/mcp/relay/upstream-server";

const ANSWER = '{"jsonrpc":"2.0","id":1,"result":{}}';
const OK = `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${ANSWER.length}\r\nConnection: keep-alive\r\n\r\n${ANSWER}`;

/**
 * A raw TCP upstream: `onRequest(connection, n)` decides what the n-th request
 * on a connection gets (the full answer, nothing, a closed socket), so the
 * tests can play the keep-alive race byte for byte.
 */
async function rawUpstream(onRequest: (socket: net.Socket, nth: number) => void) {
  const seen = { connections: 0, requests: 0 };
  const server = net.createServer((socket) => {
    seen.connections++;
    sockets.add(socket.once("close", () => sockets.delete(socket)));
    let nth = 0;
    let buffered = "";
    socket.on("data", (chunk) => {
      buffered += chunk.toString("latin1");
      // Every test request has a body of known length: one request per "\r\n\r\n" + body.
      for (;;) {
        const end = buffered.indexOf("\r\n\r\n");
        if (end < 0) return;
        const length = Number(/content-length: (\d+)/i.exec(buffered.slice(0, end))?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        buffered = buffered.slice(end + 4 + length);
        seen.requests++;
        onRequest(socket, ++nth);
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
  servers.push(server);
  return { url, seen };
}

const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** The next caller request comes in a later turn of the event loop, as a real one does. */
const later = () => new Promise((resolve) => setImmediate(resolve));

beforeAll(() => {
  process.env.UPSTREAM_ALLOWED_NETWORKS = "127.0.0.0/8";
});

const serverAt = (url: string): UpstreamServer => ({
  id: crypto.randomUUID(),
  slug: "raw",
  url,
  builtin: false,
  headersEncrypted: null,
  timeoutMs: 5000,
  protocolVersion: null,
  supportedVersions: [],
});

const post = (server: UpstreamServer, abort?: Parameters<typeof sendToUpstream>[0]["abort"]) =>
  sendToUpstream({ server, method: "POST", headers: { "content-type": "application/json" }, body: '{"jsonrpc":"2.0","id":1,"method":"ping"}', abort });

describe("sendToUpstream", () => {
  it("keeps the connection for the next request and hands over the answer's bytes", async () => {
    const upstream = await rawUpstream((socket) => socket.write(OK));
    const server = serverAt(upstream.url);
    for (let i = 0; i < 3; i++) {
      const answer = await post(server);
      expect(answer.status).toBe(200);
      expect(answer.headers["content-type"]).toBe("application/json");
      expect((await readBody("raw", answer.body)).toString()).toBe(ANSWER);
      await later();
    }
    expect(upstream.seen).toEqual({ connections: 1, requests: 3 });
  });

  it("sends once more, on a new connection, when a reused connection closes before any answer (the keep-alive race)", async () => {
    // The second request on the first connection meets a socket the upstream closes at that moment.
    const upstream = await rawUpstream((socket, nth) => (nth === 2 && upstream.seen.connections === 1 ? socket.destroy() : socket.write(OK)));
    const server = serverAt(upstream.url);
    await readBody("raw", (await post(server)).body);
    await later();
    const answer = await post(server);
    expect((await readBody("raw", answer.body)).toString()).toBe(ANSWER);
    expect(upstream.seen).toEqual({ connections: 2, requests: 3 });
  });

  it("does not send again when a new connection closes before the answer: the upstream may have acted on it", async () => {
    const upstream = await rawUpstream((socket) => socket.destroy());
    const failure = await post(serverAt(upstream.url)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UpstreamFailure);
    expect((failure as UpstreamFailure).message).toBe('Upstream "raw" is unreachable');
    expect(upstream.seen.requests).toBe(1);
  });

  it("a call that stops before the answer ends its request and closes that connection", async () => {
    let closed!: () => void;
    const closedConnection = new Promise<void>((resolve) => (closed = resolve));
    const upstream = await rawUpstream((socket) => socket.once("close", closed));
    const linked: { destroy(error?: Error): unknown }[] = [];
    const abort = { aborted: false, link: (request: { destroy(error?: Error): unknown }) => void linked.push(request) };
    const sent = post(serverAt(upstream.url), abort);
    while (upstream.seen.requests === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    abort.aborted = true;
    linked[0].destroy(Object.assign(new Error("The call stopped"), { name: "AbortError" }));
    // A stopped call's error is its own (the call reports the deadline or the cancel), not an upstream failure.
    await expect(sent).rejects.toMatchObject({ name: "AbortError" });
    await closedConnection;
  });

  it("destroying an answer mid-body closes its connection: the next request goes on another one", async () => {
    const carriers: net.Socket[] = [];
    const upstream = await rawUpstream((socket) => {
      carriers.push(socket);
      socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n6\r\ndata: \r\n`);
    });
    const server = serverAt(upstream.url);
    const answer = await post(server);
    const firstClosed = new Promise((resolve) => carriers[0].once("close", resolve));
    answer.body.destroy();
    await firstClosed;
    await later();
    (await post(server)).body.destroy();
    expect(upstream.seen.requests).toBe(2);
    expect(carriers[1]).not.toBe(carriers[0]);
  });

  it("resolves a host name through the outbound policy: a loopback name is refused unless its network is allowed", async () => {
    const upstream = await rawUpstream((socket) => socket.write(OK));
    const byName = serverAt(upstream.url.replace("127.0.0.1", "localhost"));
    process.env.UPSTREAM_ALLOWED_NETWORKS = "";
    try {
      const failure = await post(byName).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(UpstreamFailure);
      expect((failure as UpstreamFailure).reason).toBe("blocked");
      expect((failure as UpstreamFailure).message).toContain("UPSTREAM_ALLOWED_NETWORKS");
      expect(upstream.seen.connections).toBe(0);
    } finally {
      process.env.UPSTREAM_ALLOWED_NETWORKS = "127.0.0.0/8";
    }
    // Allowed now: of the name's addresses only the allowed one (127.0.0.1, not ::1) is connected to.
    const answer = await post(byName);
    expect((await readBody("raw", answer.body)).toString()).toBe(ANSWER);
    expect(upstream.seen.connections).toBe(1);
  });

  it("an unreachable upstream is a failure naming it", async () => {
    const upstream = await rawUpstream(() => {});
    const { url } = upstream;
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const failure = await post(serverAt(url)).catch((error: unknown) => error);
    expect((failure as UpstreamFailure).message).toBe('Upstream "raw" is unreachable: it refused the connection');
  });
});
