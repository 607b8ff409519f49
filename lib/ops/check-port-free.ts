import { createServer } from "node:http";
import { listenOrExplain } from "@/lib/ops/listen-or-explain";

/**
 * Fails fast, before the database and Next are prepared (a minute on a first
 * run), when the port is taken: the same one line listenOrExplain gives. The
 * real listen still handles a port taken in between.
 */
export async function checkPortFree({ port, host, variable }: { port: number; host: string; variable: string }): Promise<void> {
  const probe = createServer();
  await listenOrExplain(probe, { port, host, variable });
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}
