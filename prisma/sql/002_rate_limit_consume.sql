-- GCRA in one round trip, counted exactly under concurrency (the upsert locks
-- the key's row). Applied after the migrations on every start
-- (lib/db/migrate.ts), so it stays idempotent.
--
-- rate_limit_take takes up to p_want slots for p_key at once: all p_want if
-- the limit has room for them, else one if it has room for that (a lease for
-- the MCP relay's high-limit tokens, lib/rate-limit/token-slot-leases.ts,
-- which states what that costs in exactness). Returns whether slots
-- were taken and how many, how long to wait when none was, and how far ahead
-- of now the key's theoretical arrival time now stands. A take is one
-- statement (the upsert); a lease the limit has no room for tries one slot
-- next; a refusal reads the row too.
CREATE OR REPLACE FUNCTION rate_limit_take(p_key text, p_interval_ms double precision, p_window_ms double precision, p_want integer)
RETURNS TABLE (allowed boolean, retry_after_ms double precision, ahead_ms double precision, taken integer)
LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamp(3) := now() AT TIME ZONE 'UTC';
  v_step interval := p_interval_ms * interval '1 millisecond';
  v_count integer;
  v_tat timestamp(3);
BEGIN
  -- Limiter state is disposable: its commit need not wait for the WAL flush
  -- (a crash forgets at most the last instants of counting), which makes a
  -- slot cost a fraction of a millisecond instead of a disk sync.
  PERFORM set_config('synchronous_commit', 'off', true);
  FOREACH v_count IN ARRAY CASE WHEN p_want > 1 THEN ARRAY[p_want, 1] ELSE ARRAY[1] END LOOP
    INSERT INTO "RateLimitState" AS s (key, tat, "updatedAt") VALUES (p_key, v_now + v_step * v_count, now())
    ON CONFLICT (key) DO UPDATE SET tat = GREATEST(s.tat, v_now) + v_step * v_count, "updatedAt" = now()
      WHERE EXTRACT(EPOCH FROM (GREATEST(s.tat, v_now) + v_step * v_count - v_now)) * 1000 <= p_window_ms
    RETURNING s.tat INTO v_tat;
    IF FOUND THEN
      RETURN QUERY SELECT true, 0::double precision, EXTRACT(EPOCH FROM (v_tat - v_now))::double precision * 1000, v_count;
      RETURN;
    END IF;
  END LOOP;
  SELECT s.tat INTO v_tat FROM "RateLimitState" s WHERE s.key = p_key;
  RETURN QUERY SELECT false,
    EXTRACT(EPOCH FROM (GREATEST(v_tat, v_now) + v_step - v_now))::double precision * 1000 - p_window_ms,
    EXTRACT(EPOCH FROM (GREATEST(v_tat, v_now) - v_now))::double precision * 1000,
    0;
END;
$$;

-- One slot (or one slot of p_interval_ms, for work that counts as several).
CREATE OR REPLACE FUNCTION rate_limit_consume(p_key text, p_interval_ms double precision, p_window_ms double precision)
RETURNS TABLE (allowed boolean, retry_after_ms double precision, ahead_ms double precision)
LANGUAGE sql AS $$
  SELECT t.allowed, t.retry_after_ms, t.ahead_ms FROM rate_limit_take(p_key, p_interval_ms, p_window_ms, 1) t;
$$;
