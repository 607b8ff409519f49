import { describe, expect, it } from "vitest";
import { toProblem } from "@/lib/http/problem";
import { createMcpServerSchema } from "@/lib/mcp-servers/contract";

const base = { name: "GitHub", slug: "github", url: "https://mcp.example.com/mcp" };

describe("registering an MCP server", () => {
  it("accepts static headers with printable values", () => {
    expect(createMcpServerSchema.parse({ ...base, headers: { Authorization: "Bearer sk-123", "X-Team": "a b\tc" } }).headers).toEqual({
      Authorization: "Bearer sk-123",
      "X-Team": "a b\tc",
    });
  });

  it.each([
    ["a line break", { "X-Key": "a\r\nInjected: yes" }, "printable ASCII"],
    ["a NUL byte", { "X-Key": "sk\u0000live" }, "printable ASCII"],
    ["a header the gateway sets", { "Mcp-Session-Id": "x" }, "set by the gateway"],
    ["a name that is not a token", { "Bad Name": "x" }, "RFC 9110"],
  ])("refuses %s, naming the problem", (_, headers, words) => {
    const result = createMcpServerSchema.safeParse({ ...base, headers });
    expect(result.success).toBe(false);
    // What the API answers: the field, and why.
    const { problem } = toProblem(result.error, "r");
    expect(problem.errors?.[0]?.field).toMatch(/^headers\./);
    expect(problem.errors?.map((e) => e.message).join(" ")).toContain(words);
  });

  it.each(["http://010.010.010.010/mcp", "http://0x7f.0.0.1/mcp", "http://2130706433/mcp", "http://127.1/mcp"])(
    "refuses the non-canonical IPv4 host in %s instead of reading it as another address",
    (url) => {
      const issue = createMcpServerSchema.safeParse({ ...base, url }).error?.issues[0];
      expect(issue?.path).toEqual(["url"]);
      expect(issue?.message).toContain("without leading zeros");
    },
  );

  it.each(["ftp://x.example/mcp", "https://user:pw@x.example/mcp", "not a url"])("refuses the URL %s", (url) => {
    expect(createMcpServerSchema.safeParse({ ...base, url }).error?.issues[0]?.path).toEqual(["url"]);
  });

  it("refuses slugs that are not lowercase words", () => {
    expect(createMcpServerSchema.safeParse({ ...base, slug: "Git_Hub" }).error?.issues[0]?.path).toEqual(["slug"]);
  });
});
