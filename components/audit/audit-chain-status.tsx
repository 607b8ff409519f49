"use client";

import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/client/api";
import type { AuditEvent, ChainVerification } from "@/lib/client/audit";
import { formatDateTime } from "@/lib/client/format-relative-time";

type Props = {
  result: ChainVerification | undefined;
  error: unknown;
  /** The events on screen, to open the first broken one when it is among them. */
  events: AuditEvent[];
  onOpenEvent: (event: AuditEvent) => void;
};

/** The answer to Verify integrity: an intact chain, or where it first breaks. */
export function AuditChainStatus({ result, error, events, onOpenEvent }: Props) {
  if (error) {
    return (
      <p role="alert" className="mb-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
        The audit log could not be verified: {errorMessage(error)}
      </p>
    );
  }
  if (!result) return null;
  const verifiedAt = <time dateTime={result.verifiedAt}>{formatDateTime(result.verifiedAt)}</time>;

  if (result.ok) {
    return (
      <div role="status" className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
        <p className="font-medium">
          Chain intact: {result.checked} {result.checked === 1 ? "event" : "events"} verified, head hash{" "}
          <code className="font-mono break-all" title={result.headHash}>
            {result.headHash ? `${result.headHash.slice(0, 16)}…` : "(none)"}
          </code>
        </p>
        <p className="mt-1 text-emerald-800">
          Verified {verifiedAt}.
          {result.anchorSeq > 0 ? ` Events up to #${result.anchorSeq} were removed by retention; the chain is checked from there.` : null}
        </p>
      </div>
    );
  }

  const brokenSeq = result.firstBreak?.seq;
  const brokenId = result.firstBreak?.eventId;
  const broken = brokenId ? events.find((e) => e.id === brokenId) : undefined;
  return (
    <div role="alert" className="mb-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p className="font-semibold">Integrity check failed{brokenSeq !== undefined ? ` at event #${brokenSeq}` : ""}</p>
      <p className="mt-1">{result.firstBreak?.message ?? "The chain does not verify."}</p>
      <p className="mt-1 text-red-800">
        {result.checked} {result.checked === 1 ? "event" : "events"} checked; verified {verifiedAt}.
      </p>
      {broken ? (
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => onOpenEvent(broken)}>
          Open event #{broken.seq}
        </Button>
      ) : brokenId ? (
        <p className="mt-1 text-red-800">Event #{brokenSeq} is not in the list below: clear the filters or load more to find it.</p>
      ) : null}
    </div>
  );
}
