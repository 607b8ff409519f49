import { completable, type McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { PNG_BASE64 } from "./assets";

const ARG1_SUGGESTIONS = ["paris", "park", "party", "test", "testValue1"];

/** The prompts of the prompts-* scenarios; arg1 of test_prompt_with_arguments also answers completion/complete. */
export function registerPrompts(server: McpServer): void {
  server.registerPrompt("test_simple_prompt", { title: "Simple Test Prompt", description: "A prompt without arguments." }, async () => ({
    messages: [{ role: "user", content: { type: "text", text: "This is a simple prompt for testing." } }],
  }));

  server.registerPrompt(
    "test_prompt_with_arguments",
    {
      title: "Prompt With Arguments",
      description: "A prompt with two required arguments.",
      argsSchema: z.object({
        arg1: completable(z.string().describe("First test argument"), (value) => ARG1_SUGGESTIONS.filter((s) => s.startsWith(value))),
        arg2: z.string().describe("Second test argument"),
      }),
    },
    async ({ arg1, arg2 }) => ({ messages: [{ role: "user", content: { type: "text", text: `Prompt with arguments: arg1='${arg1}', arg2='${arg2}'` } }] }),
  );

  server.registerPrompt(
    "test_prompt_with_embedded_resource",
    { title: "Prompt With Embedded Resource", description: "A prompt that embeds the resource it is given.", argsSchema: z.object({ resourceUri: z.string().describe("URI of the resource to embed") }) },
    async ({ resourceUri }) => ({
      messages: [
        { role: "user", content: { type: "resource", resource: { uri: resourceUri, mimeType: "text/plain", text: "Embedded resource content for testing." } } },
        { role: "user", content: { type: "text", text: "Please process the embedded resource above." } },
      ],
    }),
  );

  server.registerPrompt("test_prompt_with_image", { title: "Prompt With Image", description: "A prompt that includes an image." }, async () => ({
    messages: [
      { role: "user", content: { type: "image", data: PNG_BASE64, mimeType: "image/png" } },
      { role: "user", content: { type: "text", text: "Please analyze the image above." } },
    ],
  }));
}
