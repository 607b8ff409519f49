import "server-only";
import { forOrg } from "@/lib/db/for-org";
import type { DbTx } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors";
import type { AuditContext, OrgChange } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { granteeWhere, type Grantee } from "@/lib/grants/grantee";
import type { GrantEntry } from "@/lib/grants/contract";
import { assertGranteeExists } from "@/lib/grants/assert-grantee-exists";

/**
 * Sets the grantee's level on each named resource, all in one transaction
 * with one audit event holding every before and after. Resources must belong
 * to the organization (else 404 and nothing changes).
 */
export async function setGrants({
  orgId,
  grantee,
  entries,
  audit,
}: OrgChange<{ grantee: Grantee; entries: GrantEntry[] }>): Promise<{ changed: number }> {
  return forOrg(orgId).$transaction(async (tx) => {
    await assertGranteeExists(tx, orgId, grantee);
    return applyGrants(tx, { orgId, grantee, entries, audit });
  });
}

/** setGrants inside a caller's transaction (minting an org-wide token with its grants). */
export async function applyGrants(tx: DbTx, { orgId, grantee, entries, audit }: { orgId: string; grantee: Grantee; entries: GrantEntry[]; audit: AuditContext }) {
  {
    const serverIds = entries.filter((e) => e.resourceType === "MCP_SERVER").map((e) => e.resourceId);
    const toolsetIds = entries.filter((e) => e.resourceType === "TOOLSET").map((e) => e.resourceId);
    const [servers, toolsets] = await Promise.all([
      tx.mcpServer.findMany({ where: { orgId, id: { in: serverIds } }, select: { id: true, name: true } }),
      tx.toolset.findMany({ where: { orgId, id: { in: toolsetIds } }, select: { id: true, name: true } }),
    ]);
    const names = new Map([...servers, ...toolsets].map((r) => [r.id, r.name]));
    const missing = entries.find((e) => !names.has(e.resourceId));
    if (missing) throw notFound(missing.resourceType === "MCP_SERVER" ? "MCP server" : "Toolset");

    const existing = await tx.grant.findMany({
      where: { orgId, ...granteeWhere(grantee), resourceId: { in: entries.map((e) => e.resourceId) } },
      select: { id: true, resourceType: true, resourceId: true, level: true },
    });
    const current = new Map(existing.map((g) => [`${g.resourceType}:${g.resourceId}`, g]));
    const changes: { resourceType: string; resourceId: string; resource: string; before: string; after: string }[] = [];
    for (const entry of entries) {
      const held = current.get(`${entry.resourceType}:${entry.resourceId}`);
      const before = held?.level ?? "NONE";
      if (before === entry.level) continue;
      if (entry.level === "NONE") await tx.grant.delete({ where: { id: held!.id } });
      else if (held) await tx.grant.update({ where: { id: held.id }, data: { level: entry.level } });
      else await tx.grant.create({ data: { orgId, ...grantee, resourceType: entry.resourceType, resourceId: entry.resourceId, level: entry.level } });
      changes.push({ resourceType: entry.resourceType, resourceId: entry.resourceId, resource: names.get(entry.resourceId)!, before, after: entry.level });
    }
    if (changes.length) {
      await recordAuditEvent(tx, audit, {
        orgId,
        action: "grants.update",
        target: "serviceAccountId" in grantee ? { kind: "service_account", id: grantee.serviceAccountId } : { kind: "service_token", id: grantee.tokenId },
        before: changes.map((c) => ({ resourceType: c.resourceType, resourceId: c.resourceId, resource: c.resource, level: c.before })),
        after: changes.map((c) => ({ resourceType: c.resourceType, resourceId: c.resourceId, resource: c.resource, level: c.after })),
      });
    }
    return { changed: changes.length };
  }
}
