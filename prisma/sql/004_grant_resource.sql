-- A grant names its resource by resourceType and resourceId (what the app
-- and the gateway's statements read); the database copies resourceId into
-- the column of that type, serverId or toolsetId, whose composite foreign
-- keys (orgId, id) make the resource real, of the grant's own organization,
-- and take the grant with it when it is deleted. The app never writes the two
-- columns itself.
-- Applied after the migrations on every start (lib/db/migrate.ts): idempotent.

CREATE OR REPLACE FUNCTION grant_resource_columns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."serverId" := CASE WHEN NEW."resourceType" = 'MCP_SERVER' THEN NEW."resourceId" END;
  NEW."toolsetId" := CASE WHEN NEW."resourceType" = 'TOOLSET' THEN NEW."resourceId" END;
  RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS grant_resource_columns ON "Grant";
CREATE TRIGGER grant_resource_columns BEFORE INSERT OR UPDATE ON "Grant"
  FOR EACH ROW EXECUTE FUNCTION grant_resource_columns();
