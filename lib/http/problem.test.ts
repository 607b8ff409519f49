import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { problemResponse, toProblem } from "@/lib/http/problem";

afterEach(() => vi.restoreAllMocks());

describe("error → problem+json", () => {
  it.each([
    ["bad_request", 400],
    ["validation_failed", 400],
    ["unauthorized", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["conflict", 409],
    ["payload_too_large", 413],
    ["rate_limited", 429],
  ] as const)("maps %s to %i with the message as detail", (code, status) => {
    const { problem } = toProblem(new AppError(code, "what went wrong"), "req-1");
    expect(problem).toMatchObject({ status, code, detail: "what went wrong", requestId: "req-1" });
    expect(problem.type).toMatch(/^https:\/\//);
  });

  it("turns a zod error into 400 with every invalid field named", () => {
    const schema = z.strictObject({ name: z.string().min(1, "Name is required"), role: z.enum(["A", "B"]) });
    const { problem } = toProblem(schema.safeParse({ name: "", role: "C", orgId: "x" }).error, "req-2");
    expect(problem.status).toBe(400);
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(["name", "orgId", "role"]);
    expect(problem.errors?.find((e) => e.field === "orgId")?.message).toBe("Unknown field");
  });

  it("maps Prisma's P2025 to 404 and P2002 to 409 naming the field", () => {
    const missing = new Prisma.PrismaClientKnownRequestError("nope", { code: "P2025", clientVersion: "7" });
    expect(toProblem(missing, "r").problem.status).toBe(404);
    const duplicate = new Prisma.PrismaClientKnownRequestError("dup", {
      code: "P2002",
      clientVersion: "7",
      meta: { modelName: "Group", driverAdapterError: { cause: { constraint: { index: "Group_orgId_name_key" } } } },
    });
    const { problem } = toProblem(duplicate, "r");
    expect(problem).toMatchObject({ status: 409, detail: "A group with this name already exists" });
  });

  it("hides unknown errors behind an opaque 500 that quotes the request id", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { problem } = toProblem(new Error("connection string postgres://user:secret@db"), "req-9");
    expect(problem.status).toBe(500);
    expect(problem.detail).toContain("req-9");
    expect(JSON.stringify(problem)).not.toContain("secret");
  });

  it("answers with the problem+json media type, the request id and Retry-After when given", async () => {
    const response = problemResponse(new AppError("rate_limited", "slow down", { retryAfterSeconds: 30 }), "req-3");
    expect(response.status).toBe(429);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("x-request-id")).toBe("req-3");
    expect(response.headers.get("retry-after")).toBe("30");
    expect(await response.json()).toMatchObject({ code: "rate_limited", requestId: "req-3" });
  });
});
