import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors";
import { afterCursor, cursorOrder, pageQuerySchema, toPage, type Page } from "@/lib/http/pagination";

export const listToolCallsQuerySchema = pageQuerySchema.extend({
  tool: z.string().trim().max(128).optional(),
  outcome: z.enum(["OK", "ERROR", "DENIED", "TIMEOUT"]).optional(),
});

export type ToolCallView = {
  id: string;
  exposedName: string;
  outcome: "OK" | "ERROR" | "DENIED" | "TIMEOUT";
  durationMs: number;
  tokenPrefix: string | null;
  argumentBytes: number;
  resultBytes: number;
  errorMessage: string | null;
  requestId: string | null;
  createdAt: string;
};

/** A service account's recent tools/call records, newest first. */
export async function listToolCalls({
  orgId,
  serviceAccountId,
  limit,
  cursor,
  tool,
  outcome,
}: { orgId: string; serviceAccountId: string } & z.infer<typeof listToolCallsQuerySchema>): Promise<Page<ToolCallView>> {
  const account = await db().serviceAccount.findFirst({ where: { id: serviceAccountId, orgId }, select: { id: true } });
  if (!account) throw notFound("Service account");
  const rows = await db().toolCall.findMany({
    where: {
      orgId,
      serviceAccountId,
      ...(tool ? { exposedName: { contains: tool, mode: "insensitive" } } : {}),
      ...(outcome ? { outcome } : {}),
      ...afterCursor(cursor, "desc"),
    },
    orderBy: cursorOrder("desc"),
    take: limit + 1,
  });
  const page = toPage(rows, limit);
  const tokenIds = [...new Set(page.items.map((r) => r.tokenId).filter((id): id is string => Boolean(id)))];
  const prefixes = new Map(
    (await db().serviceToken.findMany({ where: { orgId, id: { in: tokenIds } }, select: { id: true, prefix: true } })).map((t) => [t.id, t.prefix]),
  );
  return {
    items: page.items.map((r) => ({
      id: r.id,
      exposedName: r.exposedName,
      outcome: r.outcome,
      durationMs: r.durationMs,
      tokenPrefix: r.tokenId ? (prefixes.get(r.tokenId) ?? null) : null,
      argumentBytes: r.argumentBytes,
      resultBytes: r.resultBytes,
      errorMessage: r.errorMessage,
      requestId: r.requestId,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
