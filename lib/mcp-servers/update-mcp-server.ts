import "server-only";
import { forOrg } from "@/lib/db/for-org";
import { AppError, notFound } from "@/lib/errors";
import type { OrgChange } from "@/lib/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { encryptJson } from "@/lib/secrets/secret-box";
import { syncCatalog } from "@/lib/mcp/sync-catalog";
import { checkUpstreamUrl } from "@/lib/mcp-servers/check-upstream-url";
import type { UpdateMcpServerInput } from "@/lib/mcp-servers/contract";
import { mcpServerSelect, mcpServerSnapshot, toMcpServerView, type McpServerView } from "@/lib/mcp-servers/mcp-server-view";

/**
 * Changes a server's settings. `headers` replaces every header ({} clears
 * them). Disabling takes its tools out of every list and call at once;
 * a changed URL, headers or timeout reconnects and re-syncs.
 */
export async function updateMcpServer({
  orgId,
  serverId,
  input,
  audit,
}: OrgChange<{ serverId: string; input: UpdateMcpServerInput }>): Promise<McpServerView> {
  if (input.url) await checkUpstreamUrl(input.url);
  const updated = await forOrg(orgId).$transaction(async (tx) => {
    const before = await tx.mcpServer.findFirst({ where: { id: serverId, orgId }, select: mcpServerSelect });
    if (!before) throw notFound("MCP server");
    // Stored header values (API keys) never follow the server to another origin unasked.
    if (input.url && before.headerNames.length && !input.headers && new URL(input.url).origin !== new URL(before.url).origin) {
      const message = "The URL moves to another origin: send the headers again (or {} to drop them), so stored values are never sent somewhere new";
      throw new AppError("validation_failed", `headers: ${message}`, { fields: [{ field: "headers", message }] });
    }
    const after = await tx.mcpServer.update({
      where: { id: before.id },
      data: {
        name: input.name,
        url: before.builtin ? undefined : input.url,
        timeoutMs: input.timeoutMs,
        enabled: input.enabled,
        ...(input.headers && !before.builtin
          ? { headerNames: Object.keys(input.headers), headersEncrypted: Object.keys(input.headers).length ? encryptJson(input.headers) : null }
          : {}),
      },
      select: mcpServerSelect,
    });
    const action = input.enabled === false && before.enabled ? "mcp_server.disable" : input.enabled && !before.enabled ? "mcp_server.enable" : "mcp_server.update";
    await recordAuditEvent(tx, audit, {
      orgId,
      action,
      target: { kind: "mcp_server", id: before.id },
      before: mcpServerSnapshot(before),
      after: { ...mcpServerSnapshot(after), ...(input.headers ? { headersReplaced: true } : {}) },
    });
    return after;
  });
  const reconnect = input.url !== undefined || input.headers !== undefined || input.timeoutMs !== undefined || input.enabled === true;
  if (updated.enabled && reconnect) await syncCatalog({ orgId, serverId, audit });
  return toMcpServerView(await forOrg(orgId).mcpServer.findUniqueOrThrow({ where: { id: serverId }, select: mcpServerSelect }));
}
