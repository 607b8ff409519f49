import { hostHeaderValidationResponse, localhostAllowedHostnames, localhostAllowedOrigins, originValidationResponse } from "@modelcontextprotocol/server";
import { serveFetchHandler, type RunningServer } from "../mcp-upstreams";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

// Hop-by-hop or recomputed by fetch on the next hop.
const DROPPED = ["host", "connection", "keep-alive", "transfer-encoding", "content-length", "authorization", "accept-encoding"];

/**
 * A stand-in for the gateway in the loopback's tests, written apart from the
 * loopback so the two cannot share a mistake: it demands the bearer token,
 * lists the upstream's tools and prompts as `<prefix><name>`, and accepts a
 * call only by its prefixed name (an unprefixed one is an unknown tool, as
 * on the gateway), in the body and in Mcp-Name.
 */
export function startPrefixingGateway({ upstream, token, prefix }: { upstream: string; token: string; prefix: string }): Promise<RunningServer> {
  const unprefixed = (name: string) => (name.startsWith(prefix) ? name.slice(prefix.length) : undefined);

  /** The request for the upstream, or the error the gateway would answer instead. */
  function inbound(message: Json): Json | { error: string } {
    const params = isObject(message.params) ? message.params : undefined;
    if ((message.method === "tools/call" || message.method === "prompts/get") && typeof params?.name === "string") {
      const name = unprefixed(params.name);
      return name === undefined ? { error: `Unknown ${message.method === "tools/call" ? "tool" : "prompt"}: ${params.name}` } : { ...message, params: { ...params, name } };
    }
    if (message.method === "completion/complete" && isObject(params?.ref) && params.ref.type === "ref/prompt" && typeof params.ref.name === "string") {
      const name = unprefixed(params.ref.name);
      return name === undefined ? { error: `Unknown prompt: ${params.ref.name}` } : { ...message, params: { ...params, ref: { ...params.ref, name } } };
    }
    return message;
  }

  function outbound(message: unknown): unknown {
    if (!isObject(message) || !isObject(message.result)) return message;
    const add = (list: unknown[]) => list.map((entry) => (isObject(entry) && typeof entry.name === "string" ? { ...entry, name: prefix + entry.name } : entry));
    const { result } = message;
    if (Array.isArray(result.tools)) return { ...message, result: { ...result, tools: add(result.tools) } };
    if (Array.isArray(result.prompts)) return { ...message, result: { ...result, prompts: add(result.prompts) } };
    return message;
  }

  function mcpName(value: string): string {
    const sentinel = /^=\?base64\?(.*)\?=$/.exec(value.trim());
    if (!sentinel) return unprefixed(value.trim()) ?? value;
    const name = unprefixed(Buffer.from(sentinel[1], "base64").toString("utf8"));
    return name === undefined ? value : `=?base64?${Buffer.from(name).toString("base64")}?=`;
  }

  return serveFetchHandler(async (request) => {
    const rejected = hostHeaderValidationResponse(request, localhostAllowedHostnames()) ?? originValidationResponse(request, localhostAllowedOrigins());
    if (rejected) return rejected;
    if (request.headers.get("authorization") !== `Bearer ${token}`) return new Response("missing or wrong token", { status: 401 });

    const headers = new Headers(request.headers);
    for (const name of DROPPED) headers.delete(name);
    let body = request.method === "POST" ? await request.text() : undefined;
    let parsed: unknown;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      parsed = undefined;
    }
    if (isObject(parsed) && typeof parsed.method === "string") {
      const next = inbound(parsed);
      if ("error" in next && typeof next.error === "string") {
        return Response.json({ jsonrpc: "2.0", id: parsed.id ?? null, error: { code: -32602, message: next.error } });
      }
      body = JSON.stringify(next);
      const name = headers.get("mcp-name");
      if (name !== null && (parsed.method === "tools/call" || parsed.method === "prompts/get")) headers.set("mcp-name", mcpName(name));
    }

    const response = await fetch(upstream, { method: request.method, headers, body, signal: request.signal });
    const type = response.headers.get("content-type") ?? "";
    const out = new Headers(response.headers);
    out.delete("content-length");
    out.delete("content-encoding");
    if (type.includes("application/json")) {
      const text = await response.text();
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        return new Response(text, { status: response.status, headers: out });
      }
      return new Response(JSON.stringify(outbound(message)), { status: response.status, headers: out });
    }
    if (!type.includes("text/event-stream") || !response.body) return new Response(response.body, { status: response.status, headers: out });
    // Line by line: a `data:` line holding a whole JSON message is rewritten, everything else passes.
    let pending = "";
    const rewrite = (line: string) => {
      if (!line.startsWith("data: ")) return line;
      try {
        return `data: ${JSON.stringify(outbound(JSON.parse(line.slice(6))))}`;
      } catch {
        return line;
      }
    };
    const lines = new TransformStream<string, string>({
      transform(chunk, controller) {
        const parts = (pending + chunk).split("\n");
        pending = parts.pop() ?? "";
        controller.enqueue(parts.map((line) => `${rewrite(line)}\n`).join(""));
      },
      flush(controller) {
        if (pending) controller.enqueue(rewrite(pending));
      },
    });
    return new Response(response.body.pipeThrough(new TextDecoderStream()).pipeThrough(lines).pipeThrough(new TextEncoderStream()), { status: response.status, headers: out });
  }, "/mcp");
}
