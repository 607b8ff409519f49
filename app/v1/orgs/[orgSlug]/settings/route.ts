import { orgRoute } from "@/lib/http/org-route";
import { orgSettingsSchema } from "@/lib/orgs/org-settings-schema";
import { getOrgSettings, updateOrgSettings } from "@/lib/orgs/update-org-settings";

export const GET = orgRoute({ permission: "settings.read" }, ({ org }) => getOrgSettings({ orgId: org.id }));

export const PATCH = orgRoute({ permission: "settings.write", body: orgSettingsSchema }, ({ org, body, audit }) => updateOrgSettings({ orgId: org.id, input: body, audit }));
