import { ResourceTemplate, type McpServer } from "@modelcontextprotocol/server";
import { PNG_BASE64 } from "./assets";

/** The resources of the resources-* scenarios, and resources/subscribe for the 2025-11-25 session. */
export function registerResources(server: McpServer): void {
  server.registerResource("static-text", "test://static-text", { title: "Static Text Resource", description: "A static text resource.", mimeType: "text/plain" }, async (uri) => ({
    contents: [{ uri: uri.href, mimeType: "text/plain", text: "This is the content of the static text resource." }],
  }));
  server.registerResource("static-binary", "test://static-binary", { title: "Static Binary Resource", description: "A static PNG.", mimeType: "image/png" }, async (uri) => ({
    contents: [{ uri: uri.href, mimeType: "image/png", blob: PNG_BASE64 }],
  }));
  server.registerResource(
    "template",
    new ResourceTemplate("test://template/{id}/data", { list: undefined }),
    { title: "Resource Template", description: "Data for one id.", mimeType: "application/json" },
    async (uri, { id }) => ({
      contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }) }],
    }),
  );
  server.registerResource("watched-resource", "test://watched-resource", { title: "Watched Resource", description: "A resource one can subscribe to.", mimeType: "text/plain" }, async (uri) => ({
    contents: [{ uri: uri.href, mimeType: "text/plain", text: "Watched resource content" }],
  }));

  // Subscriptions live as long as this instance, i.e. one 2025-11-25 session.
  // 2026-07-28 has no resources/subscribe (the SDK answers -32601 there).
  const subscribed = new Set<string>();
  server.server.setRequestHandler("resources/subscribe", async (request) => {
    subscribed.add(request.params.uri);
    return {};
  });
  server.server.setRequestHandler("resources/unsubscribe", async (request) => {
    subscribed.delete(request.params.uri);
    return {};
  });
}
