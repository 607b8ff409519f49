import { metrics, type DenialReason } from "@/lib/ops/metrics-registry";

/** A token call refused by an IP allowlist or by its rate limit. */
export function recordDenial({ reason, orgSlug }: { reason: DenialReason; orgSlug: string }): void {
  metrics().denials.inc({ reason, org: orgSlug });
}
