-- GCRA in one round trip: takes a slot for p_key if the limit allows, counted
-- exactly under concurrency (the upsert locks the key's row). Applied after
-- the migrations on every start (lib/db/migrate.ts), so it stays idempotent.
-- Returns whether the slot was taken, how long to wait when it was not, and
-- how far ahead of now the key's theoretical arrival time now stands.
-- A taken slot is one statement (the upsert); a refused one reads the row too.
CREATE OR REPLACE FUNCTION rate_limit_consume(p_key text, p_interval_ms double precision, p_window_ms double precision)
RETURNS TABLE (allowed boolean, retry_after_ms double precision, ahead_ms double precision)
LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamp(3) := now() AT TIME ZONE 'UTC';
  v_step interval := p_interval_ms * interval '1 millisecond';
  v_tat timestamp(3);
BEGIN
  -- Limiter state is disposable: its commit need not wait for the WAL flush
  -- (a crash forgets at most the last instants of counting), which makes a
  -- slot cost a fraction of a millisecond instead of a disk sync.
  PERFORM set_config('synchronous_commit', 'off', true);
  INSERT INTO "RateLimitState" AS s (key, tat, "updatedAt") VALUES (p_key, v_now + v_step, now())
  ON CONFLICT (key) DO UPDATE SET tat = GREATEST(s.tat, v_now) + v_step, "updatedAt" = now()
    WHERE EXTRACT(EPOCH FROM (GREATEST(s.tat, v_now) + v_step - v_now)) * 1000 <= p_window_ms
  RETURNING s.tat INTO v_tat;
  IF FOUND THEN
    RETURN QUERY SELECT true, 0::double precision, EXTRACT(EPOCH FROM (v_tat - v_now))::double precision * 1000;
  ELSE
    SELECT s.tat INTO v_tat FROM "RateLimitState" s WHERE s.key = p_key;
    RETURN QUERY SELECT false,
      EXTRACT(EPOCH FROM (GREATEST(v_tat, v_now) + v_step - v_now))::double precision * 1000 - p_window_ms,
      EXTRACT(EPOCH FROM (GREATEST(v_tat, v_now) - v_now))::double precision * 1000;
  END IF;
END;
$$;

-- A lease: up to p_want slots at once for one caller of a high-limit key (the
-- MCP relay, lib/rate-limit/token-slot-leases.ts), so most of its calls need
-- no write at all. All p_want or, when the limit has not that much room left,
-- one slot as rate_limit_consume takes it: a lease never lets more through
-- than single slots would (a slot leased and not used is simply spent).
CREATE OR REPLACE FUNCTION rate_limit_take(p_key text, p_interval_ms double precision, p_window_ms double precision, p_want integer)
RETURNS TABLE (allowed boolean, retry_after_ms double precision, ahead_ms double precision, taken integer)
LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamp(3) := now() AT TIME ZONE 'UTC';
  v_step interval := p_interval_ms * p_want * interval '1 millisecond';
  v_tat timestamp(3);
BEGIN
  IF p_want > 1 THEN
    PERFORM set_config('synchronous_commit', 'off', true);
    INSERT INTO "RateLimitState" AS s (key, tat, "updatedAt") VALUES (p_key, v_now + v_step, now())
    ON CONFLICT (key) DO UPDATE SET tat = GREATEST(s.tat, v_now) + v_step, "updatedAt" = now()
      WHERE EXTRACT(EPOCH FROM (GREATEST(s.tat, v_now) + v_step - v_now)) * 1000 <= p_window_ms
    RETURNING s.tat INTO v_tat;
    IF FOUND THEN
      RETURN QUERY SELECT true, 0::double precision, EXTRACT(EPOCH FROM (v_tat - v_now))::double precision * 1000, p_want;
      RETURN;
    END IF;
  END IF;
  RETURN QUERY SELECT c.allowed, c.retry_after_ms, c.ahead_ms, CASE WHEN c.allowed THEN 1 ELSE 0 END
    FROM rate_limit_consume(p_key, p_interval_ms, p_window_ms) c;
END;
$$;
