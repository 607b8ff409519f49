import { describe, expect, it } from "vitest";
import { embeddedIPv4, parseAllowedNetworks, refuseAddress } from "@/lib/network/outbound-policy";

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

  it.each([
    ["AWS metadata", "169.254.169.254"],
    ["AWS metadata over IPv6", "fd00:ec2::254"],
    ["AWS DNS over IPv6", "fd00:ec2::253"],
    ["AWS time sync over IPv6", "fd00:ec2::123"],
    ["GCP metadata over IPv6", "fd20:ce::254"],
    ["Azure WireServer", "168.63.129.16"],
    ["Alibaba metadata", "100.100.100.200"],
    ["Oracle legacy metadata", "192.0.0.192"],
    ["Tencent metadata", "169.254.0.23"],
    ["IPv4-mapped metadata (hex form, as new URL writes it)", "::ffff:a9fe:a9fe"],
    ["IPv4-translated metadata", "::ffff:0:a9fe:a9fe"],
    ["IPv4-compatible metadata", "::a9fe:a9fe"],
    ["IPv4-compatible metadata (dotted)", "::169.254.169.254"],
    ["NAT64 metadata", "64:ff9b::169.254.169.254"],
    ["6to4 of metadata", "2002:a9fe:a9fe::1"],
    ["6to4 of the Azure WireServer", "2002:a83f:8110::"],
    ["Teredo with a metadata server", "2001:0:a9fe:a9fe::1"],
    ["Teredo with a metadata client", "2001:0:4136:e378:8000:63bf:5601:5601"],
  ])("always refuses %s (%s), even when every network is allowed", (_, ip) => {
    expect(refuseAddress(ip, parseAllowedNetworks("0.0.0.0/0, ::/0"))).toMatch(/link-local or cloud-metadata/);
  });

  it.each([
    ["IPv4-compatible loopback", "::7f00:1"],
    ["6to4 of loopback", "2002:7f00:1::1"],
    ["6to4 of a private address", "2002:a00:1::"],
    ["NAT64 of a private address", "64:ff9b::10.0.0.1"],
    ["Teredo with a private client", "2001:0:4136:e378:8000:63bf:f5ff:fffe"],
  ])("refuses %s (%s) as the private address it carries", (_, ip) => {
    expect(refuseAddress(ip, none)).toMatch(/UPSTREAM_ALLOWED_NETWORKS/);
  });

  it("reads the embedded IPv4 of each form, and none of plain addresses", () => {
    expect(embeddedIPv4("::ffff:1.2.3.4")).toEqual(["1.2.3.4"]);
    expect(embeddedIPv4("2002:102:304::")).toEqual(["1.2.3.4"]);
    expect(embeddedIPv4("64:ff9b::1.2.3.4")).toEqual(["1.2.3.4"]);
    expect(embeddedIPv4("2001:0:102:304::fefd:fcfb")).toEqual(["1.2.3.4", "1.2.3.4"]);
    expect(embeddedIPv4("::1")).toEqual([]);
    expect(embeddedIPv4("2606:4700:4700::1111")).toEqual([]);
  });

  it("allows a 6to4 address of a public IPv4 address", () => {
    expect(refuseAddress("2002:5db8:d822::1", none)).toBeNull();
  });

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
    expect(() => parseAllowedNetworks("010.0.0.0/8")).toThrow(/"010.0.0.0\/8" is not a CIDR block/);
    expect(() => parseAllowedNetworks("10.0.0.0/08")).toThrow(/UPSTREAM_ALLOWED_NETWORKS/);
  });
});
