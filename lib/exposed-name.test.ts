import { describe, expect, it } from "vitest";
import { exposedName } from "@/lib/exposed-name";

const VALID = /^[a-zA-Z0-9_-]{1,64}$/;

describe("exposedName", () => {
  it("joins the server slug and the tool name when that is a valid name", () => {
    expect(exposedName("github", "create_issue")).toBe("github__create_issue");
    expect(exposedName("demo", "current-time")).toBe("demo__current-time");
  });

  it.each(["tool.with.dots", "tool with spaces", "outil-été", "x".repeat(80), "a/b:c", "工具"])(
    "turns %j into a valid, deterministic short form",
    (name) => {
      const exposed = exposedName("server", name);
      expect(exposed).toMatch(VALID);
      expect(exposedName("server", name)).toBe(exposed);
    },
  );

  it("keeps different originals apart even when they sanitize alike", () => {
    expect(exposedName("s", "a.b")).not.toBe(exposedName("s", "a b"));
    expect(exposedName("s", "x".repeat(70))).not.toBe(exposedName("s", "x".repeat(71)));
  });
});
