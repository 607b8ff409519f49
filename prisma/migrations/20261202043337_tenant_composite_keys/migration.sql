-- Every tenant row carries orgId, and cross-row links are composite
-- (orgId, id) foreign keys: the database itself refuses a toolset, an
-- assignment, a grant or an allowlist entry that points at another
-- organization's row. The four child tables get orgId from their parents first.

-- DropForeignKey
ALTER TABLE "CatalogPrompt" DROP CONSTRAINT "CatalogPrompt_serverId_fkey";

-- DropForeignKey
ALTER TABLE "CatalogResource" DROP CONSTRAINT "CatalogResource_serverId_fkey";

-- DropForeignKey
ALTER TABLE "CatalogResourceTemplate" DROP CONSTRAINT "CatalogResourceTemplate_serverId_fkey";

-- DropForeignKey
ALTER TABLE "CatalogTool" DROP CONSTRAINT "CatalogTool_serverId_fkey";

-- DropForeignKey
ALTER TABLE "Grant" DROP CONSTRAINT "Grant_serviceAccountId_fkey";

-- DropForeignKey
ALTER TABLE "Grant" DROP CONSTRAINT "Grant_tokenId_fkey";

-- DropForeignKey
ALTER TABLE "GroupMember" DROP CONSTRAINT "GroupMember_groupId_fkey";

-- DropForeignKey
ALTER TABLE "NetworkRule" DROP CONSTRAINT "NetworkRule_serviceAccountId_fkey";

-- DropForeignKey
ALTER TABLE "ToolsetAssignment" DROP CONSTRAINT "ToolsetAssignment_groupId_fkey";

-- DropForeignKey
ALTER TABLE "ToolsetAssignment" DROP CONSTRAINT "ToolsetAssignment_serviceAccountId_fkey";

-- DropForeignKey
ALTER TABLE "ToolsetAssignment" DROP CONSTRAINT "ToolsetAssignment_toolsetId_fkey";

-- DropForeignKey
ALTER TABLE "ToolsetTool" DROP CONSTRAINT "ToolsetTool_toolId_fkey";

-- DropForeignKey
ALTER TABLE "ToolsetTool" DROP CONSTRAINT "ToolsetTool_toolsetId_fkey";

-- AlterTable
ALTER TABLE "CatalogPrompt" ADD COLUMN     "orgId" UUID;
UPDATE "CatalogPrompt" c SET "orgId" = s."orgId" FROM "McpServer" s WHERE s.id = c."serverId";
ALTER TABLE "CatalogPrompt" ALTER COLUMN "orgId" SET NOT NULL;

-- AlterTable
ALTER TABLE "CatalogResource" ADD COLUMN     "orgId" UUID;
UPDATE "CatalogResource" c SET "orgId" = s."orgId" FROM "McpServer" s WHERE s.id = c."serverId";
ALTER TABLE "CatalogResource" ALTER COLUMN "orgId" SET NOT NULL;

-- AlterTable
ALTER TABLE "CatalogResourceTemplate" ADD COLUMN     "orgId" UUID;
UPDATE "CatalogResourceTemplate" c SET "orgId" = s."orgId" FROM "McpServer" s WHERE s.id = c."serverId";
ALTER TABLE "CatalogResourceTemplate" ALTER COLUMN "orgId" SET NOT NULL;

-- AlterTable
ALTER TABLE "ToolsetTool" ADD COLUMN     "orgId" UUID;
UPDATE "ToolsetTool" c SET "orgId" = s."orgId" FROM "Toolset" s WHERE s.id = c."toolsetId";
ALTER TABLE "ToolsetTool" ALTER COLUMN "orgId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "CatalogTool_orgId_id_key" ON "CatalogTool"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Group_orgId_id_key" ON "Group"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "McpServer_orgId_id_key" ON "McpServer"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceAccount_orgId_id_key" ON "ServiceAccount"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceToken_orgId_id_key" ON "ServiceToken"("orgId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Toolset_orgId_id_key" ON "Toolset"("orgId", "id");

-- AddForeignKey
ALTER TABLE "GroupMember" ADD CONSTRAINT "GroupMember_orgId_groupId_fkey" FOREIGN KEY ("orgId", "groupId") REFERENCES "Group"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogTool" ADD CONSTRAINT "CatalogTool_orgId_serverId_fkey" FOREIGN KEY ("orgId", "serverId") REFERENCES "McpServer"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogPrompt" ADD CONSTRAINT "CatalogPrompt_orgId_serverId_fkey" FOREIGN KEY ("orgId", "serverId") REFERENCES "McpServer"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogResource" ADD CONSTRAINT "CatalogResource_orgId_serverId_fkey" FOREIGN KEY ("orgId", "serverId") REFERENCES "McpServer"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogResourceTemplate" ADD CONSTRAINT "CatalogResourceTemplate_orgId_serverId_fkey" FOREIGN KEY ("orgId", "serverId") REFERENCES "McpServer"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolsetTool" ADD CONSTRAINT "ToolsetTool_orgId_toolsetId_fkey" FOREIGN KEY ("orgId", "toolsetId") REFERENCES "Toolset"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolsetTool" ADD CONSTRAINT "ToolsetTool_orgId_toolId_fkey" FOREIGN KEY ("orgId", "toolId") REFERENCES "CatalogTool"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolsetAssignment" ADD CONSTRAINT "ToolsetAssignment_orgId_toolsetId_fkey" FOREIGN KEY ("orgId", "toolsetId") REFERENCES "Toolset"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolsetAssignment" ADD CONSTRAINT "ToolsetAssignment_orgId_groupId_fkey" FOREIGN KEY ("orgId", "groupId") REFERENCES "Group"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolsetAssignment" ADD CONSTRAINT "ToolsetAssignment_orgId_serviceAccountId_fkey" FOREIGN KEY ("orgId", "serviceAccountId") REFERENCES "ServiceAccount"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_orgId_serviceAccountId_fkey" FOREIGN KEY ("orgId", "serviceAccountId") REFERENCES "ServiceAccount"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_orgId_tokenId_fkey" FOREIGN KEY ("orgId", "tokenId") REFERENCES "ServiceToken"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkRule" ADD CONSTRAINT "NetworkRule_orgId_serviceAccountId_fkey" FOREIGN KEY ("orgId", "serviceAccountId") REFERENCES "ServiceAccount"("orgId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

