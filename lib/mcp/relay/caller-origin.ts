// Which browser origins may drive the MCP endpoint: the Control Room's own
// public origin (NEXTAUTH_URL) and those listed in MCP_ALLOWED_ORIGINS. The
// Host header is never consulted: a DNS-rebinding page sends a Host of its
// own choosing and an Origin to match it.

let cached: { key: string; origins: Set<string> } | undefined;

function allowedOrigins(): Set<string> {
  const key = `${process.env.NEXTAUTH_URL ?? ""}|${process.env.MCP_ALLOWED_ORIGINS ?? ""}`;
  if (cached?.key === key) return cached.origins;
  const origins = new Set<string>();
  for (const entry of [process.env.NEXTAUTH_URL ?? "", ...(process.env.MCP_ALLOWED_ORIGINS ?? "").split(",")]) {
    const origin = originOf(entry.trim());
    if (origin) origins.add(origin);
  }
  cached = { key, origins };
  return origins;
}

function originOf(value: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** A request without Origin is not from a browser page and passes; one with Origin must name a configured origin. */
export function isAllowedMcpOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  const normalized = originOf(origin);
  return normalized !== null && allowedOrigins().has(normalized);
}
