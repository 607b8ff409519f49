import { describe, expect, it } from "vitest";
import { auditTargetLabel } from "@/lib/audit/audit-target-label";

describe("auditTargetLabel", () => {
  it("names the target as the event recorded it, after before, by its most telling field", () => {
    expect(auditTargetLabel({ name: "old-bot" }, { name: "new-bot" })).toBe("new-bot");
    expect(auditTargetLabel({ name: "deleted-bot" }, null)).toBe("deleted-bot");
    expect(auditTargetLabel(null, { name: "", prefix: "alk_svc_Ab12Cd34" })).toBe("alk_svc_Ab12Cd34…");
    expect(auditTargetLabel(null, { cidr: "10.0.0.0/8", label: "" })).toBe("10.0.0.0/8");
  });

  it("has no name for snapshots without one, or lists", () => {
    expect(auditTargetLabel([{ resource: "Search", level: "READ" }], [{ resource: "Search", level: "WRITE" }])).toBeNull();
    expect(auditTargetLabel({ status: "revoked" }, null)).toBeNull();
  });
});
