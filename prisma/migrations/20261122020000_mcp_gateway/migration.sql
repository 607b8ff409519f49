-- CreateEnum
CREATE TYPE "McpServerHealth" AS ENUM ('UNKNOWN', 'HEALTHY', 'ERROR');

-- CreateEnum
CREATE TYPE "CallOutcome" AS ENUM ('OK', 'ERROR', 'DENIED', 'TIMEOUT');

-- CreateTable
CREATE TABLE "McpServer" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "builtin" BOOLEAN NOT NULL DEFAULT false,
    "headersEncrypted" TEXT,
    "headerNames" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "timeoutMs" INTEGER NOT NULL DEFAULT 60000,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "health" "McpServerHealth" NOT NULL DEFAULT 'UNKNOWN',
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "lastSyncedAt" TIMESTAMP(3),
    "lastSyncChanges" JSONB,
    "protocolVersion" TEXT,
    "syncLockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "McpServer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogTool" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "serverId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "exposedName" TEXT NOT NULL,
    "title" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "inputSchema" JSONB NOT NULL,
    "outputSchema" JSONB,
    "annotations" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CatalogTool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogPrompt" (
    "id" UUID NOT NULL,
    "serverId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "arguments" JSONB,

    CONSTRAINT "CatalogPrompt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogResource" (
    "id" UUID NOT NULL,
    "serverId" UUID NOT NULL,
    "uri" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "mimeType" TEXT,

    CONSTRAINT "CatalogResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogResourceTemplate" (
    "id" UUID NOT NULL,
    "serverId" UUID NOT NULL,
    "uriTemplate" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "mimeType" TEXT,

    CONSTRAINT "CatalogResourceTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Toolset" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Toolset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ToolsetTool" (
    "toolsetId" UUID NOT NULL,
    "toolId" UUID NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ToolsetTool_pkey" PRIMARY KEY ("toolsetId","toolId")
);

-- CreateTable
CREATE TABLE "ToolsetAssignment" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "toolsetId" UUID NOT NULL,
    "userId" UUID,
    "groupId" UUID,
    "serviceAccountId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ToolsetAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ToolCall" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "serviceAccountId" UUID,
    "tokenId" UUID,
    "userId" UUID,
    "exposedName" TEXT NOT NULL,
    "serverId" UUID,
    "outcome" "CallOutcome" NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "requestId" TEXT,
    "argumentBytes" INTEGER NOT NULL DEFAULT 0,
    "resultBytes" INTEGER NOT NULL DEFAULT 0,
    "errorMessage" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ToolCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "McpServer_orgId_slug_key" ON "McpServer"("orgId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "McpServer_orgId_name_key" ON "McpServer"("orgId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogTool_serverId_name_key" ON "CatalogTool"("serverId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogTool_orgId_exposedName_key" ON "CatalogTool"("orgId", "exposedName");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogPrompt_serverId_name_key" ON "CatalogPrompt"("serverId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogResource_serverId_uri_key" ON "CatalogResource"("serverId", "uri");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogResourceTemplate_serverId_uriTemplate_key" ON "CatalogResourceTemplate"("serverId", "uriTemplate");

-- CreateIndex
CREATE UNIQUE INDEX "Toolset_orgId_name_key" ON "Toolset"("orgId", "name");

-- CreateIndex
CREATE INDEX "ToolsetTool_toolId_idx" ON "ToolsetTool"("toolId");

-- CreateIndex
CREATE INDEX "ToolsetAssignment_orgId_serviceAccountId_idx" ON "ToolsetAssignment"("orgId", "serviceAccountId");

-- CreateIndex
CREATE INDEX "ToolsetAssignment_orgId_userId_idx" ON "ToolsetAssignment"("orgId", "userId");

-- CreateIndex
CREATE INDEX "ToolsetAssignment_orgId_groupId_idx" ON "ToolsetAssignment"("orgId", "groupId");

-- CreateIndex
CREATE UNIQUE INDEX "ToolsetAssignment_toolsetId_userId_key" ON "ToolsetAssignment"("toolsetId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ToolsetAssignment_toolsetId_groupId_key" ON "ToolsetAssignment"("toolsetId", "groupId");

-- CreateIndex
CREATE UNIQUE INDEX "ToolsetAssignment_toolsetId_serviceAccountId_key" ON "ToolsetAssignment"("toolsetId", "serviceAccountId");

-- CreateIndex
CREATE INDEX "ToolCall_orgId_createdAt_idx" ON "ToolCall"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "ToolCall_orgId_serviceAccountId_createdAt_idx" ON "ToolCall"("orgId", "serviceAccountId", "createdAt");

-- AddForeignKey
ALTER TABLE "McpServer" ADD CONSTRAINT "McpServer_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogTool" ADD CONSTRAINT "CatalogTool_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogTool" ADD CONSTRAINT "CatalogTool_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "McpServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogPrompt" ADD CONSTRAINT "CatalogPrompt_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "McpServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogResource" ADD CONSTRAINT "CatalogResource_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "McpServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogResourceTemplate" ADD CONSTRAINT "CatalogResourceTemplate_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "McpServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Toolset" ADD CONSTRAINT "Toolset_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolsetTool" ADD CONSTRAINT "ToolsetTool_toolsetId_fkey" FOREIGN KEY ("toolsetId") REFERENCES "Toolset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolsetTool" ADD CONSTRAINT "ToolsetTool_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "CatalogTool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolsetAssignment" ADD CONSTRAINT "ToolsetAssignment_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolsetAssignment" ADD CONSTRAINT "ToolsetAssignment_toolsetId_fkey" FOREIGN KEY ("toolsetId") REFERENCES "Toolset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolsetAssignment" ADD CONSTRAINT "ToolsetAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolsetAssignment" ADD CONSTRAINT "ToolsetAssignment_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolsetAssignment" ADD CONSTRAINT "ToolsetAssignment_serviceAccountId_fkey" FOREIGN KEY ("serviceAccountId") REFERENCES "ServiceAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolCall" ADD CONSTRAINT "ToolCall_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

