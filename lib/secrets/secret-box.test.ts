import { beforeEach, describe, expect, it } from "vitest";
import { decryptJson, encryptJson, generateSecretsKey } from "@/lib/secrets/secret-box";

beforeEach(() => {
  process.env.SECRETS_KEY = generateSecretsKey();
});

describe("secret box (AES-256-GCM)", () => {
  it("round-trips a value and never shows it in the sealed form", () => {
    const sealed = encryptJson({ "X-Api-Key": "sk-live-123" });
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("sk-live-123");
    expect(decryptJson(sealed)).toEqual({ "X-Api-Key": "sk-live-123" });
  });

  it("uses a fresh IV every time", () => {
    expect(encryptJson("same")).not.toBe(encryptJson("same"));
  });

  it("refuses a tampered ciphertext and the wrong key", () => {
    const sealed = encryptJson({ a: 1 });
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => decryptJson(tampered)).toThrow();
    process.env.SECRETS_KEY = generateSecretsKey();
    expect(() => decryptJson(sealed)).toThrow();
  });

  it("explains a missing or malformed key", () => {
    delete process.env.SECRETS_KEY;
    expect(() => encryptJson(1)).toThrow(/SECRETS_KEY is not set/);
    process.env.SECRETS_KEY = "short";
    expect(() => encryptJson(1)).toThrow(/32 bytes/);
  });
});
