import type { TokenPrincipal } from "@/lib/principal";
import { pools, prepared } from "@/lib/db/pools";
import { exposedName } from "@/lib/exposed-name";

// The lists a caller gets (tools, prompts, resources, resource templates),
// from the catalog, never by asking the upstreams: one prepared statement per
// list on the data plane's pool, with the access rules of
// lib/grants/effective-access.ts (for tools: a toolset assigned to the caller's
// account, Write on the tool's server, or Full Access; for prompts and
// resources: Read or Write on the server, or Full Access), on enabled servers
// of the caller's organization. Tools and resources come back as JSON text
// built by PostgreSQL and are spliced into the answer as they are.
//
// Parameters: $1 organization, $2 the caller's service account (null for an
// org-wide token), $3 the token, $4 whether it has Full Access; for tools, $5
// the client capabilities the caller declared (a tool an upstream lists only
// to clients with sampling, say, is listed only to callers that declared it).

const GRANTEE = `(CASE WHEN $2::uuid IS NOT NULL THEN g."serviceAccountId" = $2::uuid ELSE g."tokenId" = $3::uuid END)`;
// The caller's grants and toolsets are read once per list as sets the catalog's
// rows are probed against (hashed subplans), not once per row: a restricted
// caller of a 1,000-tool catalog costs two small scans, not 2,000 index probes.
const READABLE_SERVER = `s."orgId" = $1::uuid AND s.enabled AND ($4::boolean OR s.id IN (
  SELECT g."resourceId" FROM "Grant" g WHERE g."orgId" = $1::uuid AND g."resourceType" = 'MCP_SERVER' AND ${GRANTEE}))`;

const TOOLS = {
  name: "cr_list_tools_v2",
  text: `SELECT COALESCE(json_agg(x.tool ORDER BY x.name), '[]'::json)::text AS list FROM (
    SELECT ct."exposedName" AS name,
      COALESCE(ct.definition, jsonb_strip_nulls(jsonb_build_object('title', ct.title, 'description', ct.description,
        'inputSchema', ct."inputSchema", 'outputSchema', ct."outputSchema", 'annotations', ct.annotations)))
        || jsonb_build_object('name', ct."exposedName") AS tool
    FROM "CatalogTool" ct
    JOIN "McpServer" s ON s.id = ct."serverId" AND s."orgId" = ct."orgId" AND s.enabled
    WHERE ct."orgId" = $1::uuid AND COALESCE(ct."requiredCapabilities", ARRAY[]::text[]) <@ $5::text[] AND ($4::boolean
      OR ct.id IN (
        SELECT tt."toolId" FROM "ToolsetAssignment" ta
        JOIN "ToolsetTool" tt ON tt."toolsetId" = ta."toolsetId" AND tt."orgId" = $1::uuid
        WHERE ta."orgId" = $1::uuid AND ta."serviceAccountId" = $2::uuid)
      OR ct."serverId" IN (
        SELECT g."resourceId" FROM "Grant" g WHERE g."orgId" = $1::uuid AND g."resourceType" = 'MCP_SERVER'
          AND g.level = 'WRITE' AND ${GRANTEE}))
  ) x`,
};

const RESOURCES = {
  name: "cr_list_resources_v2",
  text: `SELECT COALESCE(json_agg(COALESCE(r.definition, jsonb_strip_nulls(jsonb_build_object('uri', r.uri, 'name', r.name, 'title', r.title,
      'description', r.description, 'mimeType', r."mimeType"))) ORDER BY r.uri), '[]'::json)::text AS list
    FROM "CatalogResource" r JOIN "McpServer" s ON s.id = r."serverId" WHERE ${READABLE_SERVER}`,
};

const TEMPLATES = {
  name: "cr_list_templates_v2",
  text: `SELECT COALESCE(json_agg(COALESCE(r.definition, jsonb_strip_nulls(jsonb_build_object('uriTemplate', r."uriTemplate", 'name', r.name, 'title', r.title,
      'description', r.description, 'mimeType', r."mimeType"))) ORDER BY r."uriTemplate"), '[]'::json)::text AS list
    FROM "CatalogResourceTemplate" r JOIN "McpServer" s ON s.id = r."serverId" WHERE ${READABLE_SERVER}`,
};

const PROMPTS = {
  name: "cr_list_prompts_v2",
  text: `SELECT s.slug, p.name, p.title, p.description, p.arguments, p.definition
    FROM "CatalogPrompt" p JOIN "McpServer" s ON s.id = p."serverId" WHERE ${READABLE_SERVER}`,
};

export type ListMethod = "tools/list" | "prompts/list" | "resources/list" | "resources/templates/list";

const KEYS: Record<ListMethod, string> = { "tools/list": "tools", "prompts/list": "prompts", "resources/list": "resources", "resources/templates/list": "resourceTemplates" };

function parameters(principal: TokenPrincipal) {
  return [principal.orgId, principal.serviceAccount?.id ?? null, principal.tokenId, principal.accessMode === "FULL_ACCESS"];
}

/** The list as JSON text under its result key, e.g. `"tools":[…]`: ready to splice into a result object. */
export async function listCatalog(method: ListMethod, principal: TokenPrincipal, capabilities: object): Promise<string> {
  const pool = pools().dataPlane;
  const values = parameters(principal);
  if (method === "prompts/list") {
    const { rows } = await pool.query<{ slug: string; name: string; title: string | null; description: string; arguments: unknown; definition: Record<string, unknown> | null }>({ ...prepared(PROMPTS), values });
    const prompts = rows
      .map((p) => ({
        ...(p.definition ?? { ...(p.title ? { title: p.title } : {}), description: p.description, ...(p.arguments ? { arguments: p.arguments } : {}) }),
        name: exposedName(p.slug, p.name),
      }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return `"prompts":${JSON.stringify(prompts)}`;
  }
  const statement = method === "tools/list" ? TOOLS : method === "resources/list" ? RESOURCES : TEMPLATES;
  const declared = Object.keys(capabilities ?? {});
  const { rows } = await pool.query<{ list: string }>({ ...prepared(statement), values: method === "tools/list" ? [...values, declared] : values });
  return `"${KEYS[method]}":${rows[0].list}`;
}
