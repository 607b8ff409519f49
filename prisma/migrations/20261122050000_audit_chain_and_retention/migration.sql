-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "auditRetentionDays" INTEGER NOT NULL DEFAULT 365,
ADD COLUMN     "usageRetentionDays" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "prevHash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "seq" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "serviceAccountId" UUID;

-- CreateTable
CREATE TABLE "AuditChain" (
    "orgId" UUID NOT NULL,
    "headSeq" BIGINT NOT NULL DEFAULT 0,
    "headHash" TEXT NOT NULL DEFAULT '',
    "anchorSeq" BIGINT NOT NULL DEFAULT 0,
    "anchorHash" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "AuditChain_pkey" PRIMARY KEY ("orgId")
);

-- The content hash of one audit event: SHA-256 over the previous row's hash
-- and the row's fields as a jsonb array (jsonb's text form is canonical, so
-- the same row always hashes the same). Part of the stored format: changing
-- it breaks the verification of every existing chain.
CREATE OR REPLACE FUNCTION audit_event_hash(e "AuditEvent") RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(e."prevHash" || jsonb_build_array(
    e.id, e."orgId", e.seq, e."actorKind", e."actorId", e."actorLabel", e.action,
    e."targetKind", e."targetId", e."serviceAccountId", e.before, e.after,
    e.ip, e."userAgent", e."requestId", to_char(e."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS')
  )::text, 'UTF8')), 'hex')
$$;

-- Chain the events recorded before this migration, per organization in the
-- order they were written, exactly as the insert trigger (prisma/sql) would have.
ALTER TABLE "AuditEvent" DISABLE TRIGGER USER;
-- First the service account each older event concerns, as recordAuditEvent
-- now sets it (it is hashed with the rest, so it cannot be filled in later).
UPDATE "AuditEvent" e SET "serviceAccountId" = s.id
FROM (
  SELECT ev.id AS event_id, CASE
    WHEN ev."targetKind" = 'service_account' AND ev."targetId" ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN ev."targetId"::uuid
    WHEN ev."actorKind" = 'SERVICE_ACCOUNT' AND ev."actorId" ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN ev."actorId"::uuid
    WHEN ev."targetKind" = 'service_token' THEN (SELECT t."serviceAccountId" FROM "ServiceToken" t WHERE t.id::text = ev."targetId")
    WHEN ev.action IN ('toolset.assign', 'toolset.unassign') AND COALESCE(ev.after, ev.before) ->> 'kind' = 'service_account'
      AND COALESCE(ev.after, ev.before) ->> 'targetId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      THEN (COALESCE(ev.after, ev.before) ->> 'targetId')::uuid
  END AS id
  FROM "AuditEvent" ev
) s
WHERE s.event_id = e.id AND s.id IS NOT NULL;
DO $$
DECLARE
  r record;
  v_org uuid := NULL;
  v_seq bigint := 0;
  v_prev text := '';
BEGIN
  FOR r IN SELECT id, "orgId" FROM "AuditEvent" ORDER BY "orgId", "createdAt", id LOOP
    IF v_org IS DISTINCT FROM r."orgId" THEN
      IF v_org IS NOT NULL THEN
        INSERT INTO "AuditChain" ("orgId", "headSeq", "headHash") VALUES (v_org, v_seq, v_prev);
      END IF;
      v_org := r."orgId";
      v_seq := 0;
      v_prev := '';
    END IF;
    v_seq := v_seq + 1;
    UPDATE "AuditEvent" SET seq = v_seq, "prevHash" = v_prev WHERE id = r.id;
    UPDATE "AuditEvent" e SET hash = audit_event_hash(e) WHERE e.id = r.id RETURNING e.hash INTO v_prev;
  END LOOP;
  IF v_org IS NOT NULL THEN
    INSERT INTO "AuditChain" ("orgId", "headSeq", "headHash") VALUES (v_org, v_seq, v_prev);
  END IF;
END;
$$;
ALTER TABLE "AuditEvent" ENABLE TRIGGER USER;
-- prisma/sql/001_audit_events.sql owns the function from here on (the same body).
DROP FUNCTION audit_event_hash("AuditEvent");

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_serviceAccountId_seq_idx" ON "AuditEvent"("orgId", "serviceAccountId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_targetKind_targetId_idx" ON "AuditEvent"("orgId", "targetKind", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_orgId_seq_key" ON "AuditEvent"("orgId", "seq");

-- AddForeignKey
ALTER TABLE "AuditChain" ADD CONSTRAINT "AuditChain_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

