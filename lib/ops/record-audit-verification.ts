import { metrics } from "@/lib/ops/metrics-registry";

/** The result of one audit chain verification: "ok", or the reason of its first break. */
export function recordAuditVerification(result: "ok" | (string & {})): void {
  metrics().auditVerifications.inc({ result });
}
