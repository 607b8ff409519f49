-- Audit events are append-only and hash-chained per organization. Applied
-- after the migrations on every start (lib/db/migrate.ts), so this file must
-- stay idempotent.

-- The content hash of one audit event: SHA-256 over the previous row's hash
-- and the row's fields as a jsonb array (jsonb's text form is canonical, so
-- the same row always hashes the same). Part of the stored format: changing
-- it breaks the verification of every existing chain.
CREATE OR REPLACE FUNCTION audit_event_hash(e "AuditEvent") RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(e."prevHash" || (jsonb_build_array(
    e.id, e."orgId", e.seq, e."actorKind", e."actorId", e."actorLabel", e.action,
    e."targetKind", e."targetId", e."serviceAccountId", e.before, e.after,
    e.ip, e."userAgent", e."requestId", to_char(e."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS')
  ) || CASE
    -- The acting token (added later): part of the hash only when set, so every
    -- event written before it still verifies, and clearing it breaks the chain.
    WHEN e."actorTokenId" IS NULL AND e."actorTokenPrefix" IS NULL THEN '[]'::jsonb
    ELSE jsonb_build_array(e."actorTokenId", e."actorTokenPrefix")
  END)::text, 'UTF8')), 'hex')
$$;

-- Numbers and chains each new event. The chain row is locked until the
-- inserting transaction ends, so one organization's events are chained one
-- at a time and a rolled-back change leaves no gap. The event before a new
-- one is the chain's recorded head, or a row this same statement inserted
-- after it (the head is moved once per statement, below: moving it per row
-- would pile up row versions and make a bulk insert quadratic). Reading the
-- head, not the newest row, means a deleted tail stays a detectable gap.
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_seq bigint;
  v_hash text;
  v_last record;
BEGIN
  SELECT "headSeq", "headHash" INTO v_seq, v_hash FROM "AuditChain" WHERE "orgId" = NEW."orgId" FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO "AuditChain" ("orgId") VALUES (NEW."orgId") ON CONFLICT ("orgId") DO NOTHING;
    SELECT "headSeq", "headHash" INTO v_seq, v_hash FROM "AuditChain" WHERE "orgId" = NEW."orgId" FOR UPDATE;
  END IF;
  SELECT e.seq, e.hash INTO v_last FROM "AuditEvent" e WHERE e."orgId" = NEW."orgId" AND e.seq > v_seq ORDER BY e.seq DESC LIMIT 1;
  IF FOUND THEN
    v_seq := v_last.seq;
    v_hash := v_last.hash;
  END IF;
  NEW.seq := v_seq + 1;
  NEW."prevHash" := v_hash;
  NEW.hash := audit_event_hash(NEW);
  RETURN NEW;
END;
$$;

CREATE OR REPLACE TRIGGER audit_event_chain
  BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

-- Moves each organization's head to the last event the statement inserted.
CREATE OR REPLACE FUNCTION audit_event_advance_head() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "AuditChain" c SET "headSeq" = n.seq, "headHash" = n.hash
  FROM (SELECT DISTINCT ON ("orgId") "orgId", seq, hash FROM inserted ORDER BY "orgId", seq DESC) n
  WHERE c."orgId" = n."orgId";
  RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER audit_event_advance_head
  AFTER INSERT ON "AuditEvent"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_advance_head();

-- The retention the database enforces: the organization's setting, but never
-- under 30 days, whatever was written into the column (the API refuses less).
CREATE OR REPLACE FUNCTION audit_retention_days(p_days integer) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT GREATEST(COALESCE(p_days, 365), 30) $$;

-- UPDATE is never allowed. DELETE only from audit_events_prune(), and only
-- of rows past the organization's retention: a session that sets the prune
-- flag by hand still cannot delete a recent event.
CREATE OR REPLACE FUNCTION audit_event_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('control_room.audit_prune', true) = 'on' AND OLD."createdAt" < (
    SELECT now() AT TIME ZONE 'UTC' - make_interval(days => audit_retention_days(o."auditRetentionDays")) FROM "Organization" o WHERE o.id = OLD."orgId"
  ) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit events are append-only: % is not allowed on "AuditEvent"', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE OR REPLACE TRIGGER audit_event_append_only
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();

CREATE OR REPLACE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();

-- The retention job's deletion: removes up to p_limit of the organization's
-- oldest events that are past its retention, always a prefix of the chain,
-- moves the chain's anchor to the last removed row so verification still
-- starts from a known hash, and records an audit_log.prune event, all in the
-- caller's transaction. Returns how many rows went.
CREATE OR REPLACE FUNCTION audit_events_prune(p_org uuid, p_limit integer) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_days integer;
  v_cutoff timestamp(3);
  v_anchor bigint;
  v_last bigint;
  v_hash text;
  v_count bigint;
BEGIN
  SELECT audit_retention_days(o."auditRetentionDays") INTO v_days FROM "Organization" o WHERE o.id = p_org;
  SELECT c."anchorSeq" INTO v_anchor FROM "AuditChain" c WHERE c."orgId" = p_org FOR UPDATE;
  IF v_days IS NULL OR v_anchor IS NULL THEN
    RETURN 0;
  END IF;
  v_cutoff := now() AT TIME ZONE 'UTC' - make_interval(days => v_days);
  -- Everything before the first event still inside retention (walking the
  -- (orgId, seq) index from the anchor, stopping at that event).
  SELECT e.seq - 1 INTO v_last FROM "AuditEvent" e
    WHERE e."orgId" = p_org AND e.seq > v_anchor AND e."createdAt" >= v_cutoff ORDER BY e.seq LIMIT 1;
  IF NOT FOUND THEN
    SELECT c."headSeq" INTO v_last FROM "AuditChain" c WHERE c."orgId" = p_org;
  END IF;
  v_last := LEAST(v_last, v_anchor + p_limit);
  IF v_last <= v_anchor THEN
    RETURN 0;
  END IF;
  SELECT e.hash INTO v_hash FROM "AuditEvent" e WHERE e."orgId" = p_org AND e.seq = v_last;
  IF v_hash IS NULL THEN
    RAISE EXCEPTION 'audit chain of organization % has no event #%: verify the chain; retention will not prune across a gap', p_org, v_last
      USING ERRCODE = 'data_corrupted';
  END IF;
  PERFORM set_config('control_room.audit_prune', 'on', true);
  DELETE FROM "AuditEvent" e WHERE e."orgId" = p_org AND e.seq <= v_last;
  GET DIAGNOSTICS v_count = ROW_COUNT;
  PERFORM set_config('control_room.audit_prune', 'off', true);
  UPDATE "AuditChain" SET "anchorSeq" = v_last, "anchorHash" = v_hash WHERE "orgId" = p_org;
  INSERT INTO "AuditEvent" (id, "orgId", "actorKind", "actorLabel", action, after)
  VALUES (gen_random_uuid(), p_org, 'SYSTEM', 'system', 'audit_log.prune',
          jsonb_build_object('removed', v_count, 'throughSeq', v_last, 'retentionDays', v_days));
  RETURN v_count;
END;
$$;
