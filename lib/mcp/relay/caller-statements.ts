// The SQL of the MCP endpoint's one round trip per request, as named prepared
// statements (planned once per connection, then only bound and executed),
// each answering one row of one json column: the caller.
// Every variant reads, by the token's hash: the token, its organization and
// account, both allowlist layers matched against the client address, the
// rate-limit slot (taken here when the limiter is PostgreSQL: for a high-limit
// token, several at once, which this instance then spends on its next calls,
// lib/rate-limit/token-slot-leases.ts), the per-address throttle for unusable
// tokens, the caller's gateway session and its upstream sessions. The `tool`
// variant adds the called tool's access and its upstream, the `servers`
// variant the servers whose prompts and resources it may use.
// Nothing is cached: a revocation, a disabled account, an allowlist, grant or
// assignment change is seen by the very next request on every instance.
//
// Parameters: $1 token hash, $2 per-address throttle key, $3 client IP,
// $4 how many rate-limit slots to take (0: none, this instance holds leased
// ones; 1; or more: a lease, capped by the token's limit), $5 gateway session
// id hash, $6 capabilities digest (the upstream-session scope of callers
// without a gateway session), $7 exposed tool name (tool variant).

import { LEASE_SIZE_SQL } from "@/lib/rate-limit/token-slot-leases";

export type StatementVariant = "auth" | "tool" | "servers";

const LIMIT = `COALESCE(t."rateLimitPerMinute", o."defaultRateLimitPerMinute")`;
const FULL_ACCESS = `(CASE WHEN t."orgWide" THEN t."accessMode" ELSE a."accessMode" END) = 'FULL_ACCESS'`;
// Grants belong to the account for its tokens, to the token itself for org-wide tokens.
const GRANTEE = `(CASE WHEN a.id IS NOT NULL THEN g."serviceAccountId" = a.id ELSE g."tokenId" = t.id END)`;
const SCOPE = `(CASE WHEN gs.id IS NOT NULL THEN 'gs:' || gs.id::text ELSE 'tk:' || t.id::text || ':' || $6::text END)`;

const SERVER_JSON = (s: string) => `json_build_object('id', ${s}.id::text, 'slug', ${s}.slug, 'url', ${s}.url, 'builtin', ${s}.builtin,
  'headersEncrypted', ${s}."headersEncrypted", 'timeoutMs', ${s}."timeoutMs", 'protocolVersion', ${s}."protocolVersion",
  'supportedVersions', COALESCE(${s}."supportedVersions", ARRAY[]::text[]))`;

const BASE_COLUMNS = `
  (SELECT EXTRACT(EPOCH FROM (r.tat - (now() AT TIME ZONE 'UTC')))::float8 * 1000 FROM "RateLimitState" r WHERE r.key = $2::text) AS "ipAheadMs",
  t.id::text, t."orgId"::text AS "orgId", o.slug AS "orgSlug", t.prefix, t."orgWide",
  (EXTRACT(EPOCH FROM t."expiresAt") * 1000)::float8 AS "expiresAtMs", (t."revokedAt" IS NOT NULL) AS revoked,
  a.id::text AS "accountId", a.name AS "accountName", a.status::text AS "accountStatus", a."accessMode"::text AS "accessMode",
  t."accessMode"::text AS "tokenAccessMode",
  ${LIMIT} AS "rateLimitPerMinute",
  -- cidr >>= inet is false across address families: 0.0.0.0/0 is IPv4 only and ::/0 IPv6 only.
  (SELECT json_build_object(
      'org', count(*) FILTER (WHERE n."serviceAccountId" IS NULL),
      'orgMatch', COALESCE(bool_or(n."serviceAccountId" IS NULL AND n.cidr::cidr >>= $3::inet), false),
      'account', count(*) FILTER (WHERE n."serviceAccountId" IS NOT NULL),
      'accountMatch', COALESCE(bool_or(n."serviceAccountId" IS NOT NULL AND n.cidr::cidr >>= $3::inet), false))
     FROM "NetworkRule" n WHERE n."orgId" = t."orgId" AND (n."serviceAccountId" IS NULL OR n."serviceAccountId" = t."serviceAccountId")) AS allowlist,
  CASE WHEN $4::int > 0 AND ${LIMIT} IS NOT NULL THEN
    (SELECT row_to_json(c) FROM rate_limit_take('token:' || t.id::text, 60000.0 / ${LIMIT}, 60000, LEAST($4::int, ${LEASE_SIZE_SQL(LIMIT)})) c)
  END AS slot,
  ($5::text IS NOT NULL) AS "sessionRequested",
  gs.id::text AS "sessionId", gs."protocolVersion" AS "sessionVersion", gs."clientCapabilities" AS "sessionCapabilities",
  gs."clientInfo" AS "sessionClientInfo", gs."logLevel" AS "sessionLogLevel",
  ${SCOPE} AS "scopeKey"`;

const BASE_FROM = `
FROM (SELECT 1) one
LEFT JOIN "ServiceToken" t ON t."tokenHash" = $1::text
LEFT JOIN "Organization" o ON o.id = t."orgId"
LEFT JOIN "ServiceAccount" a ON a.id = t."serviceAccountId"
LEFT JOIN "GatewaySession" gs ON gs."idHash" = $5::text AND gs."tokenId" = t.id AND gs."orgId" = t."orgId" AND gs."closedAt" IS NULL
  AND gs."createdAt" > (now() AT TIME ZONE 'UTC') - interval '24 hours'`;

const SESSIONS_OF_SCOPE = (serverFilter: string) => `
  (SELECT json_object_agg(us."serverId"::text, json_build_object('session', us."sessionEncrypted", 'version', us."protocolVersion", 'logLevel', us."logLevel"))
     FROM "UpstreamSession" us WHERE us."scopeKey" = ${SCOPE} AND us."orgId" = t."orgId" ${serverFilter}) AS "upstreamSessions"`;

// tools/call: the named tool on an enabled server, and whether this caller may
// call it — the rules of lib/grants/effective-access.ts, for one tool: a toolset
// assigned to its account, Write on its server, or Full Access.
const TOOL = `
LEFT JOIN LATERAL (
  SELECT ct.name AS "toolName", ${SERVER_JSON("s")} AS server, s.id AS "serverId",
    (${FULL_ACCESS}
      OR (a.id IS NOT NULL AND EXISTS (
        SELECT 1 FROM "ToolsetTool" tt
        JOIN "ToolsetAssignment" ta ON ta."toolsetId" = tt."toolsetId" AND ta."orgId" = t."orgId" AND ta."serviceAccountId" = a.id
        WHERE tt."toolId" = ct.id))
      OR EXISTS (
        SELECT 1 FROM "Grant" g WHERE g."orgId" = t."orgId" AND g."resourceType" = 'MCP_SERVER' AND g."resourceId" = s.id
          AND g.level = 'WRITE' AND ${GRANTEE})) AS allowed
  FROM "CatalogTool" ct
  -- The server as a probe of the tool's row (LIMIT keeps it one): as a plain join, the planner hashes
  -- a small org's whole server table for the one row it needs, ~0.2 ms per call once it has statistics.
  CROSS JOIN LATERAL (SELECT * FROM "McpServer" s WHERE s.id = ct."serverId" AND s."orgId" = ct."orgId" AND s.enabled LIMIT 1) s
  WHERE ct."orgId" = t."orgId" AND ct."exposedName" = $7::text
) tool ON true`;

// prompts/get, resources/read, completion: servers it holds Read or Write on, or all with Full Access.
const SERVERS = `,
  (SELECT COALESCE(json_agg(${SERVER_JSON("s")}), '[]'::json)
     FROM "McpServer" s
    WHERE s."orgId" = t."orgId" AND s.enabled
      AND (${FULL_ACCESS} OR EXISTS (
        SELECT 1 FROM "Grant" g WHERE g."orgId" = t."orgId" AND g."resourceType" = 'MCP_SERVER' AND g."resourceId" = s.id AND ${GRANTEE}))
  ) AS servers`;

// The row comes back as one json column: pg reads the statement's row description on every
// execution, and one field (JSON.parse) costs less than thirty fields, each with its parser.
const asOneColumn = (select: string) => `SELECT row_to_json(caller) AS caller FROM (${select}) caller`;

export const STATEMENTS: Record<StatementVariant, { name: string; text: string }> = {
  auth: {
    name: "cr_relay_auth_v4",
    text: asOneColumn(`SELECT ${BASE_COLUMNS}, ${SESSIONS_OF_SCOPE("")} ${BASE_FROM}`),
  },
  tool: {
    name: "cr_relay_tool_v4",
    text: asOneColumn(`SELECT ${BASE_COLUMNS}, tool."toolName", tool.server, COALESCE(tool.allowed, false) AS allowed,
      ${SESSIONS_OF_SCOPE(`AND us."serverId" = tool."serverId"`)} ${BASE_FROM} ${TOOL}`),
  },
  servers: {
    name: "cr_relay_servers_v4",
    text: asOneColumn(`SELECT ${BASE_COLUMNS} ${SERVERS}, ${SESSIONS_OF_SCOPE("")} ${BASE_FROM}`),
  },
};
