import { clientIp } from "@/lib/http/client-ip";
import { handleGatewayRequest } from "@/lib/mcp/gateway/handle-gateway-request";

export const dynamic = "force-dynamic";

// The MCP endpoint for bots (Streamable HTTP). All the work is in lib/mcp.
async function handler(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return handleGatewayRequest(request, { slug, ip: clientIp(request.headers) });
}

export { handler as POST, handler as GET, handler as DELETE };
