import { describe, expect, it } from "vitest";
import { scopeArgs } from "@/lib/db/for-org";

const ORG = "00000000-0000-4000-8000-00000000000a";
const OTHER = "00000000-0000-4000-8000-00000000000b";

describe("scopeArgs", () => {
  it("adds the organization to every where of a tenant model", () => {
    for (const operation of ["findFirst", "findMany", "findUnique", "count", "update", "updateMany", "delete", "deleteMany", "groupBy", "aggregate"]) {
      expect(scopeArgs(ORG, "Toolset", operation, { where: { id: "t" } }).where).toEqual({ id: "t", orgId: ORG });
    }
    expect(scopeArgs(ORG, "ToolsetTool", "findMany", {}).where).toEqual({ orgId: ORG });
  });

  it("writes the organization into created rows, one or many, and into an upsert's create", () => {
    expect(scopeArgs(ORG, "Toolset", "create", { data: { name: "T" } }).data).toEqual({ name: "T", orgId: ORG });
    expect(scopeArgs(ORG, "ToolsetTool", "createMany", { data: [{ toolId: "a" }, { toolId: "b", orgId: ORG }] }).data).toEqual([
      { toolId: "a", orgId: ORG },
      { toolId: "b", orgId: ORG },
    ]);
    const upsert = scopeArgs(ORG, "Grant", "upsert", { where: { id: "g" }, create: { level: "READ" } });
    expect(upsert).toMatchObject({ where: { id: "g", orgId: ORG }, create: { level: "READ", orgId: ORG } });
  });

  it("refuses a row of another organization", () => {
    expect(() => scopeArgs(ORG, "Toolset", "create", { data: { name: "T", orgId: OTHER } })).toThrow(/another organization/);
    expect(() => scopeArgs(ORG, "ToolsetTool", "createMany", { data: [{ orgId: OTHER }] })).toThrow(/another organization/);
  });

  it("leaves global models alone", () => {
    expect(scopeArgs(ORG, "User", "findFirst", { where: { email: "a@example.test" } })).toEqual({ where: { email: "a@example.test" } });
    expect(scopeArgs(ORG, "RateLimitState", "deleteMany", {})).toEqual({});
  });
});
