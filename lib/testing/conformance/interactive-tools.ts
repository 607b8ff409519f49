import { acceptedContent, inputRequired, inputResponse, type CallToolResult, type InputRequiredResult, type McpServer, type ServerContext } from "@modelcontextprotocol/server";
import { z } from "zod";
import { sleep } from "./assets";

type ToolAnswer = CallToolResult | InputRequiredResult;

const text = (value: string): CallToolResult => ({ content: [{ type: "text", text: value }] });

/** The sampling text of a bare CreateMessageResult (one block, or an array on the tool-calling variant). */
export function samplingText(result: { content: unknown }): string {
  const blocks = Array.isArray(result.content) ? result.content : [result.content];
  return blocks.map((block) => (block && typeof block === "object" && "text" in block ? String(block.text) : "")).join("");
}

// Written once in the multi-round-trip style: on 2026-07-28 the client
// answers the input_required result and retries; on a 2025-11-25 session the
// SDK's legacy shim sends the embedded request to the client as a real
// server→client request (on the POST's SSE stream) and re-enters the handler.
function elicitingTool(server: McpServer, name: string, description: string, message: string, requestedSchema: Record<string, unknown>) {
  server.registerTool(name, { description }, async (ctx): Promise<ToolAnswer> => {
    const answer = inputResponse(ctx.mcpReq.inputResponses, "form");
    if (answer.kind !== "elicit") {
      return inputRequired({ inputRequests: { form: inputRequired.elicit({ message, requestedSchema: requestedSchema as never }) } });
    }
    return text(`Elicitation completed: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`);
  });
}

/** Tools that talk back while they run: log and progress notifications, server→client requests, a stream the server closes. */
export function registerInteractiveTools(server: McpServer): void {
  const logging = async (ctx: ServerContext) => {
    // ctx.mcpReq.log honours the caller's level: logging/setLevel on 2025-11-25,
    // the per-request _meta logLevel on 2026-07-28 (absent: no log at all).
    await ctx.mcpReq.log("info", "Tool execution started");
    await sleep(50);
    await ctx.mcpReq.log("info", "Tool processing data");
    await sleep(50);
    await ctx.mcpReq.log("info", "Tool execution completed");
    return text("Tool with logging executed successfully");
  };
  server.registerTool("test_tool_with_logging", { description: "Sends three info log messages while it runs." }, logging);
  // server-stateless probes the same behaviour under this name.
  server.registerTool("test_logging_tool", { description: "Sends three info log messages while it runs." }, logging);

  server.registerTool("test_tool_with_progress", { description: "Reports progress 0, 50 and 100 of 100." }, async (ctx) => {
    const progressToken = ctx.mcpReq._meta?.progressToken;
    for (const progress of [0, 50, 100]) {
      if (progressToken !== undefined) {
        await ctx.mcpReq.notify({ method: "notifications/progress", params: { progressToken, progress, total: 100, message: `Completed step ${progress} of 100` } });
      }
      if (progress < 100) await sleep(50);
    }
    return text(String(progressToken ?? "no progress token"));
  });

  server.registerTool(
    "test_sampling",
    { description: "Asks the client's model to answer a prompt.", inputSchema: z.object({ prompt: z.string().describe("The prompt to send to the LLM") }) },
    async ({ prompt }, ctx): Promise<ToolAnswer> => {
      const answer = inputResponse(ctx.mcpReq.inputResponses, "completion");
      if (answer.kind !== "sampling") {
        return inputRequired({ inputRequests: { completion: inputRequired.createMessage({ messages: [{ role: "user", content: { type: "text", text: prompt } }], maxTokens: 100 }) } });
      }
      return text(`LLM response: ${samplingText(answer.result)}`);
    },
  );

  server.registerTool(
    "test_elicitation",
    { description: "Asks the user for a username and an email.", inputSchema: z.object({ message: z.string().describe("The message to show the user") }) },
    async ({ message }, ctx): Promise<ToolAnswer> => {
      const answer = inputResponse(ctx.mcpReq.inputResponses, "profile");
      if (answer.kind !== "elicit") {
        return inputRequired({
          inputRequests: {
            profile: inputRequired.elicit({
              message,
              requestedSchema: {
                type: "object",
                properties: { username: { type: "string", description: "User's response" }, email: { type: "string", description: "User's email address" } },
                required: ["username", "email"],
              },
            }),
          },
        });
      }
      return text(`User response: action=${answer.action}, content=${JSON.stringify(acceptedContent(ctx.mcpReq.inputResponses, "profile") ?? {})}`);
    },
  );

  elicitingTool(server, "test_elicitation_sep1034_defaults", "Elicits a form whose every primitive field has a default (SEP-1034).", "Please review and update the form fields with defaults", {
    type: "object",
    properties: {
      name: { type: "string", description: "User name", default: "John Doe" },
      age: { type: "integer", description: "User age", default: 30 },
      score: { type: "number", description: "User score", default: 95.5 },
      status: { type: "string", description: "User status", enum: ["active", "inactive", "pending"], default: "active" },
      verified: { type: "boolean", description: "Verification status", default: true },
    },
    required: [],
  });

  elicitingTool(server, "test_elicitation_sep1330_enums", "Elicits a form with the five enum shapes of SEP-1330.", "Please select options from the enum fields", {
    type: "object",
    properties: {
      untitledSingle: { type: "string", description: "Select one option", enum: ["option1", "option2", "option3"] },
      titledSingle: {
        type: "string",
        description: "Select one option with titles",
        oneOf: [
          { const: "value1", title: "First Option" },
          { const: "value2", title: "Second Option" },
          { const: "value3", title: "Third Option" },
        ],
      },
      legacyEnum: { type: "string", description: "Select one option (legacy)", enum: ["opt1", "opt2", "opt3"], enumNames: ["Option One", "Option Two", "Option Three"] },
      untitledMulti: { type: "array", description: "Select multiple options", minItems: 1, maxItems: 3, items: { type: "string", enum: ["option1", "option2", "option3"] } },
      titledMulti: {
        type: "array",
        description: "Select multiple options with titles",
        minItems: 1,
        maxItems: 3,
        items: {
          anyOf: [
            { const: "value1", title: "First Choice" },
            { const: "value2", title: "Second Choice" },
            { const: "value3", title: "Third Choice" },
          ],
        },
      },
    },
    required: [],
  });

  // SEP-1699: the server ends the POST's SSE stream before the result; the
  // client reconnects with GET + Last-Event-ID and the event store replays it.
  server.registerTool("test_reconnection", { description: "Closes its SSE stream mid-call; the result arrives after the client reconnects." }, async (ctx) => {
    ctx.http?.closeSSE?.();
    await sleep(100);
    return text("Reconnection test completed successfully.");
  });

  // server-stateless diagnostics (2026-07-28).
  server.registerTool("test_streaming_elicitation", { description: "Asks for input through an input_required result." }, async (ctx): Promise<ToolAnswer> => {
    const answer = inputResponse(ctx.mcpReq.inputResponses, "confirm");
    if (answer.kind === "elicit") return text(`confirmed: ${answer.action}`);
    return inputRequired({ inputRequests: { confirm: inputRequired.elicit({ message: "Continue?", requestedSchema: { type: "object", properties: { ok: { type: "boolean" } }, required: ["ok"] } }) } });
  });
  // Needs sampling: the SDK refuses the input request with -32021 when the caller did not declare it.
  server.registerTool("test_missing_capability", { description: "Needs the client's sampling capability." }, async (ctx): Promise<ToolAnswer> => {
    const answer = inputResponse(ctx.mcpReq.inputResponses, "draft");
    if (answer.kind === "sampling") return text(`sampled: ${samplingText(answer.result)}`);
    return inputRequired({ inputRequests: { draft: inputRequired.createMessage({ messages: [{ role: "user", content: { type: "text", text: "Say hello" } }], maxTokens: 20 }) } });
  });
}
