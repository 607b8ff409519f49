import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// The route pattern of a request path ("/v1/orgs/[orgSlug]/members/[userId]"),
// for the access log and the metrics' route label: raw paths would give every
// id its own time series. The patterns come from the build's own routes
// manifest, so they are exactly the routes Next serves, in Next's order
// (static first, then the dynamic ones, most specific first); files in
// public/ win over the dynamic routes, as they do in Next.

type Dynamic = { pattern: string; regex: RegExp; names: string[] };
type Table = { exact: Set<string>; dynamic: Dynamic[] };
export type RouteMatch = { route: string; params: Record<string, string> };

/** Paths served before Next's router (lib/ops/serve-ops-request.ts). */
const OPS_PATHS = ["/healthz", "/readyz", "/metrics"];
/** The MCP endpoint, also served before Next's router (server.ts → lib/mcp/relay). */
const MCP_ENDPOINT: Dynamic = { pattern: "/org/[slug]", regex: /^\/org\/([^/]+?)(?:\/)?$/, names: ["slug"] };

const globalForRoutes = globalThis as unknown as { controlRoomRoutes?: Table };

function loadTable(root: string): Table {
  const exact = new Set(OPS_PATHS);
  const dynamic: Dynamic[] = [MCP_ENDPOINT];
  const manifest = [".next/routes-manifest.json", ".next/dev/routes-manifest.json"].map((file) => path.join(root, file)).find(existsSync);
  if (manifest) {
    const parsed = JSON.parse(readFileSync(manifest, "utf8")) as { staticRoutes?: { page: string }[]; dynamicRoutes?: { page: string; regex: string }[] };
    for (const route of parsed.staticRoutes ?? []) exact.add(route.page);
    for (const route of parsed.dynamicRoutes ?? []) {
      dynamic.push({ pattern: route.page, regex: new RegExp(route.regex), names: [...route.page.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]!) });
    }
  }
  const publicDir = path.join(root, "public");
  if (existsSync(publicDir)) {
    for (const entry of readdirSync(publicDir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) exact.add("/" + path.relative(publicDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
    }
  }
  return { exact, dynamic };
}

/** Reads the build's routes again (tests; a server reads them once). */
export function loadRoutePatterns(root: string = process.cwd()): void {
  globalForRoutes.controlRoomRoutes = loadTable(root);
}

/** The pattern a path is served by, with its parameters; "(unmatched)" when no route serves it (a 404). */
export function routePatternOf(pathname: string): RouteMatch {
  if (pathname.startsWith("/_next/static/")) return { route: "/_next/static/*", params: {} };
  if (pathname.startsWith("/_next/")) return { route: "/_next/*", params: {} };
  const table = (globalForRoutes.controlRoomRoutes ??= loadTable(process.cwd()));
  const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  if (table.exact.has(trimmed)) return { route: trimmed, params: {} };
  for (const route of table.dynamic) {
    const match = route.regex.exec(pathname);
    if (!match) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      const value = match[i + 1];
      if (value === undefined) return;
      try {
        params[name] = decodeURIComponent(value);
      } catch {
        params[name] = value;
      }
    });
    return { route: route.pattern, params };
  }
  return { route: "(unmatched)", params: {} };
}
