import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePools, pools, prepared } from "@/lib/db/pools";
import { resetEnvCache } from "@/lib/env";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/testing/scratch-database";

// The embedded database is one session behind every connection: a statement
// name prepared by one connection already exists for the next. The data
// plane's named statements must keep working when the pool replaces its
// connection (after 10 s idle, or after an error), or every bot call of an
// embedded install would fail from then on.

const STATEMENT = { name: "cr_pools_test_v1", text: "SELECT $1::int + 1 AS n" };
let embedded: ScratchDatabase;
const saved = { url: process.env.DATABASE_URL, size: process.env.DATABASE_POOL_SIZE };

beforeAll(async () => {
  await closePools();
  embedded = await createScratchDatabase("unused", undefined);
  process.env.DATABASE_URL = embedded.url;
  process.env.DATABASE_POOL_SIZE = "1";
  resetEnvCache();
});

afterAll(async () => {
  await closePools();
  process.env.DATABASE_URL = saved.url;
  if (saved.size === undefined) delete process.env.DATABASE_POOL_SIZE;
  else process.env.DATABASE_POOL_SIZE = saved.size;
  resetEnvCache();
  await embedded.drop();
});

describe("data-plane statements on the embedded database", () => {
  it("run on a connection that replaced the one that first ran them", async () => {
    const { dataPlane } = pools();
    expect((await dataPlane.query({ ...prepared(STATEMENT), values: [1] })).rows[0].n).toBe(2);
    // The pool drops that connection (as after an idle timeout) and opens a new one.
    const first = await dataPlane.connect();
    first.release(true);
    expect((await dataPlane.query({ ...prepared(STATEMENT), values: [2] })).rows[0].n).toBe(3);
  });
});
