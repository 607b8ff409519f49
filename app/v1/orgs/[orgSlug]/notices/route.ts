import { orgRoute } from "@/lib/http/org-route";
import { listNotices } from "@/lib/notices/list-notices";

// Polled by an admin's automation (a bot may poll it too, where its permissions allow).
export const GET = orgRoute({ permission: "serviceAccounts.read", tokens: true, resource: null }, ({ org }) => listNotices({ orgId: org.id }));
