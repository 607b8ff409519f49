import { parseUpstreamMessage, readBody } from "@/lib/mcp/relay/read-upstream-answer";
import type { UpstreamAnswer } from "@/lib/mcp/relay/send-to-upstream";
import { UpstreamFailure } from "@/lib/mcp/relay/upstream-failure";
import type { JsonObject } from "@/lib/mcp/relay/protocol";

/**
 * An upstream's HTTP error answer: its own JSON-RPC error when it sent one
 * (passed on with its code), or a failure naming the status. 401 and 403 mean
 * the upstream refused the gateway's credentials, which is the admin's to fix.
 */
export async function readHttpError(slug: string, answer: UpstreamAnswer): Promise<{ message: JsonObject; raw: string } | UpstreamFailure> {
  let raw = "";
  try {
    raw = (await readBody(slug, answer.body, 64 * 1024)).toString("utf8");
  } catch {
    // The status says enough.
  }
  if (answer.status === 401 || answer.status === 403) {
    return new UpstreamFailure("http", `Upstream "${slug}" refused the gateway's credentials (HTTP ${answer.status}); check the server's headers in the Control Room`);
  }
  try {
    const message = parseUpstreamMessage(slug, raw);
    if (message.error && typeof message.error === "object") return { message, raw };
  } catch {
    // Not a JSON-RPC error: described by its status below.
  }
  return new UpstreamFailure("http", `Upstream "${slug}" answered HTTP ${answer.status}`);
}
