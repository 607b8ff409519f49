-- CreateEnum
CREATE TYPE "ResourceType" AS ENUM ('MCP_SERVER', 'TOOLSET');

-- CreateEnum
CREATE TYPE "GrantLevel" AS ENUM ('READ', 'WRITE');

-- AlterTable
ALTER TABLE "ServiceToken" ADD COLUMN     "accessMode" "AccessMode" NOT NULL DEFAULT 'RESTRICTED';

-- CreateTable
CREATE TABLE "Grant" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "serviceAccountId" UUID,
    "tokenId" UUID,
    "resourceType" "ResourceType" NOT NULL,
    "resourceId" UUID NOT NULL,
    "level" "GrantLevel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Grant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Grant_orgId_resourceType_resourceId_idx" ON "Grant"("orgId", "resourceType", "resourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Grant_serviceAccountId_resourceType_resourceId_key" ON "Grant"("serviceAccountId", "resourceType", "resourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Grant_tokenId_resourceType_resourceId_key" ON "Grant"("tokenId", "resourceType", "resourceId");

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_serviceAccountId_fkey" FOREIGN KEY ("serviceAccountId") REFERENCES "ServiceAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ServiceToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

