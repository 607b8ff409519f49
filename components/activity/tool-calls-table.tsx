import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, Td, Th } from "@/components/ui/table";
import { TOOL_CALL_OUTCOME_LABELS, type ToolCall } from "@/lib/client/activity";

const OUTCOME_TONES = { OK: "green", ERROR: "red", DENIED: "amber", TIMEOUT: "amber", CANCELLED: "neutral", INPUT_REQUIRED: "neutral" } as const;

/** What an outcome means when the call recorded no message of its own. */
const OUTCOME_EXPLAINED: Partial<Record<ToolCall["outcome"], string>> = {
  DENIED: "This caller may not use the tool (no toolset or grant gives it)",
  TIMEOUT: "The upstream did not answer within its timeout",
  CANCELLED: "The caller cancelled the call",
  ERROR: "The tool answered with an error",
  INPUT_REQUIRED: "The upstream asked the caller for input",
};

/** One row per tool call; `callerColumn` adds who made it, for lists that span callers. */
export function ToolCallsTable({ caption, calls, callerColumn }: { caption: string; calls: ToolCall[]; callerColumn?: (account: ToolCall["serviceAccount"]) => React.ReactNode }) {
  return (
    <Table caption={caption}>
      <thead className="bg-slate-50">
        <tr>
          <Th>Time</Th>
          <Th>Tool</Th>
          {callerColumn ? <Th>Caller</Th> : null}
          <Th>Outcome</Th>
          <Th className="text-right">Duration</Th>
          <Th>Token</Th>
          <Th>Error</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {calls.map((call) => (
          <tr key={call.id}>
            <Td className="whitespace-nowrap text-slate-700">
              <RelativeTime iso={call.createdAt} />
            </Td>
            <Td className="font-mono text-sm break-all text-slate-900">{call.exposedName}</Td>
            {callerColumn ? <Td className="whitespace-nowrap">{callerColumn(call.serviceAccount)}</Td> : null}
            <Td className="whitespace-nowrap">
              <Badge tone={OUTCOME_TONES[call.outcome]}>{TOOL_CALL_OUTCOME_LABELS[call.outcome]}</Badge>
            </Td>
            <Td className="text-right whitespace-nowrap text-slate-700 tabular-nums">{call.durationMs} ms</Td>
            <Td className="whitespace-nowrap text-slate-700">
              {call.tokenName ? <span className="block">{call.tokenName}</span> : null}
              {call.tokenPrefix ? <span className="block font-mono text-xs">{call.tokenPrefix}…</span> : <span className="text-slate-500">—</span>}
            </Td>
            <Td className="max-w-md text-slate-700">
              {call.errorMessage ? (
                <span className="line-clamp-2 break-words" title={call.errorMessage}>
                  {call.errorMessage}
                </span>
              ) : OUTCOME_EXPLAINED[call.outcome] ? (
                <span className="text-slate-600">{OUTCOME_EXPLAINED[call.outcome]}</span>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
