-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "actorTokenId" UUID,
ADD COLUMN     "actorTokenPrefix" TEXT;

