import { apiDocument } from "@/app/v1/api-document";

// GET /v1/openapi.json: the admin API's OpenAPI 3.1 document, public like any API description.
export function GET() {
  return Response.json(apiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
