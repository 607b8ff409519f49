import { describe, expect, it } from "vitest";
import { allowedMethodsOf } from "@/lib/http/method-not-allowed";

describe("allowed methods of a route", () => {
  it("reads the methods a route file exports, with HEAD for GET and OPTIONS", () => {
    expect(allowedMethodsOf("/v1/orgs/[orgSlug]/whoami")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethodsOf("/v1/orgs/[orgSlug]/mcp-servers/[serverId]")).toEqual(["GET", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
    expect(allowedMethodsOf("/v1/orgs/[orgSlug]/mcp-servers/[serverId]/sync")).toEqual(["POST", "OPTIONS"]);
    expect(allowedMethodsOf("/api/auth/[...nextauth]")).toEqual(["GET", "POST", "HEAD", "OPTIONS"]);
  });

  it("knows no methods for a path no route file serves", () => {
    expect(allowedMethodsOf("/v1/orgs/[orgSlug]/nothing-here")).toBeNull();
  });
});
