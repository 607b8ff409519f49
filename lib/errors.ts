// The one error type services throw. Only the adapters (lib/http for REST,
// the MCP endpoint later) turn it into a wire format.

export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "rate_limited"
  | "internal";

export type FieldProblem = { field: string; message: string };

export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly fields?: FieldProblem[];
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options: { fields?: FieldProblem[]; retryAfterSeconds?: number } = {}) {
    super(message);
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
