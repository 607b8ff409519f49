import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/auth-options";
import { safeReturnPath } from "@/lib/auth/safe-return-path";

const ORIGIN = "http://localhost:3000";

describe("the return path after sign-in", () => {
  it.each([
    ["/demo", "/demo"],
    ["/demo/settings?tab=members#top", "/demo/settings?tab=members#top"],
    ["/a/../b", "/b"],
    [`${ORIGIN}/demo`, "/demo"],
  ])("keeps the same-origin %j as %j", (value, path) => {
    expect(safeReturnPath(value, ORIGIN)).toBe(path);
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "https:evil.example",
    "http://localhost:3000@evil.example/",
    "http://localhost:3001/demo",
    "javascript:alert(1)",
    "data:text/html,hi",
    `${ORIGIN}//evil.example`,
    "",
    "http://[",
  ])("sends %j to / instead of another origin", (value) => {
    const path = safeReturnPath(value, ORIGIN);
    expect(path).toBe("/");
    // What a browser would do with it: stay on this origin.
    expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
  });

  it("keeps an encoded path encoded, so a browser cannot read it as a host", () => {
    const path = safeReturnPath("/%2F%2Fevil.example", ORIGIN);
    expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
  });

  it("only takes paths when it does not know the site's origin", () => {
    expect(safeReturnPath("/demo")).toBe("/demo");
    expect(safeReturnPath("https://anything.example/demo")).toBe("/");
  });
});

describe("next-auth's redirect callback", () => {
  process.env.NEXTAUTH_SECRET ??= "x".repeat(32);
  const redirect = authOptions().callbacks!.redirect!;

  it.each(["/\t/evil.example", "/\\evil.example", "https://evil.example/", "%2F%2Fevil.example"])("keeps %j on this site", async (url) => {
    const target = await redirect({ url, baseUrl: ORIGIN });
    expect(new URL(target).origin).toBe(ORIGIN);
  });

  it("sends a same-origin path where it asks", async () => {
    expect(await redirect({ url: "/demo/toolsets", baseUrl: ORIGIN })).toBe(`${ORIGIN}/demo/toolsets`);
  });
});
