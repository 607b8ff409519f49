import { Badge } from "@/components/ui/badge";
import type { McpServer, McpServerHealth } from "@/lib/client/mcp-servers";

export const HEALTH_LABELS: Record<McpServerHealth, string> = { HEALTHY: "Healthy", ERROR: "Error", UNKNOWN: "Not synced yet" };
const HEALTH_TONES = { HEALTHY: "green", ERROR: "red", UNKNOWN: "neutral" } as const;

export function HealthBadge({ health }: { health: McpServerHealth }) {
  return <Badge tone={HEALTH_TONES[health]}>{HEALTH_LABELS[health]}</Badge>;
}

/** Health, and "Disabled" when the server is switched off (its last health still shows). */
export function McpServerStatusBadges({ server }: { server: Pick<McpServer, "health" | "enabled"> }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <HealthBadge health={server.health} />
      {server.enabled ? null : <Badge tone="amber">Disabled</Badge>}
    </span>
  );
}
