import { describe, expect, it } from "vitest";
import { emailSchema, normalizeEmail } from "@/lib/members/email";

describe("emailSchema", () => {
  it("lowercases and trims, so addresses compare case-insensitively", () => {
    expect(emailSchema.parse("  Ada.Lovelace@Example.COM ")).toBe("ada.lovelace@example.com");
    expect(normalizeEmail("BOB@x.io")).toBe(normalizeEmail("bob@X.IO"));
  });

  it.each(["", "not-an-email", "a@", "@b.c", "a b@c.d", "a@b@c.d"])("rejects %j", (value) => {
    const result = emailSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Enter a valid email address");
  });

  it("rejects addresses longer than 254 characters", () => {
    const long = `${"a".repeat(250)}@b.co`;
    expect(emailSchema.safeParse(long).error?.issues[0]?.message).toMatch(/254/);
  });
});
