import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { notFound } from "@/lib/errors";
import type { TokenPrincipal } from "@/lib/principal";
import { getEffectiveAccess } from "@/lib/grants/effective-access";
import { exposedName } from "@/lib/exposed-name";
import type { EffectiveAccessReport } from "@/lib/grants/contract";
export type { EffectiveAccessReport } from "@/lib/grants/contract";

/**
 * "Why can this bot see this tool?": everything a service account can use over
 * MCP, each with its reasons, computed by the very function the gateway uses.
 */
export async function getEffectiveAccessReport({ orgId, serviceAccountId }: { orgId: string; serviceAccountId: string }): Promise<EffectiveAccessReport> {
  const account = await forOrg(orgId).serviceAccount.findFirst({ where: { id: serviceAccountId, orgId }, select: { id: true, name: true, accessMode: true, org: { select: { slug: true } } } });
  if (!account) throw notFound("Service account");
  // The account as its tokens present it to the gateway.
  const principal: TokenPrincipal = {
    kind: "token",
    tokenId: "00000000-0000-0000-0000-000000000000",
    tokenPrefix: "",
    orgId,
    orgSlug: account.org.slug,
    serviceAccount: { id: account.id, name: account.name, accessMode: account.accessMode },
    accessMode: account.accessMode,
    policy: { allowlist: { org: 0, orgMatch: false, account: 0, accountMatch: false }, rateLimitPerMinute: null },
  };
  const access = await getEffectiveAccess({ orgId, principal, withReasons: true });
  const serverIds = [...access.servers.keys()];
  const [prompts, resources] = await Promise.all([
    forOrg(orgId).catalogPrompt.findMany({ where: { serverId: { in: serverIds } }, orderBy: { name: "asc" } }),
    forOrg(orgId).catalogResource.findMany({ where: { serverId: { in: serverIds } }, orderBy: { uri: "asc" } }),
  ]);
  return {
    accessMode: account.accessMode,
    tools: access.tools.map((t) => ({ exposedName: t.exposedName, server: t.server.name, description: t.description, reasons: t.reasons })),
    prompts: prompts.map((p) => {
      const server = access.servers.get(p.serverId)!;
      return { name: exposedName(server.slug, p.name), server: server.name, reasons: server.reasons };
    }),
    resources: resources.map((r) => {
      const server = access.servers.get(r.serverId)!;
      return { uri: r.uri, name: r.name, server: server.name, reasons: server.reasons };
    }),
  };
}
