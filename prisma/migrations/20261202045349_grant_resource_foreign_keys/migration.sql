-- A grant references its resource by a real foreign key: serverId or
-- toolsetId, copied from resourceId by a trigger (prisma/sql/004_grant_resource.sql),
-- so deleting a server or toolset deletes its grants in the database.

-- AlterTable
ALTER TABLE "Grant" ADD COLUMN     "serverId" UUID,
ADD COLUMN     "toolsetId" UUID;

-- Backfill (a grant whose resource is already gone grants nothing: it goes)
UPDATE "Grant" SET "serverId" = CASE WHEN "resourceType" = 'MCP_SERVER' THEN "resourceId" END,
                   "toolsetId" = CASE WHEN "resourceType" = 'TOOLSET' THEN "resourceId" END;
DELETE FROM "Grant" g
WHERE (g."serverId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "McpServer" s WHERE s."orgId" = g."orgId" AND s.id = g."serverId"))
   OR (g."toolsetId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Toolset" t WHERE t."orgId" = g."orgId" AND t.id = g."toolsetId"));

-- CreateIndex
CREATE INDEX "Grant_serverId_idx" ON "Grant"("serverId");

-- CreateIndex
CREATE INDEX "Grant_toolsetId_idx" ON "Grant"("toolsetId");

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_orgId_serverId_fkey" FOREIGN KEY ("orgId", "serverId") REFERENCES "McpServer"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_orgId_toolsetId_fkey" FOREIGN KEY ("orgId", "toolsetId") REFERENCES "Toolset"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

