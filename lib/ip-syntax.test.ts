import { describe, expect, it } from "vitest";
import { ipFamilyOf, isCanonicalIPv4, nonCanonicalIPv4Host, prefixLengthOf } from "@/lib/ip-syntax";

describe("IPv4 syntax", () => {
  it.each(["0.0.0.0", "8.8.8.8", "10.0.0.1", "255.255.255.255", "192.168.100.1"])("accepts %s", (value) => {
    expect(isCanonicalIPv4(value)).toBe(true);
    expect(ipFamilyOf(value)).toBe(4);
  });

  it.each(["010.010.010.010", "08.8.8.8", "1.2.3", "1.2", "2130706433", "0x7f.0.0.1", "0x7f000001", "256.1.1.1", "1.2.3.4.", " 1.2.3.4", "1.2.3.00"])(
    "refuses %j (leading zeros, fewer parts, hex or decimal forms)",
    (value) => {
      expect(isCanonicalIPv4(value)).toBe(false);
      expect(ipFamilyOf(value)).toBe(0);
    },
  );

  it("refuses a non-canonical IPv4 inside IPv6 and accepts the canonical one", () => {
    expect(ipFamilyOf("::ffff:010.1.1.1")).toBe(0);
    expect(ipFamilyOf("::ffff:10.1.1.1")).toBe(6);
    expect(ipFamilyOf("2001:db8::1")).toBe(6);
  });

  it("reads prefix lengths without leading zeros, within the family", () => {
    expect(prefixLengthOf("24", 4)).toBe(24);
    expect(prefixLengthOf("0", 4)).toBe(0);
    expect(prefixLengthOf("024", 4)).toBeNull();
    expect(prefixLengthOf("33", 4)).toBeNull();
    expect(prefixLengthOf("128", 6)).toBe(128);
  });
});

describe("IPv4 hosts in URLs", () => {
  it.each(["http://010.010.010.010/mcp", "http://0x7f.0.0.1/", "http://2130706433/", "http://127.1/", "https://%30x7f.0.0.1/", "http://user@017.0.0.1:80/", "http://1.2.3.4./"])(
    "finds the non-canonical address in %s",
    (url) => {
      expect(nonCanonicalIPv4Host(url)).not.toBeNull();
    },
  );

  it.each(["http://8.8.8.8/mcp", "https://example.com/", "http://[::1]:3000/", "http://host-1.example/", "http://1.2.3.4:8080/x", "http://a.b.123x/"])("leaves %s alone", (url) => {
    expect(nonCanonicalIPv4Host(url)).toBeNull();
  });
});
