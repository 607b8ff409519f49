import { fromJsonSchema, type McpServer } from "@modelcontextprotocol/server";
import { PNG_BASE64, WAV_BASE64 } from "./assets";

// The SEP-1613 / SEP-2106 schema of json-schema-2020-12. It is advertised
// verbatim (fromJsonSchema keeps every keyword); a zod schema would lose
// $schema, $defs, $anchor and the conditional keywords the scenario checks.
const JSON_SCHEMA_2020_12 = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  $defs: {
    address: { $anchor: "addressDef", type: "object", properties: { street: { type: "string" }, city: { type: "string" } } },
  },
  properties: {
    name: { type: "string" },
    address: { $ref: "#/$defs/address" },
    contactMethod: { type: "string", enum: ["phone", "email"] },
    phone: { type: "string" },
    email: { type: "string" },
  },
  allOf: [{ anyOf: [{ required: ["phone"] }, { required: ["email"] }] }],
  if: { properties: { contactMethod: { const: "phone" } }, required: ["contactMethod"] },
  then: { required: ["phone"] },
  else: { required: ["email"] },
  additionalProperties: false,
} as const;

// x-mcp-header is a 2026-07-28 schema extension the JSON Schema type does not know.
const HEADER_PARAM_SCHEMA = {
  type: "object",
  properties: { region: { type: "string", "x-mcp-header": "Region" } },
  required: ["region"],
} as Parameters<typeof fromJsonSchema>[0];

/** Tools whose results are plain content: one per content kind, the tool-error result and the schema-preservation tool. */
export function registerContentTools(server: McpServer): void {
  server.registerTool("test_simple_text", { description: "Returns one text block." }, async () => ({
    content: [{ type: "text", text: "This is a simple text response for testing." }],
  }));
  server.registerTool("test_image_content", { description: "Returns one PNG image block." }, async () => ({
    content: [{ type: "image", data: PNG_BASE64, mimeType: "image/png" }],
  }));
  server.registerTool("test_audio_content", { description: "Returns one WAV audio block." }, async () => ({
    content: [{ type: "audio", data: WAV_BASE64, mimeType: "audio/wav" }],
  }));
  server.registerTool("test_embedded_resource", { description: "Returns one embedded text resource." }, async () => ({
    content: [{ type: "resource", resource: { uri: "test://embedded-resource", mimeType: "text/plain", text: "This is an embedded resource content." } }],
  }));
  server.registerTool("test_multiple_content_types", { description: "Returns text, an image and an embedded resource." }, async () => ({
    content: [
      { type: "text", text: "Multiple content types test:" },
      { type: "image", data: PNG_BASE64, mimeType: "image/png" },
      { type: "resource", resource: { uri: "test://mixed-content-resource", mimeType: "application/json", text: JSON.stringify({ test: "data", value: 123 }) } },
    ],
  }));
  // A tool *result* with isError, not a JSON-RPC error: tools-call-error checks exactly that.
  server.registerTool("test_error_handling", { description: "Always answers with a tool error result." }, async () => ({
    content: [{ type: "text", text: "This tool intentionally returns an error for testing" }],
    isError: true,
  }));
  server.registerTool(
    "json_schema_2020_12_tool",
    { description: "Tool with JSON Schema 2020-12 features", inputSchema: fromJsonSchema<Record<string, unknown>>(JSON_SCHEMA_2020_12) },
    async (args) => ({ content: [{ type: "text", text: `Called with ${JSON.stringify(args)}` }] }),
  );
  // SEP-2243: a string argument mirrored into the Mcp-Param-Region header on
  // 2026-07-28; the SDK checks header against body before dispatch.
  server.registerTool(
    "test_header_param",
    {
      description: "Echoes a region that clients also send as the Mcp-Param-Region header.",
      inputSchema: fromJsonSchema<{ region: string }>(HEADER_PARAM_SCHEMA),
    },
    async ({ region }) => ({ content: [{ type: "text", text: `region=${region}` }] }),
  );
}
