import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "@/lib/http/same-origin";

const request = (site?: string) => new Request("http://localhost/v1/orgs/acme/audit-events/export?format=csv", { headers: site ? { "sec-fetch-site": site } : {} });

describe("isCrossSiteRequest", () => {
  it("refuses what another site's page started, including a sibling subdomain", () => {
    expect(isCrossSiteRequest(request("cross-site"))).toBe(true);
    expect(isCrossSiteRequest(request("same-site"))).toBe(true);
  });

  it("lets through the app's own pages, typed URLs and clients that are not browsers", () => {
    expect(isCrossSiteRequest(request("same-origin"))).toBe(false);
    expect(isCrossSiteRequest(request("none"))).toBe(false);
    expect(isCrossSiteRequest(request())).toBe(false);
  });
});
