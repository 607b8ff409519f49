import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createPinoLogger } from "@/lib/logger";

function capture(level?: string) {
  const previous = process.env.LOG_LEVEL;
  if (level) process.env.LOG_LEVEL = level;
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = createPinoLogger(stream);
  process.env.LOG_LEVEL = previous;
  return { logger, lines };
}

const saved = process.env.LOG_LEVEL;
afterEach(() => {
  process.env.LOG_LEVEL = saved;
});

describe("the logger", () => {
  it("writes one JSON line with level, time and message", () => {
    const { logger, lines } = capture("info");
    logger.info({ orgSlug: "acme" }, "hello");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", msg: "hello", orgSlug: "acme" });
    expect(new Date(lines[0]!.time as string).toISOString()).toBe(lines[0]!.time);
  });

  it("honours LOG_LEVEL", () => {
    const { logger, lines } = capture("warn");
    logger.info({}, "not written");
    logger.debug({}, "not written either");
    logger.warn({}, "written");
    expect(lines.map((l) => l.msg)).toEqual(["written"]);
  });

  it("redacts authorization, cookies, passwords, tokens and secrets, at any of the first levels", () => {
    const { logger, lines } = capture("info");
    logger.info(
      {
        authorization: "Bearer alk_svc_secret",
        headers: { authorization: "Bearer x", cookie: "next-auth.session-token=cookie-value-xyz", "set-cookie": ["a=b"] },
        request: { body: { password: "hunter2", token: "alk_svc_123" } },
        config: { DATABASE_URL: "postgresql://user:pw@db/x", secret: "s", clientSecret: "c" },
        tokenPrefix: "alk_svc_abcdefgh",
      },
      "careless",
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of ["alk_svc_secret", "Bearer x", "cookie-value-xyz", "a=b", "hunter2", "alk_svc_123", "user:pw", '"s"', '"c"']) expect(text).not.toContain(secret);
    expect(text).toContain("[redacted]");
    expect(lines[0]!.tokenPrefix).toBe("alk_svc_abcdefgh");
  });
});
