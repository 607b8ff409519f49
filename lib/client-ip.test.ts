import { describe, expect, it } from "vitest";
import { clientIp, normalizeIp, PEER_ADDRESS_HEADER } from "@/lib/client-ip";

const headers = (peer: string, xff?: string[]) => {
  const h = new Headers({ [PEER_ADDRESS_HEADER]: peer });
  for (const value of xff ?? []) h.append("x-forwarded-for", value);
  return h;
};

describe("clientIp", () => {
  it("uses the socket peer and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientIp(headers("198.51.100.4", ["6.6.6.6"]), 0)).toBe("198.51.100.4");
  });

  it("takes the Nth address from the right of all X-Forwarded-For headers with N trusted hops", () => {
    const h = headers("10.0.0.1", ["6.6.6.6, 203.0.113.9", "10.0.0.2"]);
    expect(clientIp(h, 1)).toBe("10.0.0.2");
    expect(clientIp(h, 2)).toBe("203.0.113.9");
  });

  it("falls back to the peer when the chain is shorter than the hops", () => {
    expect(clientIp(headers("10.0.0.1", ["203.0.113.9"]), 3)).toBe("10.0.0.1");
  });

  it("unwraps IPv4-mapped IPv6 and rejects garbage", () => {
    expect(normalizeIp("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeIp("2001:DB8::1")).toBe("2001:db8::1");
    expect(normalizeIp("not-an-ip")).toBeNull();
    expect(clientIp(new Headers(), 0)).toBeNull();
  });

  it("reads no address from a non-canonical IPv4 spelling (what Test an address answers with a 400)", () => {
    for (const value of ["010.010.010.010", "10.1", "0x7f.0.0.1", "2130706433", "::ffff:010.0.0.1"]) expect(normalizeIp(value), value).toBeNull();
  });
});
