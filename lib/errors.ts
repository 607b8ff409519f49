// The one error type services throw. Only the adapters (lib/http for REST,
// the MCP endpoint later) turn it into a wire format.

export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  /** Well-formed but unusable as sent: an Idempotency-Key reused for another request. */
  | "unprocessable"
  | "payload_too_large"
  | "rate_limited"
  | "unavailable"
  | "internal";

export type FieldProblem = { field: string; message: string };

export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly fields?: FieldProblem[];
  readonly retryAfterSeconds?: number;
  /** An RFC 6750 error for WWW-Authenticate: invalid_token (401) or insufficient_scope (403). */
  readonly bearerError?: "invalid_token" | "insufficient_scope";
  /** Extra response headers (RateLimit-Policy, RateLimit). */
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      fields?: FieldProblem[];
      retryAfterSeconds?: number;
      bearerError?: "invalid_token" | "insufficient_scope";
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.bearerError = options.bearerError;
    this.headers = options.headers;
  }
}

/**
 * The one answer to every unusable token (malformed, unknown, expired,
 * revoked, disabled account, another organization's): the caller cannot tell
 * the reasons apart.
 */
export const invalidToken = () =>
  new AppError("unauthorized", "The access token is invalid, expired or revoked", { bearerError: "invalid_token" });

/** The one answer to a call from an address no allowlist admits: it says nothing about why. */
export const networkDenied = () => new AppError("forbidden", "Forbidden");

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
