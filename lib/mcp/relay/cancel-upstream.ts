import type { RequestId } from "@/lib/mcp/relay/protocol";
import { notifyUpstream } from "@/lib/mcp/relay/upstream-exchange";
import { upstreamHeaders } from "@/lib/mcp/relay/upstream-headers";
import type { UpstreamServer } from "@/lib/mcp/relay/upstream-server";
import type { OpenUpstreamSession } from "@/lib/mcp/relay/upstream-sessions";

/** notifications/cancelled on a 2025-era upstream session, and the stream closed. */
export async function cancelUpstream(server: UpstreamServer, session: OpenUpstreamSession, requestId: RequestId, reason: string): Promise<void> {
  await notifyUpstream({
    server,
    headers: upstreamHeaders({ protocolVersion: session.version, sessionId: session.sessionId }),
    method: "notifications/cancelled",
    params: { requestId, reason: reason === "timeout" ? "The gateway's deadline for this call passed" : "The caller cancelled or went away" },
  }).catch(() => {});
}
