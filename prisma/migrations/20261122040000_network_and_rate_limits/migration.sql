-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "defaultRateLimitPerMinute" INTEGER;

-- CreateTable
CREATE TABLE "NetworkRule" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "serviceAccountId" UUID,
    "cidr" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NetworkRule_orgId_serviceAccountId_idx" ON "NetworkRule"("orgId", "serviceAccountId");

-- AddForeignKey
ALTER TABLE "NetworkRule" ADD CONSTRAINT "NetworkRule_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkRule" ADD CONSTRAINT "NetworkRule_serviceAccountId_fkey" FOREIGN KEY ("serviceAccountId") REFERENCES "ServiceAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

