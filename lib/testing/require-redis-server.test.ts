import { afterEach, describe, expect, it } from "vitest";
import { missingRedisServer } from "@/lib/testing/require-redis-server";

const path = process.env.PATH;
afterEach(() => {
  process.env.PATH = path;
});

describe("the redis-server check before the tests", () => {
  it("says in one line how to install redis-server when it is not on PATH", () => {
    process.env.PATH = "/nonexistent";
    const problem = missingRedisServer();
    expect(problem).toMatch(/^redis-server is not on PATH/);
    expect(problem).toContain("apt-get install redis-server");
    expect(problem).not.toContain("\n");
  });
});
