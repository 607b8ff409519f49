"use client";

/** One problem with one request field, as problem+json `errors[]` lists it. */
export type FieldError = { field: string; message: string };

/** A failed API call, parsed from the RFC 9457 problem+json body when there is one. */
export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fields: FieldError[];
  readonly requestId: string | null;

  constructor({ status, code, detail, fields = [], requestId = null }: { status: number; code: string; detail: string; fields?: FieldError[]; requestId?: string | null }) {
    super(detail);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.fields = fields;
    this.requestId = requestId;
  }

  /** The message for one field, to show under its input. */
  fieldMessage(field: string): string | null {
    return this.fields.find((f) => f.field === field)?.message ?? null;
  }
}

type ApiInit = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key`: the server acts once per key (see useSubmission). */
  idempotencyKey?: string;
};

/**
 * Same-origin JSON call to the admin API with the session cookie. Resolves to
 * the parsed body (undefined for 204) and throws ApiError for anything else.
 */
export async function apiFetch<T>(path: string, { method = "GET", body, signal, idempotencyKey }: ApiInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal,
      credentials: "same-origin",
      headers: {
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...(idempotencyKey ? { "Idempotency-Key": `"${idempotencyKey}"` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: "network_error", detail: "Could not reach the server. Check your connection and try again." });
  }
  if (response.status === 204) return undefined as T;
  const parsed = await response.json().catch(() => undefined);
  if (response.ok) return parsed as T;
  // The session expired (or was ended) mid-action: sign in again and come back here.
  if (response.status === 401) redirectToSignIn();
  throw toApiError(response, parsed);
}

let redirecting = false;

function redirectToSignIn() {
  if (redirecting || typeof window === "undefined") return;
  redirecting = true;
  const back = `${window.location.pathname}${window.location.search}`;
  // A full load on purpose: the sign-in page starts a new session, and no client state should survive it.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/login?callbackUrl=${encodeURIComponent(back)}&expired=1`);
}

function toApiError(response: Response, body: unknown): ApiError {
  const problem = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const fields = Array.isArray(problem.errors)
    ? problem.errors.filter((e): e is FieldError => typeof e?.field === "string" && typeof e?.message === "string")
    : [];
  return new ApiError({
    status: response.status,
    code: typeof problem.code === "string" ? problem.code : "http_error",
    detail:
      typeof problem.detail === "string" && problem.detail
        ? problem.detail
        : `The request failed (${response.status}${response.statusText ? ` ${response.statusText}` : ""}). Try again.`,
    fields,
    requestId: typeof problem.requestId === "string" ? problem.requestId : response.headers.get("X-Request-Id"),
  });
}

/** The text to show for any error a hook throws. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  return error instanceof Error && error.message ? error.message : "Something went wrong. Try again.";
}

/** React Query retry policy: a 4xx will not fix itself, so only retry network and server errors, once. */
export function retryUnlessClientError(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

/** `?a=1&b=2` from the defined, non-empty values. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export type Page<T> = { items: T[]; nextCursor: string | null };
/** A list answer with how many rows match its filters (`total`) and how many there are (`unfilteredTotal`). */
export type CountedPage<T> = Page<T> & { total: number; unfilteredTotal: number };
/** The orders of most lists; "" is the list's default. */
export type NameAgeSort = "" | "newest" | "oldest" | "name" | "-name";
