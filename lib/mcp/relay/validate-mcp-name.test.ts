import { describe, expect, it } from "vitest";
import { decodeMcpHeaderValue, validateMcpNameHeader } from "@/lib/mcp/relay/validate-mcp-name";
import { encodeMcpHeaderValue } from "@/lib/mcp/relay/upstream-headers";

describe("Mcp-Name", () => {
  it("round-trips names that need the Base64 sentinel and leaves plain ones alone", () => {
    for (const name of ["demo__add", "Hello, 世界", " padded ", "line1\nline2", "=?base64?literal?="]) {
      expect(decodeMcpHeaderValue(encodeMcpHeaderValue(name))).toBe(name);
    }
    expect(encodeMcpHeaderValue("demo__add")).toBe("demo__add");
    expect(encodeMcpHeaderValue("Hello, 世界")).toBe("=?base64?SGVsbG8sIOS4lueVjA==?=");
  });

  it("refuses a header that is missing, malformed or names something else", () => {
    expect(validateMcpNameHeader("tools/call", { name: "a__b" }, "a__b")).toBeNull();
    expect(validateMcpNameHeader("tools/call", { name: "a__b" }, undefined)).toMatch(/absent/);
    expect(validateMcpNameHeader("tools/call", { name: "a__b" }, "a__c")).toMatch(/does not match/);
    expect(validateMcpNameHeader("resources/read", { uri: "demo://x" }, "=?base64?!!?=")).toMatch(/invalid Base64/);
    expect(validateMcpNameHeader("tools/list", {}, undefined)).toBeNull();
  });
});
