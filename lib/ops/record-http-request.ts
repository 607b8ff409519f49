import { metrics } from "@/lib/ops/metrics-registry";

/** One served HTTP request, by route pattern (lib/ops/observe-request.ts calls this for every request). */
export function recordHttpRequest({ method, route, status, durationMs }: { method: string; route: string; status: number; durationMs: number }): void {
  const labels = { method, route, status: String(status) };
  metrics().httpRequests.inc(labels);
  metrics().httpDuration.observe(labels, durationMs / 1000);
}
