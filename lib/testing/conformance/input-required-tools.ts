import {
  inputRequired,
  inputResponse,
  type CallToolResult,
  type InputRequest,
  type InputRequiredResult,
  type McpServer,
  type RequestStateCodec,
  type ServerContext,
} from "@modelcontextprotocol/server";
import { samplingText } from "./interactive-tools";

/** What the fixture seals into requestState: which tool minted it and for which round. */
export type RoundState = { tool: string; round: number };

type ToolAnswer = CallToolResult | InputRequiredResult;

const text = (value: string): CallToolResult => ({ content: [{ type: "text", text: value }] });

const askName = (message: string): InputRequest =>
  inputRequired.elicit({ message, requestedSchema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] } });
const askConfirm = (): InputRequest =>
  inputRequired.elicit({ message: "Please confirm", requestedSchema: { type: "object", properties: { ok: { type: "boolean" } }, required: ["ok"] } });
const askCapital = (): InputRequest =>
  inputRequired.createMessage({ messages: [{ role: "user", content: { type: "text", text: "What is the capital of France?" } }], maxTokens: 100 });

/** The accepted form content for `key`, or undefined when it is missing, declined or another kind of answer. */
function form(ctx: ServerContext, key: string): Record<string, unknown> | undefined {
  const answer = inputResponse(ctx.mcpReq.inputResponses, key);
  return answer.kind === "elicit" && answer.action === "accept" ? (answer.content ?? {}) : undefined;
}

/**
 * The SEP-2322 (multi round-trip) fixtures. A missing or unusable answer is
 * asked for again rather than failed, as the spec recommends; requestState
 * is minted by the HMAC codec whose verify the server runs before every
 * retry, so a tampered state never reaches a handler (-32602 at the seam).
 */
export function registerInputRequiredTools(server: McpServer, codec: RequestStateCodec<RoundState>): void {
  const state = (ctx: ServerContext) => ctx.mcpReq.requestState<RoundState>();
  const mint = (tool: string, round: number, ctx: ServerContext) => codec.mint({ tool, round }, ctx);

  server.registerTool("test_input_required_result_elicitation", { description: "Asks for a name, then greets." }, async (ctx): Promise<ToolAnswer> => {
    const name = form(ctx, "user_name")?.name;
    if (typeof name !== "string") return inputRequired({ inputRequests: { user_name: askName("What is your name?") } });
    return text(`Hello, ${name}!`);
  });

  server.registerTool("test_input_required_result_sampling", { description: "Asks the client's model a question." }, async (ctx): Promise<ToolAnswer> => {
    const answer = inputResponse(ctx.mcpReq.inputResponses, "capital_question");
    if (answer.kind !== "sampling") return inputRequired({ inputRequests: { capital_question: askCapital() } });
    return text(`The model said: ${samplingText(answer.result)}`);
  });

  server.registerTool("test_input_required_result_list_roots", { description: "Asks for the client's roots." }, async (ctx): Promise<ToolAnswer> => {
    const answer = inputResponse(ctx.mcpReq.inputResponses, "client_roots");
    if (answer.kind !== "roots") return inputRequired({ inputRequests: { client_roots: inputRequired.listRoots() } });
    return text(`Roots: ${answer.roots.map((root) => root.uri).join(", ") || "(none)"}`);
  });

  server.registerTool("test_input_required_result_request_state", { description: "Round-trips a signed requestState." }, async (ctx): Promise<ToolAnswer> => {
    const echoed = state(ctx);
    if (echoed?.tool === "test_input_required_result_request_state" && form(ctx, "confirm")) return text("state-ok: the echoed requestState verified");
    return inputRequired({ inputRequests: { confirm: askConfirm() }, requestState: await mint("test_input_required_result_request_state", 1, ctx) });
  });

  server.registerTool("test_input_required_result_multiple_inputs", { description: "Asks for a form, a sampling answer and the roots at once." }, async (ctx): Promise<ToolAnswer> => {
    const greeting = inputResponse(ctx.mcpReq.inputResponses, "greeting");
    const roots = inputResponse(ctx.mcpReq.inputResponses, "client_roots");
    const name = form(ctx, "user_name")?.name;
    if (state(ctx) && typeof name === "string" && greeting.kind === "sampling" && roots.kind === "roots") {
      return text(`${samplingText(greeting.result)} ${name}, across ${roots.roots.length} root(s)`);
    }
    return inputRequired({
      inputRequests: {
        user_name: askName("What is your name?"),
        greeting: inputRequired.createMessage({ messages: [{ role: "user", content: { type: "text", text: "Generate a greeting" } }], maxTokens: 50 }),
        client_roots: inputRequired.listRoots(),
      },
      requestState: await mint("test_input_required_result_multiple_inputs", 1, ctx),
    });
  });

  server.registerTool("test_input_required_result_multi_round", { description: "Asks two questions in two rounds." }, async (ctx): Promise<ToolAnswer> => {
    const round = state(ctx)?.tool === "test_input_required_result_multi_round" ? state(ctx)!.round : 0;
    const color = form(ctx, "step2")?.color;
    if (round === 2 && typeof color === "string") return text(`Both rounds answered; favourite color ${color}`);
    const name = form(ctx, "step1")?.name;
    if (round >= 1 && typeof name === "string") {
      const step2 = inputRequired.elicit({
        message: "Step 2: What is your favorite color?",
        requestedSchema: { type: "object", properties: { color: { type: "string" } }, required: ["color"] },
      });
      return inputRequired({ inputRequests: { step2 }, requestState: await mint("test_input_required_result_multi_round", 2, ctx) });
    }
    return inputRequired({ inputRequests: { step1: askName("Step 1: What is your name?") }, requestState: await mint("test_input_required_result_multi_round", 1, ctx) });
  });

  server.registerTool("test_input_required_result_tampered_state", { description: "Rejects a requestState the client changed." }, async (ctx): Promise<ToolAnswer> => {
    if (state(ctx)?.tool === "test_input_required_result_tampered_state" && form(ctx, "confirm")) return text("Request state verified.");
    return inputRequired({ inputRequests: { confirm: askConfirm() }, requestState: await mint("test_input_required_result_tampered_state", 1, ctx) });
  });

  // Asks only for what the caller declared it can answer.
  server.registerTool("test_input_required_result_capabilities", { description: "Asks only for inputs the client can provide." }, async (ctx): Promise<ToolAnswer> => {
    const declared = server.server.getClientCapabilities() ?? {};
    const answered = Object.keys(ctx.mcpReq.inputResponses ?? {});
    const wanted: Record<string, InputRequest> = {};
    if (declared.sampling && !answered.includes("capital_question")) wanted.capital_question = askCapital();
    if (declared.elicitation && !answered.includes("user_name")) wanted.user_name = askName("What is your name?");
    if (Object.keys(wanted).length === 0) return text(`Answered: ${answered.join(", ") || "nothing (the client declared no input capability)"}`);
    return inputRequired({ inputRequests: wanted });
  });

  server.registerPrompt("test_input_required_result_prompt", { description: "A prompt that first asks for context." }, async (ctx) => {
    const context = form(ctx, "user_context")?.context;
    if (typeof context !== "string") {
      return inputRequired({
        inputRequests: {
          user_context: inputRequired.elicit({
            message: "What context should the prompt use?",
            requestedSchema: { type: "object", properties: { context: { type: "string" } }, required: ["context"] },
          }),
        },
      });
    }
    return { messages: [{ role: "user", content: { type: "text", text: `Use this context: ${context}` } }] };
  });
}
