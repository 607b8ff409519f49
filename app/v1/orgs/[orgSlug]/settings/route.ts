import { orgRoute } from "@/lib/http/org-route";
import { orgSettingsSchema } from "@/lib/network/network-rule-schemas";
import { getOrgSettings, updateOrgSettings } from "@/lib/orgs/update-org-settings";

export const GET = orgRoute({ permission: "network.read" }, ({ org }) => getOrgSettings({ orgId: org.id }));

export const PATCH = orgRoute({ permission: "network.write", body: orgSettingsSchema }, ({ org, body, audit }) => updateOrgSettings({ orgId: org.id, input: body, audit }));
