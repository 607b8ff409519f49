// Whether an error means "the database is away" (down, restarting, not
// accepting connections, the pool cannot get one in time) rather than a bug:
// such a request gets 503 with Retry-After, and its text never leaves the process.

const PG_CODES = new Set(["57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006", "08007"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH"]);
// Prisma's codes for an unreachable or vanished server.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const MESSAGES = [/Connection terminated/i, /connection (is )?closed/i, /timeout exceeded when trying to connect/i, /Can't reach database server/i, /DatabaseNotReachable|ConnectionClosed|SocketTimeout/];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; current = (current as { cause?: unknown }).cause, depth++) {
    const { code, name, message, kind } = current as { code?: unknown; name?: string; message?: string; kind?: unknown };
    if (typeof code === "string" && (PG_CODES.has(code) || SOCKET_CODES.has(code) || PRISMA_CODES.has(code))) return true;
    if (typeof kind === "string" && /NotReachable|ConnectionClosed|SocketTimeout|TooManyConnections/.test(kind)) return true;
    if (name === "PrismaClientInitializationError") return true;
    if (typeof message === "string" && MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}
