import { describe, expect, it } from "vitest";
import { parseBearer } from "@/lib/tokens/parse-bearer";
import { generateServiceToken } from "@/lib/tokens/token-format";

const { token } = generateServiceToken();
const headersWith = (...values: string[]) => {
  const headers = new Headers();
  for (const value of values) headers.append("authorization", value);
  return headers;
};

describe("parseBearer", () => {
  it("reads a bearer token, with the scheme in any case", () => {
    for (const scheme of ["Bearer", "bearer", "BEARER"]) {
      expect(parseBearer(headersWith(`${scheme} ${token}`))).toEqual({ kind: "token", token });
    }
  });

  it("tolerates spaces around the credentials", () => {
    expect(parseBearer(headersWith(`Bearer   ${token}  `))).toEqual({ kind: "token", token });
  });

  it("says none when there is no Authorization header, whatever the query string holds", () => {
    const request = new Request(`http://x/v1/orgs/acme/whoami?access_token=${token}&token=${token}`);
    expect(parseBearer(request.headers)).toEqual({ kind: "none" });
  });

  it.each([
    ["another scheme", `Basic ${Buffer.from("a:b").toString("base64")}`],
    ["no credentials", "Bearer"],
    ["two tokens", `Bearer ${token} ${token}`],
    ["a 10 KB header", `Bearer ${"a".repeat(10 * 1024)}`],
  ])("is malformed with %s", (_, value) => {
    expect(parseBearer(headersWith(value))).toEqual({ kind: "malformed" });
  });

  it("is malformed when two Authorization headers are sent", () => {
    expect(parseBearer(headersWith(`Bearer ${token}`, `Bearer ${token}`))).toEqual({ kind: "malformed" });
  });
});
