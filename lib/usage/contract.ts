// The usage domain's contract: what the activity API answers, shared with lib/client by `import type`.
import type { CallOutcome } from "@/lib/generated/prisma/enums";

export type ToolCallView = {
  id: string;
  exposedName: string;
  outcome: CallOutcome;
  durationMs: number;
  tokenPrefix: string | null;
  /** The token's name, when it has one and still exists. */
  tokenName: string | null;
  /** The calling service account (name null once it is deleted); null for an org-wide token. */
  serviceAccount: { id: string; name: string | null } | null;
  argumentBytes: number;
  resultBytes: number;
  errorMessage: string | null;
  requestId: string | null;
  createdAt: string;
};

/** Calls, errors (ERROR and TIMEOUT), denials, error rate and p95 latency of answered calls. */
export type ActivityCounts = { calls: number; errors: number; denied: number; errorRate: number; p95Ms: number | null };

export type ActivitySummary = {
  from: string;
  to: string;
  totals: ActivityCounts;
  /** One entry per hour of the window, empty hours included, oldest first. */
  perHour: { hour: string; calls: number; errors: number; denied: number }[];
  /** The busiest tools of the window (at most 20), busiest first. */
  byTool: (ActivityCounts & { tool: string })[];
  /** The busiest callers (at most 20): service accounts, or org-wide tokens grouped as null. */
  byServiceAccount: (ActivityCounts & { serviceAccountId: string | null; name: string | null })[];
};
