import { describe, expect, it } from "vitest";
import { NO_AUDIT_FILTERS } from "@/lib/client/audit";
import { auditFiltersFromSearch, auditFiltersToSearch, fromDateTimeLocal, toDateTimeLocal } from "@/lib/client/audit-log-url";

describe("audit log filters in the URL", () => {
  it("round-trips the filters that are set and leaves the rest out of the URL", () => {
    const filters = { ...NO_AUDIT_FILTERS, action: "service_token", actorKind: "USER" as const, from: "2026-11-22T00:00:00.000Z" };
    const search = auditFiltersToSearch(filters);
    expect(search).toBe("?actorKind=USER&action=service_token&from=2026-11-22T00%3A00%3A00.000Z");
    expect(auditFiltersFromSearch(new URLSearchParams(search))).toEqual(filters);
    expect(auditFiltersToSearch(NO_AUDIT_FILTERS)).toBe("");
  });

  it("drops values it cannot use instead of sending them to the API", () => {
    const filters = auditFiltersFromSearch(new URLSearchParams("actorKind=ROBOT&from=yesterday&to=2026-11-23T01:00:00%2B01:00&cursor=x"));
    expect(filters).toEqual({ ...NO_AUDIT_FILTERS, to: "2026-11-23T00:00:00.000Z" });
  });
});

describe("datetime-local conversion", () => {
  it("reads the input as local time and writes UTC, and back", () => {
    const iso = fromDateTimeLocal("2026-11-22T10:30");
    const local = new Date(2026, 10, 22, 10, 30);
    expect(iso).toBe(local.toISOString());
    expect(toDateTimeLocal(iso)).toBe("2026-11-22T10:30");
  });

  it("gives nothing for an empty or incomplete value", () => {
    expect(fromDateTimeLocal("")).toBe("");
    expect(fromDateTimeLocal("2026-11-")).toBe("");
    expect(toDateTimeLocal("")).toBe("");
  });
});
