import { env } from "@/lib/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie-authenticated requests: a mutation must carry an
 * Origin equal to this app's own (the configured NEXTAUTH_URL, or the Host the
 * request was sent to). Browsers always send Origin on cross-site and
 * same-origin fetches that are not GET/HEAD.
 */
export function isSameOriginMutation(req: Request): boolean {
  return SAFE_METHODS.has(req.method) || isOwnOrigin(req);
}

/** Whether the request's Origin is this app's own (NEXTAUTH_URL, or the Host it was sent to). */
export function isOwnOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const allowed = new Set<string>();
  const host = req.headers.get("host");
  if (host) allowed.add(host);
  const configured = env().NEXTAUTH_URL;
  if (configured) allowed.add(new URL(configured).host);
  return allowed.has(originHost);
}

/**
 * Fetch Metadata: browsers say whether another site started the request. A
 * GET with an effect or a cost (an audited export, a chain walk) must not
 * be set off by a link or image on another site riding the session cookie.
 * Clients that send no such header (curl, scripts) are not browsers.
 */
export function isCrossSiteRequest(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}
