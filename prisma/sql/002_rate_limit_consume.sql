-- GCRA in one round trip: takes a slot for p_key if the limit allows, with
-- the row locked so concurrent callers are counted exactly. Applied after the
-- migrations on every start (lib/db/migrate.ts), so it stays idempotent.
-- Returns whether the slot was taken, how long to wait when it was not, and
-- how far ahead of now the key's theoretical arrival time now stands.
CREATE OR REPLACE FUNCTION rate_limit_consume(p_key text, p_interval_ms double precision, p_window_ms double precision)
RETURNS TABLE (allowed boolean, retry_after_ms double precision, ahead_ms double precision)
LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamp(3) := now() AT TIME ZONE 'UTC';
  v_tat timestamp(3);
  v_next timestamp(3);
  v_ahead double precision;
BEGIN
  -- Limiter state is disposable: its commit need not wait for the WAL flush
  -- (a crash forgets at most the last instants of counting), which makes a
  -- slot cost a fraction of a millisecond instead of a disk sync.
  PERFORM set_config('synchronous_commit', 'off', true);
  INSERT INTO "RateLimitState" (key, tat, "updatedAt") VALUES (p_key, v_now, now()) ON CONFLICT (key) DO NOTHING;
  SELECT s.tat INTO v_tat FROM "RateLimitState" s WHERE s.key = p_key FOR UPDATE;
  v_next := GREATEST(v_tat, v_now) + p_interval_ms * interval '1 millisecond';
  v_ahead := EXTRACT(EPOCH FROM (v_next - v_now))::double precision * 1000;
  IF v_ahead > p_window_ms THEN
    RETURN QUERY SELECT false, v_ahead - p_window_ms, EXTRACT(EPOCH FROM (GREATEST(v_tat, v_now) - v_now))::double precision * 1000;
  ELSE
    UPDATE "RateLimitState" SET tat = v_next, "updatedAt" = now() WHERE key = p_key;
    RETURN QUERY SELECT true, 0::double precision, v_ahead;
  END IF;
END;
$$;
