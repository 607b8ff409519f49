import { orgRoute } from "@/lib/http/org-route";

export const GET = orgRoute({ permission: "org.read" }, async ({ org, role }) => ({ ...org, role }));
