import { orgRoute } from "@/lib/http/org-route";
import { describeCaller } from "@/lib/auth/describe-caller";

// For scripts checking their credentials: who this token (or session) is.
export const GET = orgRoute({ permission: "org.read", tokens: true }, async (access) => describeCaller(access));
