import { describe, expect, it } from "vitest";
import { cidrContains, parseCidr } from "@/lib/network/cidr";
import { evaluateAllowlists, type Rule } from "@/lib/network/evaluate-allowlists";

describe("parseCidr", () => {
  it.each([
    ["203.0.113.0/24", "203.0.113.0/24"],
    ["203.0.113.77/24", "203.0.113.0/24"],
    ["10.1.2.3/32", "10.1.2.3/32"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["2001:DB8::1/32", "2001:db8::/32"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001/128", "2001:db8::1/128"],
    ["::/0", "::/0"],
    [" 192.168.1.0/24 ", "192.168.1.0/24"],
  ])("stores %s as %s", (input, canonical) => {
    expect(parseCidr(input)).toMatchObject({ ok: true, canonical });
  });

  it.each(["10.0.0.0", "10.0.0.0/33", "2001:db8::/129", "300.1.1.1/8", "example.com/24", "", "10.0.0.0/8/8", "::ffff:10.0.0.0/104", "1.2.3/24", "010.010.010.010/32", "10.0.0.08/32", "0x7f.0.0.1/32", "2130706433/32", "10.0.0.0/08", "::ffff:010.0.0.1/128"])(
    "refuses %j, naming the entry",
    (input) => {
      const parsed = parseCidr(input);
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.message).toContain(`"${input}"`);
    },
  );
});

describe("cidrContains", () => {
  it.each([
    ["203.0.113.0/24", "203.0.113.9", true],
    ["203.0.113.0/24", "203.0.114.1", false],
    ["10.1.2.3/32", "10.1.2.3", true],
    ["10.1.2.3/32", "10.1.2.4", false],
    ["0.0.0.0/0", "198.51.100.1", true],
    ["0.0.0.0/0", "2001:db8::1", false],
    ["::/0", "2001:db8::1", true],
    ["::/0", "198.51.100.1", false],
    ["2001:db8::/32", "2001:DB8:1::9", true],
    ["2001:db8::1/128", "2001:db8::2", false],
    ["10.0.0.0/8", "::ffff:10.9.9.9", true],
    ["::/0", "::ffff:10.9.9.9", false],
    ["10.0.0.0/8", "garbage", false],
  ])("%s contains %s: %s", (cidr, ip, expected) => {
    expect(cidrContains(cidr, ip)).toBe(expected);
  });
});

describe("allowlist layers", () => {
  const org: Rule = { id: "o", cidr: "203.0.113.0/24", label: "office", serviceAccountId: null };
  const account: Rule = { id: "a", cidr: "198.51.100.0/24", label: "ci", serviceAccountId: "sa" };

  it("restricts nothing when both layers are empty", () => {
    expect(evaluateAllowlists([], "192.0.2.1", "sa").allowed).toBe(true);
  });

  it("needs every non-empty layer to match", () => {
    expect(evaluateAllowlists([org], "203.0.113.5", "sa").allowed).toBe(true);
    expect(evaluateAllowlists([org, account], "203.0.113.5", "sa").allowed).toBe(false); // org allows, account denies
    expect(evaluateAllowlists([org, account], "198.51.100.5", "sa").allowed).toBe(false); // account allows, org denies
    expect(evaluateAllowlists([org, { ...account, cidr: "203.0.113.0/28" }], "203.0.113.5", "sa").allowed).toBe(true);
  });

  it("ignores other accounts' entries and says which entry matched", () => {
    const verdict = evaluateAllowlists([org, { ...account, serviceAccountId: "other" }], "203.0.113.5", "sa");
    expect(verdict.allowed).toBe(true);
    expect(verdict.layers).toEqual([
      { layer: "organization", entries: 1, matched: org },
      { layer: "service_account", entries: 0, matched: null },
    ]);
  });

  it("denies an unknown client address wherever a layer has entries", () => {
    expect(evaluateAllowlists([org], null, null).allowed).toBe(false);
    expect(evaluateAllowlists([], null, null).allowed).toBe(true);
  });
});
