import { describe, expect, it } from "vitest";
import { findUnstorableField, isStorableText } from "@/lib/storable-input";

describe("storable input", () => {
  it.each(["plain", "emoji 🙂", "tab\tand\nnewline", "", "\u00e9"])("accepts %j", (value) => {
    expect(isStorableText(value)).toBe(true);
  });

  it.each(["a\u0000b", "\ud800", "x\udfffy", "\udc00\ud800"])("refuses %j", (value) => {
    expect(isStorableText(value)).toBe(false);
  });

  it("names the first field that holds one, by its path", () => {
    expect(findUnstorableField({ name: "ok", grants: [{ resourceId: "ok" }, { resourceId: "a\u0000" }] })).toMatchObject({ field: "grants.1.resourceId" });
    expect(findUnstorableField({ headers: { "X-\u0000": "v" } })).toMatchObject({ field: "headers.(key)" });
    expect(findUnstorableField("\u0000")).toMatchObject({ field: "(body)" });
    expect(findUnstorableField({ a: 1, b: [true, null, "fine"] })).toBeNull();
  });
});
