import { describe, expect, it } from "vitest";
import { diffAuditValues, ROOT_PATH } from "@/lib/audit/diff-audit-values";

describe("diffAuditValues", () => {
  it("reports changed, added and removed fields, and keeps the unchanged ones apart", () => {
    const diff = diffAuditValues(
      { name: "release-bot", description: "old", status: "ACTIVE" },
      { name: "release-bot", description: "new", accessMode: "RESTRICTED" },
    );
    expect(diff.changes).toEqual([
      { path: "description", kind: "changed", before: "old", after: "new" },
      { path: "status", kind: "removed", before: "ACTIVE" },
      { path: "accessMode", kind: "added", after: "RESTRICTED" },
    ]);
    expect(diff.unchanged).toEqual([{ path: "name", value: "release-bot" }]);
  });

  it("flattens nested objects into dotted paths", () => {
    const diff = diffAuditValues({ limits: { perMinute: 60, burst: { size: 5 } } }, { limits: { perMinute: 120, burst: { size: 5 } } });
    expect(diff.changes).toEqual([{ path: "limits.perMinute", kind: "changed", before: 60, after: 120 }]);
    expect(diff.unchanged).toEqual([{ path: "limits.burst.size", value: 5 }]);
  });

  it("compares arrays as whole values, not index by index", () => {
    const diff = diffAuditValues({ tools: ["a", "b"], tags: ["x"] }, { tools: ["a", "b", "c"], tags: ["x"] });
    expect(diff.changes).toEqual([{ path: "tools", kind: "changed", before: ["a", "b"], after: ["a", "b", "c"] }]);
    expect(diff.unchanged).toEqual([{ path: "tags", value: ["x"] }]);
  });

  it("does not count a different key order inside array items as a change", () => {
    const diff = diffAuditValues({ grants: [{ id: "1", level: "READ" }] }, { grants: [{ level: "READ", id: "1" }] });
    expect(diff.changes).toEqual([]);
  });

  it("treats a missing side (a creation or a deletion) as every field added or removed", () => {
    expect(diffAuditValues(null, { name: "a", owner: { id: "u1" } }).changes).toEqual([
      { path: "name", kind: "added", after: "a" },
      { path: "owner.id", kind: "added", after: "u1" },
    ]);
    expect(diffAuditValues({ name: "a" }, null).changes).toEqual([{ path: "name", kind: "removed", before: "a" }]);
    expect(diffAuditValues(null, null)).toEqual({ changes: [], unchanged: [] });
  });

  it("tells null apart from a missing key, and a value from an object holding it", () => {
    expect(diffAuditValues({ expiresAt: null }, { expiresAt: "2026-12-01T00:00:00.000Z" }).changes).toEqual([
      { path: "expiresAt", kind: "changed", before: null, after: "2026-12-01T00:00:00.000Z" },
    ]);
    expect(diffAuditValues({ a: 1 }, { a: { b: 1 } }).changes).toEqual([
      { path: "a", kind: "removed", before: 1 },
      { path: "a.b", kind: "added", after: 1 },
    ]);
    expect(diffAuditValues({ meta: {} }, { meta: {} }).unchanged).toEqual([{ path: "meta", value: {} }]);
  });

  it("names a value that is not an object by a placeholder path", () => {
    expect(diffAuditValues("on", "off").changes).toEqual([{ path: ROOT_PATH, kind: "changed", before: "on", after: "off" }]);
    expect(diffAuditValues([1], [1]).unchanged).toEqual([{ path: ROOT_PATH, value: [1] }]);
  });
});
