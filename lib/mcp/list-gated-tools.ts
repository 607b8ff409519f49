import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { demoFetch } from "@/lib/mcp/demo-server";
import { createPinnedFetch } from "@/lib/mcp/pinned-fetch";
import { decryptJson } from "@/lib/secrets/secret-box";
import type { UpstreamConfig } from "@/lib/mcp/upstream-pool";

// Some upstreams list a tool only to clients that can serve what the tool
// needs (server-everything's sampling, elicitation and roots tools). The
// catalog is listed with every capability declared; this finds which of those
// tools need which capability, by listing again as a client that declares
// none and as one per capability, so tools/list can show each caller exactly
// what the upstream would show it.

const CAPABILITIES = {
  sampling: { sampling: {} },
  elicitation: { elicitation: { form: {}, url: {} } },
  roots: { roots: { listChanged: true } },
} as const;

async function toolNamesWith(config: UpstreamConfig, capabilities: object): Promise<Set<string>> {
  const headers = config.headersEncrypted ? decryptJson<Record<string, string>>(config.headersEncrypted) : {};
  const client = new Client({ name: "control-room-catalog", version: "1.0.0" }, { versionNegotiation: { mode: "auto" }, capabilities });
  if ("roots" in capabilities) client.setRequestHandler("roots/list", async () => ({ roots: [] }));
  const fetch = config.builtin ? demoFetch : createPinnedFetch();
  await client.connect(new StreamableHTTPClientTransport(new URL(config.url), { requestInit: { headers }, fetch }), { timeout: Math.min(config.timeoutMs, 15_000) });
  try {
    const names = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await client.listTools(cursor ? { cursor } : undefined, { timeout: config.timeoutMs });
      page.tools.forEach((t) => names.add(t.name));
      cursor = page.nextCursor;
    } while (cursor);
    return names;
  } finally {
    await client.close().catch(() => {});
  }
}

/** Tool name → the capabilities it needs, for the tools missing from a listing without capabilities. */
export async function listGatedTools(config: UpstreamConfig, listedWithAll: string[]): Promise<Map<string, string[]>> {
  if (!listedWithAll.length) return new Map();
  const base = await toolNamesWith(config, {});
  const gated = listedWithAll.filter((name) => !base.has(name));
  const required = new Map<string, string[]>();
  if (!gated.length) return required;
  for (const [capability, declared] of Object.entries(CAPABILITIES)) {
    const names = await toolNamesWith(config, declared);
    for (const name of gated) if (names.has(name) && !required.has(name)) required.set(name, [capability]);
  }
  // Listed only when several are declared at once: it needs them all.
  for (const name of gated) if (!required.has(name)) required.set(name, Object.keys(CAPABILITIES));
  return required;
}
