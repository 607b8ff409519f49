import { Badge } from "@/components/ui/badge";
import type { ServiceAccountStatus } from "@/lib/client/service-accounts";

export const SERVICE_ACCOUNT_STATUS_LABELS: Record<ServiceAccountStatus, string> = { ACTIVE: "Active", DISABLED: "Disabled" };

export function ServiceAccountStatusBadge({ status }: { status: ServiceAccountStatus }) {
  return <Badge tone={status === "ACTIVE" ? "indigo" : "red"}>{SERVICE_ACCOUNT_STATUS_LABELS[status]}</Badge>;
}
