-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CallOutcome" ADD VALUE 'CANCELLED';
ALTER TYPE "CallOutcome" ADD VALUE 'INPUT_REQUIRED';

-- AlterTable
ALTER TABLE "McpServer" ADD COLUMN     "supportedVersions" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "CatalogTool" ADD COLUMN     "definition" JSONB,
ADD COLUMN     "requiredCapabilities" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "CatalogPrompt" ADD COLUMN     "definition" JSONB;

-- AlterTable
ALTER TABLE "CatalogResource" ADD COLUMN     "definition" JSONB;

-- AlterTable
ALTER TABLE "CatalogResourceTemplate" ADD COLUMN     "definition" JSONB;

-- CreateTable
CREATE TABLE "GatewaySession" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "tokenId" UUID NOT NULL,
    "idHash" TEXT NOT NULL,
    "protocolVersion" TEXT NOT NULL,
    "clientInfo" JSONB,
    "clientCapabilities" JSONB NOT NULL,
    "logLevel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "GatewaySession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpstreamSession" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "serverId" UUID NOT NULL,
    "tokenId" UUID NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "sessionEncrypted" TEXT NOT NULL,
    "protocolVersion" TEXT NOT NULL,
    "logLevel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UpstreamSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogVersion" (
    "orgId" UUID NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CatalogVersion_pkey" PRIMARY KEY ("orgId")
);

-- CreateIndex
CREATE UNIQUE INDEX "GatewaySession_idHash_key" ON "GatewaySession"("idHash");

-- CreateIndex
CREATE INDEX "GatewaySession_orgId_tokenId_idx" ON "GatewaySession"("orgId", "tokenId");

-- CreateIndex
CREATE INDEX "GatewaySession_createdAt_idx" ON "GatewaySession"("createdAt");

-- CreateIndex
CREATE INDEX "UpstreamSession_orgId_serverId_idx" ON "UpstreamSession"("orgId", "serverId");

-- CreateIndex
CREATE INDEX "UpstreamSession_createdAt_idx" ON "UpstreamSession"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "UpstreamSession_scopeKey_serverId_key" ON "UpstreamSession"("scopeKey", "serverId");

-- AddForeignKey
ALTER TABLE "GatewaySession" ADD CONSTRAINT "GatewaySession_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GatewaySession" ADD CONSTRAINT "GatewaySession_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ServiceToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpstreamSession" ADD CONSTRAINT "UpstreamSession_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpstreamSession" ADD CONSTRAINT "UpstreamSession_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "McpServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpstreamSession" ADD CONSTRAINT "UpstreamSession_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ServiceToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogVersion" ADD CONSTRAINT "CatalogVersion_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

