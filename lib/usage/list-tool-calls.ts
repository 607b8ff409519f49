import "server-only";
import { z } from "zod";
import { forOrg } from "@/lib/db/for-org";
import { serviceAccountIdFilter } from "@/lib/ids";
import { afterCursor, cursorOrder, pageQuerySchema, toPage, type Page } from "@/lib/pagination";
import { assertServiceAccountExists } from "@/lib/service-accounts/assert-service-account-exists";
import type { ToolCallView } from "@/lib/usage/contract";
export type { ToolCallView } from "@/lib/usage/contract";

export const listToolCallsQuerySchema = pageQuerySchema.extend({
  tool: z.string().trim().max(128).optional(),
  outcome: z.enum(["OK", "ERROR", "DENIED", "TIMEOUT", "CANCELLED", "INPUT_REQUIRED"]).optional(),
});

/** The org-wide list also filters by caller. */
export const listOrgToolCallsQuerySchema = listToolCallsQuerySchema.extend({
  serviceAccountId: serviceAccountIdFilter.optional(),
});

/** Recent tools/call records of the organization, or of one service account, newest first. */
export async function listToolCalls({
  orgId,
  serviceAccountId,
  limit,
  cursor,
  tool,
  outcome,
}: { orgId: string; serviceAccountId?: string } & z.infer<typeof listToolCallsQuerySchema>): Promise<Page<ToolCallView>> {
  if (serviceAccountId) await assertServiceAccountExists({ orgId, serviceAccountId });
  const rows = await forOrg(orgId).toolCall.findMany({
    where: {
      orgId,
      ...(serviceAccountId ? { serviceAccountId } : {}),
      ...(tool ? { exposedName: { contains: tool, mode: "insensitive" } } : {}),
      ...(outcome ? { outcome } : {}),
      ...afterCursor(cursor, "desc"),
    },
    orderBy: cursorOrder("desc"),
    take: limit + 1,
  });
  const page = toPage(rows, limit);
  const tokenIds = [...new Set(page.items.map((r) => r.tokenId).filter((id): id is string => Boolean(id)))];
  const accountIds = [...new Set(page.items.map((r) => r.serviceAccountId).filter((id): id is string => Boolean(id)))];
  const [tokens, accounts] = await Promise.all([
    forOrg(orgId).serviceToken.findMany({ where: { orgId, id: { in: tokenIds } }, select: { id: true, prefix: true, name: true } }),
    forOrg(orgId).serviceAccount.findMany({ where: { orgId, id: { in: accountIds } }, select: { id: true, name: true } }),
  ]);
  const prefixes = new Map(tokens.map((t) => [t.id, t.prefix]));
  const tokenNames = new Map(tokens.map((t) => [t.id, t.name || null]));
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  return {
    items: page.items.map((r) => ({
      id: r.id,
      exposedName: r.exposedName,
      outcome: r.outcome,
      durationMs: r.durationMs,
      tokenPrefix: r.tokenId ? (prefixes.get(r.tokenId) ?? null) : null,
      tokenName: r.tokenId ? (tokenNames.get(r.tokenId) ?? null) : null,
      serviceAccount: r.serviceAccountId ? { id: r.serviceAccountId, name: names.get(r.serviceAccountId) ?? null } : null,
      argumentBytes: r.argumentBytes,
      resultBytes: r.resultBytes,
      errorMessage: r.errorMessage,
      requestId: r.requestId,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
