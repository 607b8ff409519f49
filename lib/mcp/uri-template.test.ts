import { describe, expect, it } from "vitest";
import { matchesUriTemplate } from "@/lib/mcp/uri-template";

describe("matchesUriTemplate", () => {
  it("matches one segment per simple variable", () => {
    expect(matchesUriTemplate("demo://resource/dynamic/text/{resourceId}", "demo://resource/dynamic/text/42")).toBe(true);
    expect(matchesUriTemplate("demo://resource/dynamic/text/{resourceId}", "demo://resource/dynamic/text/4/2")).toBe(false);
    expect(matchesUriTemplate("demo://resource/dynamic/text/{resourceId}", "demo://resource/dynamic/blob/42")).toBe(false);
  });

  it("lets reserved and exploded expansions span segments, and escapes literal characters", () => {
    expect(matchesUriTemplate("file:///{+path}", "file:///a/b/c.txt")).toBe(true);
    expect(matchesUriTemplate("x://a.b/{id}", "x://aXb/1")).toBe(false);
  });
});
