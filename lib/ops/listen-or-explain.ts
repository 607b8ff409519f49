import type { Server } from "node:http";

export class ListenError extends Error {
  override name = "ListenError";
}

const REASONS: Record<string, (port: number, variable: string) => string> = {
  EADDRINUSE: (port, variable) => `port ${port} is already in use: stop what is listening there, or set ${variable} to a free port`,
  EACCES: (port, variable) => `port ${port} needs privileges this process does not have: set ${variable} to a port above 1023`,
  EADDRNOTAVAIL: (port) => `the address to listen on for port ${port} is not on this machine (check HOST)`,
};

/**
 * server.listen as a promise that rejects with one line naming the port and
 * the variable that sets it, instead of an 'error' event that leaves the
 * process up and not serving.
 */
export function listenOrExplain(server: Server, { port, host, variable }: { port: number; host: string; variable: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      const explain = REASONS[error.code ?? ""];
      reject(new ListenError(explain ? `Cannot listen on ${host}:${port}: ${explain(port, variable)}` : `Cannot listen on ${host}:${port} (${variable}): ${error.message}`));
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}
