import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { canonicalJson, parseIdempotencyKey, requestFingerprint } from "@/lib/idempotency/idempotency-key-header";

describe("parseIdempotencyKey", () => {
  it("reads the draft's quoted form and the bare form", () => {
    expect(parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe("8e03978e-40d5-43e8-bc93-6894a57f9324");
    expect(parseIdempotencyKey("abc-123")).toBe("abc-123");
    expect(parseIdempotencyKey(null)).toBeNull();
  });

  it("refuses empty, over-long, spaced and half-quoted keys with a 400", () => {
    for (const bad of ['""', "", "a b", '"abc', "x".repeat(256), "é"]) {
      expect(() => parseIdempotencyKey(bad), bad).toThrow(AppError);
    }
  });
});

describe("requestFingerprint", () => {
  it("is the same for the same body whatever the key order, and differs for another body, path or method", () => {
    const base = requestFingerprint({ method: "POST", path: "/v1/orgs/a/service-tokens", body: { name: "ci", expiresIn: "1d" } });
    expect(requestFingerprint({ method: "post", path: "/v1/orgs/a/service-tokens", body: { expiresIn: "1d", name: "ci" } })).toBe(base);
    expect(requestFingerprint({ method: "POST", path: "/v1/orgs/a/service-tokens", body: { name: "cd", expiresIn: "1d" } })).not.toBe(base);
    expect(requestFingerprint({ method: "POST", path: "/v1/orgs/b/service-tokens", body: { name: "ci", expiresIn: "1d" } })).not.toBe(base);
    expect(requestFingerprint({ method: "PUT", path: "/v1/orgs/a/service-tokens", body: { name: "ci", expiresIn: "1d" } })).not.toBe(base);
  });

  it("canonicalises nested objects and drops undefined members", () => {
    expect(canonicalJson({ b: [{ y: 1, x: 2 }], a: undefined, c: null })).toBe('{"b":[{"x":2,"y":1}],"c":null}');
  });
});
