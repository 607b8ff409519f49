import { orgRoute } from "@/lib/http/org-route";
import { describeCaller } from "@/lib/auth/describe-caller";

// For scripts checking their credentials: who this token (or session) is; it touches no resource.
export const GET = orgRoute({ permission: "org.read", tokens: true, resource: null }, async (access) => describeCaller(access));
