import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRoutePatterns, routePatternOf } from "@/lib/ops/route-pattern";

// The metrics' route label and the access log's route: a pattern, never a raw path.

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "cr-routes-"));
  mkdirSync(path.join(root, ".next"));
  mkdirSync(path.join(root, "public"));
  writeFileSync(path.join(root, "public", "favicon.ico"), "");
  // The shape of Next's .next/routes-manifest.json, in Next's order.
  writeFileSync(
    path.join(root, ".next", "routes-manifest.json"),
    JSON.stringify({
      staticRoutes: [{ page: "/" }, { page: "/login" }, { page: "/v1/openapi.json" }],
      dynamicRoutes: [
        { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
        { page: "/org/[slug]", regex: "^/org/([^/]+?)(?:/)?$" },
        { page: "/v1/orgs/[orgSlug]", regex: "^/v1/orgs/([^/]+?)(?:/)?$" },
        { page: "/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]", regex: "^/v1/orgs/([^/]+?)/service\\-accounts/([^/]+?)(?:/)?$" },
        { page: "/[orgSlug]", regex: "^/([^/]+?)(?:/)?$" },
      ],
    }),
  );
  loadRoutePatterns(root);
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  loadRoutePatterns(process.cwd());
});

describe("the route pattern of a path", () => {
  it.each([
    ["/login", "/login", {}],
    ["/v1/openapi.json", "/v1/openapi.json", {}],
    ["/org/acme", "/org/[slug]", { slug: "acme" }],
    ["/v1/orgs/acme", "/v1/orgs/[orgSlug]", { orgSlug: "acme" }],
    ["/v1/orgs/acme/service-accounts/3b1c6c2e-0000-4000-8000-000000000000", "/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]", { orgSlug: "acme", serviceAccountId: "3b1c6c2e-0000-4000-8000-000000000000" }],
    ["/api/auth/callback/credentials", "/api/auth/[...nextauth]", { nextauth: "callback/credentials" }],
    ["/acme", "/[orgSlug]", { orgSlug: "acme" }],
    ["/healthz", "/healthz", {}],
  ])("%s is %s", (pathname, route, params) => {
    expect(routePatternOf(pathname)).toEqual({ route, params });
  });

  it("a file in public/ wins over the organization route, as in Next", () => {
    expect(routePatternOf("/favicon.ico").route).toBe("/favicon.ico");
  });

  it("collapses Next's assets and anything unrouted", () => {
    expect(routePatternOf("/_next/static/chunks/abc123.js").route).toBe("/_next/static/*");
    expect(routePatternOf("/_next/image").route).toBe("/_next/*");
    expect(routePatternOf("/no/such/path/here").route).toBe("(unmatched)");
  });
});
