-- Per-organization catalog version: bumped whenever what a caller may list
-- over MCP could have changed, so that the gateway's notification streams
-- (subscriptions/listen, the 2025-era GET stream) on every instance can tell
-- their callers "the list changed" (lib/mcp/relay/watch-catalog.ts polls it).
--
-- The bump runs in a DEFERRED constraint trigger, i.e. at commit, after every
-- statement of the transaction, including its audit event. That makes the
-- CatalogVersion row lock always the last lock a transaction takes, so it can
-- never close a cycle with the audit chain's per-organization lock (the
-- audited changes take that one during their statements). A per-transaction
-- setting keeps it to one UPDATE per organization per transaction, however
-- many rows a sync writes.
-- Applied after the migrations on every start (lib/db/migrate.ts): idempotent.

CREATE OR REPLACE FUNCTION catalog_version_bump(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_flag text := 'control_room.catalog_bumped_' || replace(p_org::text, '-', '');
BEGIN
  IF p_org IS NULL OR current_setting(v_flag, true) = 'y' THEN
    RETURN;
  END IF;
  PERFORM set_config(v_flag, 'y', true);
  INSERT INTO "CatalogVersion" ("orgId", version) VALUES (p_org, 1)
  ON CONFLICT ("orgId") DO UPDATE SET version = "CatalogVersion".version + 1;
EXCEPTION WHEN foreign_key_violation THEN
  -- The organization itself was deleted in this transaction: nobody is left to tell.
  NULL;
END;
$$;

-- Tables that carry orgId themselves.
CREATE OR REPLACE FUNCTION catalog_version_row_org() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalog_version_bump(CASE WHEN TG_OP = 'DELETE' THEN OLD."orgId" ELSE NEW."orgId" END);
  RETURN NULL;
END;
$$;

-- Catalog children that reach their organization through their server.
CREATE OR REPLACE FUNCTION catalog_version_row_server() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_server uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."serverId" ELSE NEW."serverId" END;
BEGIN
  PERFORM catalog_version_bump((SELECT s."orgId" FROM "McpServer" s WHERE s.id = v_server));
  RETURN NULL;
END;
$$;

-- Toolset membership, through its toolset.
CREATE OR REPLACE FUNCTION catalog_version_row_toolset() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_toolset uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."toolsetId" ELSE NEW."toolsetId" END;
BEGIN
  PERFORM catalog_version_bump((SELECT t."orgId" FROM "Toolset" t WHERE t.id = v_toolset));
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  v_table text;
  v_events text;
  v_function text;
BEGIN
  -- Only the columns that change what a caller may list: a token's last-use
  -- stamp or a server's health must not wake every notification stream.
  FOR v_table, v_events, v_function IN VALUES
    ('CatalogTool', 'INSERT OR UPDATE OR DELETE', 'catalog_version_row_org'),
    ('McpServer', 'INSERT OR UPDATE OF enabled, slug, name, "orgId" OR DELETE', 'catalog_version_row_org'),
    ('ToolsetAssignment', 'INSERT OR UPDATE OR DELETE', 'catalog_version_row_org'),
    ('Grant', 'INSERT OR UPDATE OF level, "resourceId", "resourceType", "serviceAccountId", "tokenId" OR DELETE', 'catalog_version_row_org'),
    ('ServiceAccount', 'UPDATE OF "accessMode", status OR DELETE', 'catalog_version_row_org'),
    ('ServiceToken', 'UPDATE OF "accessMode"', 'catalog_version_row_org'),
    ('CatalogPrompt', 'INSERT OR UPDATE OR DELETE', 'catalog_version_row_server'),
    ('CatalogResource', 'INSERT OR UPDATE OR DELETE', 'catalog_version_row_server'),
    ('CatalogResourceTemplate', 'INSERT OR UPDATE OR DELETE', 'catalog_version_row_server'),
    ('ToolsetTool', 'INSERT OR UPDATE OR DELETE', 'catalog_version_row_toolset')
  LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS catalog_version_bump ON %I', v_table);
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER catalog_version_bump AFTER %s ON %I '
      'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION %I()', v_events, v_table, v_function);
  END LOOP;
END;
$$;
