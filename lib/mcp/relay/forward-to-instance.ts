import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import { logger } from "@/lib/logger";
import { errorMessage } from "@/lib/mcp/relay/caller-reply";
import { FORWARDED_HEADER, forwardedHeader } from "@/lib/mcp/relay/instance";
import { ErrorCode, type RequestId } from "@/lib/mcp/relay/protocol";

const agent = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

/**
 * Sends a caller's request on to the instance that holds its multi
 * round-trip state, and streams that instance's answer back unchanged. The
 * target re-checks the token itself; the caller's address travels in a
 * signed header so allowlists still see the caller, not this instance.
 */
export function forwardToInstance({
  target,
  req,
  res,
  body,
  clientIp,
  id,
}: {
  target: string;
  req: IncomingMessage;
  res: ServerResponse;
  body: Buffer;
  clientIp: string | null;
  id: RequestId | null;
}): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL(req.url ?? "/", target);
    const headers = { ...req.headers, host: url.host, [FORWARDED_HEADER]: forwardedHeader(clientIp), "content-length": String(body.length) };
    const transport = url.protocol === "https:" ? https : http;
    const upstream = transport.request(url, { method: req.method, headers, agent: agent[url.protocol as "http:" | "https:"] }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on("end", resolve);
      answer.on("error", () => resolve(void res.destroy()));
    });
    res.once("close", () => upstream.destroy());
    upstream.on("error", (error) => {
      logger.warn("could not reach the instance holding a multi round-trip request", { target, error: error.message });
      if (!res.headersSent) {
        const body = errorMessage(id, ErrorCode.Unavailable, "The gateway instance that held this request is gone; send the request again from the start");
        res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(body);
      } else res.destroy();
      resolve();
    });
    upstream.end(body);
  });
}
