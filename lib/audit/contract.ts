// The audit domain's contract: what the API answers, shared with lib/client by `import type`.
import type { Prisma } from "@/lib/generated/prisma/client";

/** One audit event as the API and the exports show it. */
export type AuditEventView = {
  id: string;
  seq: number;
  createdAt: string;
  /** `token`: the service token that acted (id and display prefix), when one did. */
  actor: { kind: "USER" | "SERVICE_ACCOUNT" | "TOKEN" | "SYSTEM"; id: string | null; label: string | null; token: { id: string; prefix: string | null } | null };
  action: string;
  /**
   * label: its name as the event recorded it, else its current name; link: where
   * it lives now in the Control Room (null once it is gone). Both filled by the list.
   */
  target: { kind: string; id: string | null; label?: string | null; link?: string | null } | null;
  serviceAccountId: string | null;
  before: Prisma.JsonValue | null;
  after: Prisma.JsonValue | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** The previous event's hash and this one's (hex SHA-256), for checking the chain outside. */
  prevHash: string;
  hash: string;
};

export type ChainBreakReason = "content_changed" | "link_broken" | "events_missing" | "head_mismatch";

export type ChainBreak = {
  /** The first event that does not verify, or null when events are missing at the end of the chain. */
  seq: number;
  eventId: string | null;
  reason: ChainBreakReason;
  message: string;
};

export type ChainVerification = {
  ok: boolean;
  /** Events walked (those left after retention). */
  checked: number;
  /** Where the walk started: the last event removed by retention (0: none). */
  anchorSeq: number;
  headSeq: number;
  /** Publish or store this elsewhere to make a rewrite of the whole chain detectable too. */
  headHash: string;
  firstBreak: ChainBreak | null;
  verifiedAt: string;
};

export type AuditExportFormat = "csv" | "jsonl";
