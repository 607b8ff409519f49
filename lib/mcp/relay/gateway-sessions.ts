import { createHash, randomBytes } from "node:crypto";
import { pools } from "@/lib/db/pools";
import type { JsonObject } from "@/lib/mcp/relay/protocol";

// Gateway sessions: what a 2025-era caller's initialize opens. The id handed
// out (Mcp-Session-Id) is 32 random bytes; only its SHA-256 is stored, and a
// session belongs to the token that opened it — another token presenting the
// id finds nothing. Stored in PostgreSQL, so any instance serves any session.

export const hashSessionId = (id: string) => createHash("sha256").update(id, "utf8").digest("hex");

/** Only visible ASCII (the spec's rule for session ids), and not absurdly long. */
export const isPlausibleSessionId = (id: string) => id.length <= 128 && /^[\x21-\x7e]+$/.test(id);

export async function createGatewaySession({
  orgId,
  tokenId,
  protocolVersion,
  capabilities,
  clientInfo,
}: {
  orgId: string;
  tokenId: string;
  protocolVersion: string;
  capabilities: JsonObject;
  clientInfo: JsonObject | null;
}): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await pools().dataPlane.query(
    `INSERT INTO "GatewaySession" (id, "orgId", "tokenId", "idHash", "protocolVersion", "clientCapabilities", "clientInfo")
     VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3, $4, $5::jsonb, $6::jsonb)`,
    [orgId, tokenId, hashSessionId(id), protocolVersion, JSON.stringify(capabilities), clientInfo ? JSON.stringify(clientInfo) : null],
  );
  return id;
}

export async function setGatewaySessionLogLevel({ sessionId, level }: { sessionId: string; level: string }): Promise<void> {
  await pools().dataPlane.query(`UPDATE "GatewaySession" SET "logLevel" = $2 WHERE id = $1::uuid`, [sessionId, level]);
}

/**
 * Ends a gateway session (DELETE): it answers 404 from then on, on every
 * instance. Returns the upstream sessions it held, which the caller closes on
 * their upstreams; their rows are gone with it.
 */
export async function closeGatewaySession({ sessionId }: { sessionId: string }): Promise<{ serverId: string; sessionEncrypted: string; protocolVersion: string }[]> {
  const client = await pools().dataPlane.connect();
  try {
    await client.query("BEGIN");
    await client.query(`UPDATE "GatewaySession" SET "closedAt" = now() AT TIME ZONE 'UTC' WHERE id = $1::uuid`, [sessionId]);
    const { rows } = await client.query<{ serverId: string; sessionEncrypted: string; protocolVersion: string }>(
      `DELETE FROM "UpstreamSession" WHERE "scopeKey" = $1 RETURNING "serverId"::text, "sessionEncrypted", "protocolVersion"`,
      [`gs:${sessionId}`],
    );
    await client.query("COMMIT");
    return rows;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
