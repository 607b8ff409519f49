import { ZodError } from "zod";
import { AppError, type ErrorCode, type FieldProblem } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";

// One table from error code to HTTP status and title (RFC 9457 problem+json).
const STATUS: Record<ErrorCode, { status: number; title: string }> = {
  bad_request: { status: 400, title: "Bad request" },
  validation_failed: { status: 400, title: "Invalid request" },
  unauthorized: { status: 401, title: "Unauthorized" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  unprocessable: { status: 422, title: "Unprocessable content" },
  payload_too_large: { status: 413, title: "Payload too large" },
  rate_limited: { status: 429, title: "Too many requests" },
  unavailable: { status: 503, title: "Service unavailable" },
  internal: { status: 500, title: "Internal server error" },
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  requestId: string;
  errors?: FieldProblem[];
};

/** Maps anything thrown to a problem; unknown errors become an opaque 500 and are logged. */
export function toProblem(error: unknown, requestId: string): { problem: Problem; headers: Record<string, string> } {
  const known = toAppError(error);
  if (!known && isDatabaseUnavailable(error)) {
    // The database is away: say so and when to retry; its own words stay in the log.
    logger.error("database unavailable", { requestId, error });
    return build(new AppError("unavailable", "The service is temporarily unavailable; retry in a few seconds", { retryAfterSeconds: 5 }), requestId);
  }
  if (!known) {
    logger.error("unhandled error", { requestId, error });
    return build(new AppError("internal", `Something went wrong on our side. Quote request id ${requestId} when reporting it.`), requestId);
  }
  return build(known, requestId);
}

export function problemResponse(error: unknown, requestId: string): Response {
  const { problem, headers } = toProblem(error, requestId);
  return Response.json(problem, {
    status: problem.status,
    headers: { "Content-Type": "application/problem+json", "X-Request-Id": requestId, "Cache-Control": "no-store", ...headers },
  });
}

function build(error: AppError, requestId: string) {
  const { status, title } = STATUS[error.code];
  const problem: Problem = {
    type: `https://control-room.dev/problems/${error.code.replaceAll("_", "-")}`,
    title,
    status,
    detail: error.message,
    code: error.code,
    requestId,
    ...(error.fields?.length ? { errors: error.fields } : {}),
  };
  const headers: Record<string, string> = { ...error.headers };
  if (error.retryAfterSeconds !== undefined) headers["Retry-After"] = String(error.retryAfterSeconds);
  if (error.bearerError) headers["WWW-Authenticate"] = `Bearer realm="control-room", error="${error.bearerError}"`;
  else if (error.code === "unauthorized") headers["WWW-Authenticate"] = 'Bearer realm="control-room"';
  return { problem, headers };
}

function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const fields = error.issues.flatMap(fieldProblems);
    return new AppError("validation_failed", fields.map((f) => `${f.field}: ${f.message}`).join("; "), { fields });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return new AppError("not_found", "The resource was not found");
    if (error.code === "P2002") return new AppError("conflict", conflictMessage(error));
  }
  return null;
}

/** One problem per offending field; an unknown key names itself, so `orgId` in a body says "orgId". */
function fieldProblems(issue: ZodError["issues"][number]): FieldProblem[] {
  const at = (key: PropertyKey[]) => key.map(String).join(".") || "(body)";
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ field: at([...issue.path, key]), message: "Unknown field" }));
  }
  // A bad record key ("Invalid key in record") carries the real reason inside.
  if (issue.code === "invalid_key" && issue.issues[0]) return [{ field: at(issue.path), message: issue.issues[0].message }];
  return [{ field: at(issue.path), message: issue.message }];
}

// Names the generic rule below would get wrong.
const MODEL_LABELS: Record<string, string> = { McpServer: "MCP server", CatalogTool: "tool" };

type UniqueViolationMeta = {
  modelName?: string;
  target?: unknown;
  driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } };
};

/** "A group with this name already exists", from whatever the driver adapter tells. */
function conflictMessage(error: Prisma.PrismaClientKnownRequestError): string {
  const meta = (error.meta ?? {}) as UniqueViolationMeta;
  const model = meta.modelName ? (MODEL_LABELS[meta.modelName] ?? meta.modelName.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()) : "record";
  const constraint = meta.driverAdapterError?.cause?.constraint;
  let fields = Array.isArray(meta.target) ? meta.target.map(String) : constraint?.fields;
  // Prisma names unique indexes <Model>_<field>_<field>_key.
  if (!fields && constraint?.index && meta.modelName) {
    const match = new RegExp(`^${meta.modelName}_(.+)_key$`).exec(constraint.index);
    fields = match?.[1].split("_");
  }
  const visible = (fields ?? []).map((f) => f.replaceAll('"', "")).filter((f) => f !== "orgId");
  const article = /^([aeiou]|MCP)/.test(model) ? "An" : "A";
  return visible.length
    ? `${article} ${model} with this ${visible.join(" and ")} already exists`
    : `${article} ${model} with these values already exists`;
}
