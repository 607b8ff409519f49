import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { authenticateWithPassword, SIGN_IN_LIMIT_PER_EMAIL_AND_IP, SIGN_IN_LIMIT_PER_IP } from "@/lib/auth/authenticate-with-password";
import { createUser, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { resetDatabase } from "@/lib/testing/reset-database";

beforeEach(resetDatabase);

describe("authenticateWithPassword", () => {
  it("signs in with the right password, whatever the email's letter case", async () => {
    const user = await createUser({ email: "ada@example.test", name: "Ada" });
    const result = await authenticateWithPassword({ email: " ADA@Example.test ", password: TEST_PASSWORD, ip: "198.51.100.1" });
    expect(result).toEqual({ outcome: "ok", user: { id: user.id, email: "ada@example.test", name: "Ada" } });
  });

  it("answers a wrong password, an unknown email and a disabled account the same way", async () => {
    const user = await createUser({ email: "ada@example.test" });
    const disabled = await createUser({ email: "gone@example.test" });
    await db().user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const attempts = [
      { email: user.email, password: "wrong password" },
      { email: "nobody@example.test", password: TEST_PASSWORD },
      { email: disabled.email, password: TEST_PASSWORD },
    ];
    for (const attempt of attempts) {
      expect(await authenticateWithPassword({ ...attempt, ip: "198.51.100.1" })).toEqual({ outcome: "invalid" });
    }
  });

  it("backs off an email from the address that keeps guessing, and never locks the account out from elsewhere", async () => {
    const user = await createUser({ email: "ada@example.test" });
    const other = await createUser({ email: "bob@example.test" });
    for (let i = 0; i < SIGN_IN_LIMIT_PER_EMAIL_AND_IP.limit; i++) {
      expect((await authenticateWithPassword({ email: user.email, password: "guess", ip: "198.51.100.7" })).outcome).toBe("invalid");
    }
    const blocked = await authenticateWithPassword({ email: user.email, password: "guess", ip: "198.51.100.7" });
    expect(blocked.outcome).toBe("rate_limited");
    expect(blocked.outcome === "rate_limited" && blocked.retryAfterMs).toBeGreaterThan(0);
    // The owner, from anywhere else, signs in at once; the guessing address may still try other emails.
    expect((await authenticateWithPassword({ email: user.email, password: TEST_PASSWORD, ip: "198.51.100.99" })).outcome).toBe("ok");
    expect((await authenticateWithPassword({ email: other.email, password: TEST_PASSWORD, ip: "198.51.100.7" })).outcome).toBe("ok");
  });

  it("lets guesses from many addresses each fail on their own, and the right password still works", async () => {
    const user = await createUser({ email: "ada@example.test" });
    for (let i = 0; i < 3 * SIGN_IN_LIMIT_PER_EMAIL_AND_IP.limit; i++) {
      expect((await authenticateWithPassword({ email: user.email, password: "guess", ip: `198.51.100.${i}` })).outcome).toBe("invalid");
    }
    expect((await authenticateWithPassword({ email: user.email, password: TEST_PASSWORD, ip: "203.0.113.5" })).outcome).toBe("ok");
  });

  it("lets no more parallel guesses through than the limit, and successes never count", async () => {
    const user = await createUser({ email: "ada@example.test" });
    for (let i = 0; i < 20; i++) expect((await authenticateWithPassword({ email: user.email, password: TEST_PASSWORD, ip: "198.51.100.3" })).outcome).toBe("ok");
    const guesses = await Promise.all(
      Array.from({ length: 25 }, (_, i) => authenticateWithPassword({ email: user.email, password: `guess-${i}`, ip: "198.51.100.3" })),
    );
    expect(guesses.filter((g) => g.outcome === "invalid")).toHaveLength(SIGN_IN_LIMIT_PER_EMAIL_AND_IP.limit);
    expect(guesses.filter((g) => g.outcome === "rate_limited")).toHaveLength(25 - SIGN_IN_LIMIT_PER_EMAIL_AND_IP.limit);
  });

  it("throttles an IP that tries many emails", async () => {
    await createUser({ email: "ada@example.test" });
    for (let i = 0; i < SIGN_IN_LIMIT_PER_IP.limit; i++) {
      await authenticateWithPassword({ email: `spray-${i}@example.test`, password: "guess", ip: "203.0.113.66" });
    }
    expect((await authenticateWithPassword({ email: "ada@example.test", password: TEST_PASSWORD, ip: "203.0.113.66" })).outcome).toBe(
      "rate_limited",
    );
    expect((await authenticateWithPassword({ email: "ada@example.test", password: TEST_PASSWORD, ip: "203.0.113.67" })).outcome).toBe("ok");
  });
});
