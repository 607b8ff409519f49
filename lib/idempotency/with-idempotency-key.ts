import "server-only";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/principal";
import { parseIdempotencyKey, requestFingerprint } from "@/lib/idempotency/idempotency-key-header";

export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** A first request that has not finished after this long died with its instance: its key is free again. */
const ABANDONED_AFTER_MS = 5 * 60 * 1000;

/**
 * Runs a create at most once per `Idempotency-Key` (per organization and
 * actor, for 24 hours). Without the header it simply runs.
 *
 * - same key, same method, path and body, first one finished: the stored
 *   answer is replayed (`Idempotent-Replayed: true`) and nothing happens again;
 *   with `replay: "never"` (a token mint, whose secret is shown once) a 409 instead;
 * - same key, first one still running: 409, retry later;
 * - same key, another request: 422.
 *
 * A failed first request frees its key, so the client may retry with it.
 */
export async function withIdempotencyKey<T>(
  {
    req,
    orgId,
    actor,
    body,
    status,
    replay = "answer",
    now = () => new Date(),
  }: {
    req: Request;
    orgId: string;
    actor: Actor;
    /** The parsed body. */
    body: unknown;
    /** The status of the handler's success (the route's `status`). */
    status: number;
    replay?: "answer" | "never";
    now?: () => Date;
  },
  run: () => Promise<T>,
): Promise<T | Response> {
  const key = parseIdempotencyKey(req.headers.get("idempotency-key"));
  if (key === null) return run();
  const scope = { orgId, actor: `${actor.kind}:${actor.id ?? "-"}`, key };
  const fingerprint = requestFingerprint({ method: req.method, path: new URL(req.url).pathname, body });
  const started = now();
  await db().idempotencyKey.deleteMany({
    where: { ...scope, OR: [{ expiresAt: { lte: started } }, { status: null, createdAt: { lte: new Date(started.getTime() - ABANDONED_AFTER_MS) } }] },
  });
  const claimed = await db().idempotencyKey.createMany({
    data: [{ ...scope, fingerprint, expiresAt: new Date(started.getTime() + IDEMPOTENCY_KEY_LIFETIME_MS) }],
    skipDuplicates: true,
  });
  if (claimed.count === 0) return answerRepeat({ scope, fingerprint, replay });

  let result: T;
  try {
    result = await run();
  } catch (error) {
    await db().idempotencyKey.deleteMany({ where: { ...scope, status: null } });
    throw error;
  }
  // Stored as the client received it (dates as strings); a token's secret never.
  const response = replay === "answer" && result !== undefined ? (JSON.parse(JSON.stringify(result)) as object) : undefined;
  await db().idempotencyKey.updateMany({ where: scope, data: { status, ...(response ? { response } : {}) } });
  return result;
}

async function answerRepeat({
  scope,
  fingerprint,
  replay,
}: {
  scope: { orgId: string; actor: string; key: string };
  fingerprint: string;
  replay: "answer" | "never";
}): Promise<Response> {
  const first = await db().idempotencyKey.findUnique({ where: { orgId_actor_key: scope } });
  if (!first || first.status === null) {
    throw new AppError("conflict", "A request with this Idempotency-Key is still being processed; retry in a moment");
  }
  if (first.fingerprint !== fingerprint) {
    throw new AppError("unprocessable", "This Idempotency-Key was already used for a different request; send a new key");
  }
  if (replay === "never") {
    throw new AppError(
      "conflict",
      "This Idempotency-Key already created a token. Its secret was shown once and is never shown again; find the token in the list, or revoke it and create another",
    );
  }
  return Response.json(first.response ?? null, { status: first.status, headers: { "Idempotent-Replayed": "true" } });
}
