import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { toProblem } from "@/lib/http/problem";
import { routePatternOf } from "@/lib/ops/route-pattern";

// Next answers a method a route file does not export with an empty 405 and no
// Allow header. The server answers it first instead, as problem+json with
// Allow (RFC 9110 §15.5.6), from the methods the route file exports.

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const cache = new Map<string, string[] | null>();

/** The methods a route pattern ("/v1/orgs/[orgSlug]/members") answers, HEAD and OPTIONS included; null when no route file serves it. */
export function allowedMethodsOf(pattern: string, root: string = process.cwd()): string[] | null {
  const key = `${root}\0${pattern}`;
  if (cache.has(key)) return cache.get(key)!;
  const file = path.join(root, "app", ...pattern.split("/").filter(Boolean), "route.ts");
  let allow: string[] | null = null;
  if (existsSync(file)) {
    const source = readFileSync(file, "utf8");
    const methods: string[] = METHODS.filter((method) =>
      new RegExp(`export (const|async function|function) ${method}\\b|export \\{[^}]*\\bas ${method}\\b[^}]*\\}`).test(source),
    );
    // Next answers HEAD with GET, and OPTIONS itself.
    if (methods.length) allow = [...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
  }
  cache.set(key, allow);
  return allow;
}

/** Writes the 405 problem for `method` on a route that answers `allow`. */
export function writeMethodNotAllowed(res: ServerResponse, method: string, allow: string[]): void {
  const requestId = String(res.getHeader("x-request-id") ?? randomUUID());
  const error = new AppError("method_not_allowed", `${method} is not allowed here; use ${allow.join(", ")}`, { headers: { Allow: allow.join(", ") } });
  const { problem, headers } = toProblem(error, requestId);
  res.writeHead(405, { ...headers, "Content-Type": "application/problem+json", "Cache-Control": "no-store", "X-Request-Id": requestId });
  res.end(JSON.stringify(problem));
}

/** Answers a /v1 or /api request whose route does not take its method; false for everything else (Next serves it). */
export function refuseUnsupportedMethod(req: IncomingMessage, res: ServerResponse): boolean {
  const pathname = (req.url ?? "/").split("?")[0]!;
  if (!pathname.startsWith("/v1/") && !pathname.startsWith("/api/")) return false;
  const { route } = routePatternOf(pathname);
  if (route === "(unmatched)") return false;
  const allow = allowedMethodsOf(route);
  const method = req.method ?? "GET";
  if (!allow || allow.includes(method)) return false;
  writeMethodNotAllowed(res, method, allow);
  return true;
}
