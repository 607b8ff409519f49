import { cidrContains, parseAddress } from "@/lib/network/cidr";
import type { AllowlistRule as Rule, LayerVerdict, AllowlistVerdict } from "@/lib/network/contract";
export type { AllowlistRule as Rule, LayerVerdict, AllowlistVerdict } from "@/lib/network/contract";

/**
 * A call must pass every layer that has entries; an empty layer restricts
 * nothing. No known client address passes no non-empty layer.
 */
export function evaluateAllowlists(rules: Rule[], ip: string | null, serviceAccountId: string | null): AllowlistVerdict {
  const address = ip ? parseAddress(ip) : null;
  const layers: LayerVerdict[] = [
    { layer: "organization", rules: rules.filter((r) => r.serviceAccountId === null) },
    ...(serviceAccountId ? [{ layer: "service_account" as const, rules: rules.filter((r) => r.serviceAccountId === serviceAccountId) }] : []),
  ].map(({ layer, rules: layerRules }) => ({
    layer: layer as LayerVerdict["layer"],
    entries: layerRules.length,
    matched: address ? (layerRules.find((r) => cidrContains(r.cidr, address)) ?? null) : null,
  }));
  return { allowed: layers.every((l) => l.entries === 0 || l.matched !== null), layers };
}
