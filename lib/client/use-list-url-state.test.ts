import { describe, expect, it } from "vitest";
import { listUrlCodec } from "@/lib/client/use-list-url-state";

const codec = listUrlCodec({ search: { typed: true }, status: { allowed: ["active", "revoked"] }, sort: { allowed: ["name", "-name", "newest"], default: "newest" } });

describe("a list's state in the URL", () => {
  it("reads what it knows, and reads anything else as the default", () => {
    expect(codec.fromSearch(new URLSearchParams("search=%20bot%20&status=revoked&sort=-name"))).toEqual({ search: "bot", status: "revoked", sort: "-name" });
    expect(codec.fromSearch(new URLSearchParams("status=gone&sort=price&other=1"))).toEqual({ search: "", status: "", sort: "newest" });
  });

  it("writes only what differs from the defaults", () => {
    expect(codec.toSearch({ search: "bot", status: "", sort: "newest" })).toBe("?search=bot");
    expect(codec.toSearch({ search: "", status: "", sort: "newest" })).toBe("");
    expect(codec.toSearch({ search: "a b", status: "active", sort: "name" })).toBe("?search=a+b&status=active&sort=name");
    expect(codec.typed).toEqual(["search"]);
  });
});
