import { orgRoute } from "@/lib/http/org-route";
import { listNotices } from "@/lib/notices/list-notices";

// Polled by an admin's automation, signed in as a person: it names every
// expiring token of the organization, which no service token may read.
export const GET = orgRoute({ permission: "serviceAccounts.read" }, ({ org }) => listNotices({ orgId: org.id }));
