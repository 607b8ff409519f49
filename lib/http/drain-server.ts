import type { IncomingMessage, Server, ServerResponse } from "node:http";

// A graceful stop for the node:http server: what a platform team expects on
// SIGTERM behind a load balancer. Readiness fails first (the caller's
// `onDraining`), optionally for a grace period while the balancer notices;
// then no new connections, idle keep-alive sockets closed, every answer from
// then on says `Connection: close`, long-lived notification streams ended
// (their clients reconnect elsewhere), and the requests in flight — MCP calls
// and admin requests — get until the deadline to finish.

export type RequestTracker = {
  /** Call at the start of every request: counts it until its response closes, and marks it to close its connection once draining. */
  track(req: IncomingMessage, res: ServerResponse): void;
  readonly inFlight: number;
  readonly draining: boolean;
};

export function createRequestTracker(): RequestTracker & { startDrain(): void } {
  let inFlight = 0;
  let draining = false;
  return {
    track(_req, res) {
      inFlight++;
      if (draining) res.setHeader("connection", "close");
      res.once("close", () => inFlight--);
    },
    get inFlight() {
      return inFlight;
    },
    get draining() {
      return draining;
    },
    startDrain() {
      draining = true;
    },
  };
}

export async function drainServer({
  server,
  tracker,
  delayMs,
  timeoutMs,
  endStreams,
  log,
}: {
  server: Server;
  tracker: ReturnType<typeof createRequestTracker>;
  /** Readiness already fails; keep accepting this long so the balancer stops sending first. */
  delayMs: number;
  timeoutMs: number;
  /** Ends the long-lived streams (subscriptions/listen, session GET streams), which never finish by themselves. */
  endStreams: () => number;
  log: (line: string, fields?: Record<string, unknown>) => void;
}): Promise<{ unfinished: number }> {
  tracker.startDrain();
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  const deadline = Date.now() + timeoutMs;
  server.close();
  server.closeIdleConnections();
  const streams = endStreams();
  log("draining: no new connections; waiting for requests in flight", { inFlight: tracker.inFlight, streamsEnded: streams, timeoutMs });
  while (tracker.inFlight > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A keep-alive socket whose last request just finished is idle now: close it rather than wait for its timeout.
    server.closeIdleConnections();
  }
  const unfinished = tracker.inFlight;
  if (unfinished) server.closeAllConnections();
  return { unfinished };
}
