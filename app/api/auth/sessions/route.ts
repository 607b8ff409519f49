import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { getSessionPrincipal } from "@/lib/auth/get-session-principal";
import { endAllUserSessions } from "@/lib/members/end-all-user-sessions";
import { problemResponse } from "@/lib/http/problem";
import { isSameOriginMutation } from "@/lib/http/same-origin";

// DELETE /api/auth/sessions: "sign out everywhere" — ends every session of
// the signed-in person on the server, this one included. People only (a
// session cookie), same-origin like every cookie mutation.
export async function DELETE(req: Request): Promise<Response> {
  const requestId = randomUUID();
  try {
    const principal = await getSessionPrincipal();
    if (!principal) throw new AppError("unauthorized", "Sign in first");
    if (!isSameOriginMutation(req)) throw new AppError("forbidden", "Cross-site request refused: the Origin header must match this site");
    await endAllUserSessions({ userId: principal.userId });
    return new Response(null, { status: 204, headers: { "X-Request-Id": requestId, "Cache-Control": "no-store" } });
  } catch (error) {
    return problemResponse(error, requestId);
  }
}
