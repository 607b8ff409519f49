import * as crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checksumOf, displayPrefix, generateServiceToken, hashToken, isWellFormedToken, TOKEN_LENGTH } from "@/lib/tokens/token-format";

vi.mock("node:crypto", { spy: true });
afterEach(() => vi.clearAllMocks());

describe("service token format", () => {
  it("is alk_svc_ + 32 base62 characters + a 6-character base62 checksum", () => {
    const { token, prefix, hash } = generateServiceToken();
    expect(token).toMatch(/^alk_svc_[0-9A-Za-z]{38}$/);
    expect(token).toHaveLength(TOKEN_LENGTH);
    expect(token.slice(-6)).toBe(checksumOf(token.slice(0, -6)));
    expect(prefix).toBe(token.slice(0, 16));
    expect(displayPrefix(token)).toBe(prefix);
    expect(hash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(hashToken(token)).toBe(hash);
  });

  it("draws its randomness from the crypto RNG", () => {
    generateServiceToken();
    expect(crypto.randomBytes).toHaveBeenCalled();
  });

  it("uses every base62 character about equally and never repeats", () => {
    const counts = new Map<string, number>();
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const { token } = generateServiceToken();
      seen.add(token);
      for (const c of token.slice(8, 40)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(seen.size).toBe(2000);
    expect(counts.size).toBe(62);
    // 64,000 draws over 62 symbols: ~1032 each; a biased generator lands far outside this band.
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(850);
      expect(n).toBeLessThan(1220);
    }
  });

  it("accepts a generated token and rejects every single-character change", () => {
    const { token } = generateServiceToken();
    expect(isWellFormedToken(token)).toBe(true);
    for (const position of [8, 20, 39, 40, 45]) {
      const original = token[position];
      const replacement = original === "A" ? "B" : "A";
      expect(isWellFormedToken(token.slice(0, position) + replacement + token.slice(position + 1))).toBe(false);
    }
  });

  it.each([
    ["the wrong prefix", (t: string) => t.replace("alk_svc_", "alk_usr_")],
    ["a missing character", (t: string) => t.slice(0, -1)],
    ["an extra character", (t: string) => t + "a"],
    ["surrounding whitespace", (t: string) => ` ${t} `],
    ["a Cyrillic look-alike", (t: string) => t.slice(0, 10) + "а" + t.slice(11)],
    ["a full-width digit", (t: string) => t.slice(0, 10) + "１" + t.slice(11)],
    ["lowercased", (t: string) => t.toLowerCase()],
    ["empty", () => ""],
  ])("rejects %s", (_, mangle) => {
    const { token } = generateServiceToken();
    expect(isWellFormedToken(mangle(token))).toBe(false);
  });
});
