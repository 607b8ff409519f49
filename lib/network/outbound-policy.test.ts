import { describe, expect, it } from "vitest";
import { parseAllowedNetworks, refuseAddress } from "@/lib/network/outbound-policy";

const none = parseAllowedNetworks("");
const lab = parseAllowedNetworks("127.0.0.0/8, 10.1.0.0/16, fd00::/8");

describe("outbound policy for upstream connections", () => {
  it.each(["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"])("allows the public address %s", (ip) => {
    expect(refuseAddress(ip, none)).toBeNull();
  });

  it.each(["169.254.169.254", "169.254.1.1", "100.100.100.200", "fe80::1", "fd00:ec2::254", "0.0.0.0", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe"])(
    "always refuses the link-local or metadata address %s, even when allowed",
    (ip) => {
      expect(refuseAddress(ip, parseAllowedNetworks("0.0.0.0/0, ::/0"))).toMatch(/link-local or cloud-metadata/);
    },
  );

  it.each(["127.0.0.1", "10.0.0.5", "172.16.3.4", "192.168.1.1", "100.64.0.1", "::1", "fd12::1", "::ffff:10.0.0.1"])(
    "refuses the private address %s by default, naming UPSTREAM_ALLOWED_NETWORKS",
    (ip) => {
      expect(refuseAddress(ip, none)).toMatch(/UPSTREAM_ALLOWED_NETWORKS/);
    },
  );

  it("allows private addresses inside UPSTREAM_ALLOWED_NETWORKS and only those", () => {
    expect(refuseAddress("127.0.0.1", lab)).toBeNull();
    expect(refuseAddress("10.1.200.3", lab)).toBeNull();
    expect(refuseAddress("fd12::1", lab)).toBeNull();
    expect(refuseAddress("10.2.0.1", lab)).toMatch(/UPSTREAM_ALLOWED_NETWORKS/);
  });

  it("rejects a malformed allow list naming the entry", () => {
    expect(() => parseAllowedNetworks("10.0.0.0/33")).toThrow(/"10.0.0.0\/33" is not a CIDR block/);
    expect(() => parseAllowedNetworks("intranet")).toThrow(/UPSTREAM_ALLOWED_NETWORKS/);
  });
});
