import type { CallControl } from "@/lib/mcp/relay/call-control";
import type { RequestId } from "@/lib/mcp/relay/protocol";

// Calls relayed by this instance and still running, by the caller's scope
// and request id, so a 2025-era caller's notifications/cancelled stops the
// right one (its id means something only inside its own session).

const calls = new Map<string, CallControl>();
const keyOf = (scopeKey: string, id: RequestId) => `${scopeKey}\0${typeof id}:${String(id)}`;

export function trackCall(scopeKey: string, id: RequestId, control: CallControl): () => void {
  const key = keyOf(scopeKey, id);
  calls.set(key, control);
  return () => {
    if (calls.get(key) === control) calls.delete(key);
  };
}

/** Stops the call if it runs here; false when it does not (it may run on another instance). */
export function cancelTrackedCall(scopeKey: string, id: RequestId): boolean {
  const control = calls.get(keyOf(scopeKey, id));
  if (!control) return false;
  control.stop("cancelled");
  return true;
}

/** How many relayed calls this instance is running (the drain waits for them). */
export const inFlightCount = () => calls.size;
