import { pools } from "@/lib/db/pools";
import { logger } from "@/lib/logger";
import type { UpstreamSessionRef } from "@/lib/mcp/relay/authorize-caller";
import { LATEST_LEGACY_VERSION, type JsonObject } from "@/lib/mcp/relay/protocol";
import { exchangeWithUpstream, notifyUpstream } from "@/lib/mcp/relay/upstream-exchange";
import { UpstreamFailure } from "@/lib/mcp/relay/upstream-failure";
import { upstreamHeaders } from "@/lib/mcp/relay/upstream-headers";
import { sendToUpstream } from "@/lib/mcp/relay/send-to-upstream";
import type { UpstreamServer } from "@/lib/mcp/relay/upstream-server";
import { decryptJson, encryptJson } from "@/lib/secrets/secret-box";

/** An upstream session ready for use: its id in the clear (never logged) and what it negotiated. */
export type OpenUpstreamSession = { sessionId: string; version: string; logLevel: string | null; sealed: string };

export type SessionOwner = { orgId: string; tokenId: string; scopeKey: string };

export type SessionIdentity = { capabilities: JsonObject; clientInfo: JsonObject | null; protocolVersion: string; logLevel: string | null };

const opening = new Map<string, Promise<OpenUpstreamSession>>();

export function openedSession(ref: UpstreamSessionRef): OpenUpstreamSession {
  return { sessionId: decryptJson<string>(ref.session), version: ref.version, logLevel: ref.logLevel, sealed: ref.session };
}

/**
 * The caller's session on a 2025-era upstream: the one it has, or a new one,
 * opened with exactly the capabilities and client identity the caller
 * declared, so capability-gated tools behave as they would talking direct.
 * Two first calls racing on two instances both initialize; the first row
 * stored wins and the loser's upstream session is closed again.
 */
export function ensureUpstreamSession({
  server,
  owner,
  identity,
  existing,
}: {
  server: UpstreamServer;
  owner: SessionOwner;
  identity: SessionIdentity;
  existing: UpstreamSessionRef | undefined;
}): Promise<OpenUpstreamSession> {
  if (existing) return Promise.resolve(openedSession(existing));
  const key = `${owner.scopeKey}|${server.id}`;
  let pending = opening.get(key);
  if (!pending) {
    pending = openUpstreamSession(server, owner, identity).finally(() => opening.delete(key));
    opening.set(key, pending);
  }
  return pending;
}

async function openUpstreamSession(server: UpstreamServer, owner: SessionOwner, identity: SessionIdentity): Promise<OpenUpstreamSession> {
  const requested = identity.protocolVersion;
  const { message, answer } = await exchangeWithUpstream({
    server,
    headers: upstreamHeaders({ protocolVersion: requested }),
    method: "initialize",
    params: {
      protocolVersion: requested,
      capabilities: identity.capabilities,
      clientInfo: identity.clientInfo ?? { name: "control-room-gateway", version: "1.0.0" },
    },
  });
  if (message.error) {
    const error = message.error as { message?: string };
    throw new UpstreamFailure("http", `Upstream "${server.slug}" refused to open a session: ${String(error.message ?? "error").slice(0, 200)}`);
  }
  const version = String((message.result as { protocolVersion?: string })?.protocolVersion ?? LATEST_LEGACY_VERSION);
  // A stateless 2025-era upstream hands out no session id; every call then goes without one.
  const sessionId = String(answer.headers["mcp-session-id"] ?? "");
  const headers = upstreamHeaders({ protocolVersion: version, sessionId });
  await notifyUpstream({ server, headers, method: "notifications/initialized" });
  if (identity.logLevel) await setUpstreamLogLevel(server, headers, identity.logLevel).catch(() => {});
  const sealed = encryptJson(sessionId);
  const { rows } = await pools().dataPlane.query<{ inserted: boolean; sessionEncrypted: string; protocolVersion: string; logLevel: string | null }>(
    `WITH ins AS (
       INSERT INTO "UpstreamSession" (id, "orgId", "serverId", "tokenId", "scopeKey", "sessionEncrypted", "protocolVersion", "logLevel")
       VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7)
       ON CONFLICT ("scopeKey", "serverId") DO NOTHING
       RETURNING "sessionEncrypted", "protocolVersion", "logLevel")
     SELECT true AS inserted, * FROM ins
     UNION ALL
     SELECT false, "sessionEncrypted", "protocolVersion", "logLevel" FROM "UpstreamSession"
      WHERE "scopeKey" = $4 AND "serverId" = $2::uuid AND NOT EXISTS (SELECT 1 FROM ins)`,
    [owner.orgId, server.id, owner.tokenId, owner.scopeKey, sealed, version, identity.logLevel],
  );
  const stored = rows[0];
  if (stored && !stored.inserted) {
    void closeUpstreamSession(server, sessionId, version);
    return openedSession({ session: stored.sessionEncrypted, version: stored.protocolVersion, logLevel: stored.logLevel });
  }
  return { sessionId, version, logLevel: identity.logLevel, sealed };
}

/** logging/setLevel on one upstream session. */
export async function setUpstreamLogLevel(server: UpstreamServer, headers: ReturnType<typeof upstreamHeaders>, level: string): Promise<void> {
  const { message } = await exchangeWithUpstream({ server, headers, method: "logging/setLevel", params: { level } });
  if (message.error) logger.debug("upstream refused logging/setLevel", { server: server.slug });
}

/** Records the level now set on the caller's upstream session. */
export async function rememberUpstreamLogLevel({ scopeKey, serverId, level }: { scopeKey: string; serverId: string; level: string | null }): Promise<void> {
  await pools().dataPlane.query(`UPDATE "UpstreamSession" SET "logLevel" = $3 WHERE "scopeKey" = $1 AND "serverId" = $2::uuid`, [scopeKey, serverId, level]);
}

/**
 * Forgets an upstream session the upstream no longer knows (it answered 404:
 * restarted, or expired the session) — only if it is still the one stored, so
 * a successor another instance just opened is kept.
 */
export async function forgetUpstreamSession({ scopeKey, serverId, sealed }: { scopeKey: string; serverId: string; sealed: string }): Promise<void> {
  await pools().dataPlane.query(`DELETE FROM "UpstreamSession" WHERE "scopeKey" = $1 AND "serverId" = $2::uuid AND "sessionEncrypted" = $3`, [scopeKey, serverId, sealed]);
}

/** Ends a session on the upstream (DELETE, as a 2025-era client does); best effort. */
export async function closeUpstreamSession(server: UpstreamServer, sessionId: string, version: string): Promise<void> {
  if (!sessionId) return;
  try {
    const answer = await sendToUpstream({
      server,
      method: "DELETE",
      headers: upstreamHeaders({ protocolVersion: version, sessionId }),
      signal: AbortSignal.timeout(Math.min(server.timeoutMs, 5000)),
    });
    answer.body.resume();
  } catch (error) {
    logger.debug("could not close an upstream session", { server: server.slug, error: (error as Error).message });
  }
}
