import type { McpServer } from "@modelcontextprotocol/server";

/** What the change triggers flip; shared by every server instance of one upstream. */
export type DynamicCatalog = { extraTool: boolean; extraPrompt: boolean };

/** Publishes list changes to open 2026-07-28 subscriptions/listen streams. */
export type ListChangePublisher = { toolsChanged(): void; promptsChanged(): void };

// enable()/disable() announce the change on a connected (2025-11-25 session) server.
function setEnabled(entry: { enabled: boolean; enable(): void; disable(): void }, enabled: boolean) {
  if (entry.enabled === enabled) return;
  if (enabled) entry.enable();
  else entry.disable();
}

/**
 * The server-stateless diagnostics that change the tool and the prompt list.
 * On 2026-07-28 every request gets a fresh instance, so the change lives in
 * the shared catalog and is announced on the listen bus; a 2025-11-25
 * session's long-lived instance also flips its own entry, which makes the SDK
 * send notifications/…/list_changed on the session's GET stream.
 */
export function registerListChangeTools(server: McpServer, catalog: DynamicCatalog, publish: ListChangePublisher, era: "legacy" | "modern"): void {
  const extraTool = server.registerTool("test_dynamic_tool", { description: "Listed only while test_trigger_tool_change has it switched on." }, async () => ({
    content: [{ type: "text", text: "dynamic tool called" }],
  }));
  const extraPrompt = server.registerPrompt("test_dynamic_prompt", { description: "Listed only while test_trigger_prompt_change has it switched on." }, async () => ({
    messages: [{ role: "user", content: { type: "text", text: "dynamic prompt" } }],
  }));
  setEnabled(extraTool, catalog.extraTool);
  setEnabled(extraPrompt, catalog.extraPrompt);

  server.registerTool("test_trigger_tool_change", { description: "Adds or removes test_dynamic_tool." }, async () => {
    catalog.extraTool = !catalog.extraTool;
    if (era === "legacy") setEnabled(extraTool, catalog.extraTool);
    publish.toolsChanged();
    return { content: [{ type: "text", text: `test_dynamic_tool is now ${catalog.extraTool ? "listed" : "hidden"}` }] };
  });
  server.registerTool("test_trigger_prompt_change", { description: "Adds or removes test_dynamic_prompt." }, async () => {
    catalog.extraPrompt = !catalog.extraPrompt;
    if (era === "legacy") setEnabled(extraPrompt, catalog.extraPrompt);
    publish.promptsChanged();
    return { content: [{ type: "text", text: `test_dynamic_prompt is now ${catalog.extraPrompt ? "listed" : "hidden"}` }] };
  });
}
