-- AlterTable
ALTER TABLE "ServiceToken" ADD COLUMN     "rolledFromId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "ServiceToken_rolledFromId_key" ON "ServiceToken"("rolledFromId");

-- AddForeignKey
ALTER TABLE "ServiceToken" ADD CONSTRAINT "ServiceToken_rolledFromId_fkey" FOREIGN KEY ("rolledFromId") REFERENCES "ServiceToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;

