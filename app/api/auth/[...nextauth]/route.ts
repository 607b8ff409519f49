import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request: the secret and OIDC settings come from the
// environment that start-up completes.
async function handler(req: Request, context: RouteContext) {
  return NextAuth(req as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
