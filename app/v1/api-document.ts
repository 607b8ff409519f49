// Every /v1 route file, for the API document (lib/openapi/build-openapi-document.ts).
// e2e/openapi.spec.ts fails when a route file under app/v1 is missing here.
import { buildOpenApiDocument, type OpenApiDocument, type RouteEntry } from "@/lib/openapi/build-openapi-document";
import packageJson from "@/package.json";
import * as activityCalls from "@/app/v1/orgs/[orgSlug]/activity/calls/route";
import * as activitySummary from "@/app/v1/orgs/[orgSlug]/activity/summary/route";
import * as auditEventsExport from "@/app/v1/orgs/[orgSlug]/audit-events/export/route";
import * as auditEvents from "@/app/v1/orgs/[orgSlug]/audit-events/route";
import * as auditEventsVerify from "@/app/v1/orgs/[orgSlug]/audit-events/verify/route";
import * as catalogTools from "@/app/v1/orgs/[orgSlug]/catalog/tools/route";
import * as groupsByGroupIdMembersByUserId from "@/app/v1/orgs/[orgSlug]/groups/[groupId]/members/[userId]/route";
import * as groupsByGroupIdMembers from "@/app/v1/orgs/[orgSlug]/groups/[groupId]/members/route";
import * as groupsByGroupId from "@/app/v1/orgs/[orgSlug]/groups/[groupId]/route";
import * as groups from "@/app/v1/orgs/[orgSlug]/groups/route";
import * as mcpServersByServerId from "@/app/v1/orgs/[orgSlug]/mcp-servers/[serverId]/route";
import * as mcpServersByServerIdSync from "@/app/v1/orgs/[orgSlug]/mcp-servers/[serverId]/sync/route";
import * as mcpServers from "@/app/v1/orgs/[orgSlug]/mcp-servers/route";
import * as membersByUserId from "@/app/v1/orgs/[orgSlug]/members/[userId]/route";
import * as members from "@/app/v1/orgs/[orgSlug]/members/route";
import * as networkRulesByRuleId from "@/app/v1/orgs/[orgSlug]/network-rules/[ruleId]/route";
import * as networkRules from "@/app/v1/orgs/[orgSlug]/network-rules/route";
import * as networkRulesTest from "@/app/v1/orgs/[orgSlug]/network-rules/test/route";
import * as notices from "@/app/v1/orgs/[orgSlug]/notices/route";
import * as organization from "@/app/v1/orgs/[orgSlug]/route";
import * as serviceAccountsByServiceAccountIdAccessMode from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/access-mode/route";
import * as serviceAccountsByServiceAccountIdActivity from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/activity/route";
import * as serviceAccountsByServiceAccountIdActivitySummary from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/activity/summary/route";
import * as serviceAccountsByServiceAccountIdEffectiveAccess from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/effective-access/route";
import * as serviceAccountsByServiceAccountIdGrants from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/grants/route";
import * as serviceAccountsByServiceAccountIdNetworkRulesByRuleId from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/network-rules/[ruleId]/route";
import * as serviceAccountsByServiceAccountIdNetworkRules from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/network-rules/route";
import * as serviceAccountsByServiceAccountIdPermissions from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/permissions/route";
import * as serviceAccountsByServiceAccountId from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/route";
import * as serviceAccountsByServiceAccountIdTokensByTokenId from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/tokens/[tokenId]/route";
import * as serviceAccountsByServiceAccountIdTokensByTokenIdRoll from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/tokens/[tokenId]/roll/route";
import * as serviceAccountsByServiceAccountIdTokens from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/tokens/route";
import * as serviceAccountsByServiceAccountIdToolsets from "@/app/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/toolsets/route";
import * as serviceAccounts from "@/app/v1/orgs/[orgSlug]/service-accounts/route";
import * as serviceTokensByTokenIdAccessMode from "@/app/v1/orgs/[orgSlug]/service-tokens/[tokenId]/access-mode/route";
import * as serviceTokensByTokenIdGrants from "@/app/v1/orgs/[orgSlug]/service-tokens/[tokenId]/grants/route";
import * as serviceTokensByTokenIdPermissions from "@/app/v1/orgs/[orgSlug]/service-tokens/[tokenId]/permissions/route";
import * as serviceTokensByTokenIdRoll from "@/app/v1/orgs/[orgSlug]/service-tokens/[tokenId]/roll/route";
import * as serviceTokensByTokenId from "@/app/v1/orgs/[orgSlug]/service-tokens/[tokenId]/route";
import * as serviceTokens from "@/app/v1/orgs/[orgSlug]/service-tokens/route";
import * as settings from "@/app/v1/orgs/[orgSlug]/settings/route";
import * as toolsetsByToolsetIdAssignmentsByAssignmentId from "@/app/v1/orgs/[orgSlug]/toolsets/[toolsetId]/assignments/[assignmentId]/route";
import * as toolsetsByToolsetIdAssignments from "@/app/v1/orgs/[orgSlug]/toolsets/[toolsetId]/assignments/route";
import * as toolsetsByToolsetId from "@/app/v1/orgs/[orgSlug]/toolsets/[toolsetId]/route";
import * as toolsetsByToolsetIdToolsByToolId from "@/app/v1/orgs/[orgSlug]/toolsets/[toolsetId]/tools/[toolId]/route";
import * as toolsetsByToolsetIdTools from "@/app/v1/orgs/[orgSlug]/toolsets/[toolsetId]/tools/route";
import * as toolsets from "@/app/v1/orgs/[orgSlug]/toolsets/route";
import * as whoami from "@/app/v1/orgs/[orgSlug]/whoami/route";

const ROUTES: RouteEntry[] = [
  { path: "/v1/orgs/[orgSlug]/activity/calls", module: activityCalls },
  { path: "/v1/orgs/[orgSlug]/activity/summary", module: activitySummary },
  { path: "/v1/orgs/[orgSlug]/audit-events/export", module: auditEventsExport },
  { path: "/v1/orgs/[orgSlug]/audit-events", module: auditEvents },
  { path: "/v1/orgs/[orgSlug]/audit-events/verify", module: auditEventsVerify },
  { path: "/v1/orgs/[orgSlug]/catalog/tools", module: catalogTools },
  { path: "/v1/orgs/[orgSlug]/groups/[groupId]/members/[userId]", module: groupsByGroupIdMembersByUserId },
  { path: "/v1/orgs/[orgSlug]/groups/[groupId]/members", module: groupsByGroupIdMembers },
  { path: "/v1/orgs/[orgSlug]/groups/[groupId]", module: groupsByGroupId },
  { path: "/v1/orgs/[orgSlug]/groups", module: groups },
  { path: "/v1/orgs/[orgSlug]/mcp-servers/[serverId]", module: mcpServersByServerId },
  { path: "/v1/orgs/[orgSlug]/mcp-servers/[serverId]/sync", module: mcpServersByServerIdSync },
  { path: "/v1/orgs/[orgSlug]/mcp-servers", module: mcpServers },
  { path: "/v1/orgs/[orgSlug]/members/[userId]", module: membersByUserId },
  { path: "/v1/orgs/[orgSlug]/members", module: members },
  { path: "/v1/orgs/[orgSlug]/network-rules/[ruleId]", module: networkRulesByRuleId },
  { path: "/v1/orgs/[orgSlug]/network-rules", module: networkRules },
  { path: "/v1/orgs/[orgSlug]/network-rules/test", module: networkRulesTest },
  { path: "/v1/orgs/[orgSlug]/notices", module: notices },
  { path: "/v1/orgs/[orgSlug]", module: organization },
  { path: "/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/access-mode", module: serviceAccountsByServiceAccountIdAccessMode },
  { path: "/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/activity", module: serviceAccountsByServiceAccountIdActivity },
  { path: "/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/activity/summary", module: serviceAccountsByServiceAccountIdActivitySummary },
  { path: "/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/effective-access", module: serviceAccountsByServiceAccountIdEffectiveAccess },
  { path: "/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/grants", module: serviceAccountsByServiceAccountIdGrants },
  { path: "/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/network-rules/[ruleId]", module: serviceAccountsByServiceAccountIdNetworkRulesByRuleId },
  { path: "/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/network-rules", module: serviceAccountsByServiceAccountIdNetworkRules },
  { path: "/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/permissions", module: serviceAccountsByServiceAccountIdPermissions },
  { path: "/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]", module: serviceAccountsByServiceAccountId },
  { path: "/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/tokens/[tokenId]", module: serviceAccountsByServiceAccountIdTokensByTokenId },
  { path: "/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/tokens/[tokenId]/roll", module: serviceAccountsByServiceAccountIdTokensByTokenIdRoll },
  { path: "/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/tokens", module: serviceAccountsByServiceAccountIdTokens },
  { path: "/v1/orgs/[orgSlug]/service-accounts/[serviceAccountId]/toolsets", module: serviceAccountsByServiceAccountIdToolsets },
  { path: "/v1/orgs/[orgSlug]/service-accounts", module: serviceAccounts },
  { path: "/v1/orgs/[orgSlug]/service-tokens/[tokenId]/access-mode", module: serviceTokensByTokenIdAccessMode },
  { path: "/v1/orgs/[orgSlug]/service-tokens/[tokenId]/grants", module: serviceTokensByTokenIdGrants },
  { path: "/v1/orgs/[orgSlug]/service-tokens/[tokenId]/permissions", module: serviceTokensByTokenIdPermissions },
  { path: "/v1/orgs/[orgSlug]/service-tokens/[tokenId]/roll", module: serviceTokensByTokenIdRoll },
  { path: "/v1/orgs/[orgSlug]/service-tokens/[tokenId]", module: serviceTokensByTokenId },
  { path: "/v1/orgs/[orgSlug]/service-tokens", module: serviceTokens },
  { path: "/v1/orgs/[orgSlug]/settings", module: settings },
  { path: "/v1/orgs/[orgSlug]/toolsets/[toolsetId]/assignments/[assignmentId]", module: toolsetsByToolsetIdAssignmentsByAssignmentId },
  { path: "/v1/orgs/[orgSlug]/toolsets/[toolsetId]/assignments", module: toolsetsByToolsetIdAssignments },
  { path: "/v1/orgs/[orgSlug]/toolsets/[toolsetId]", module: toolsetsByToolsetId },
  { path: "/v1/orgs/[orgSlug]/toolsets/[toolsetId]/tools/[toolId]", module: toolsetsByToolsetIdToolsByToolId },
  { path: "/v1/orgs/[orgSlug]/toolsets/[toolsetId]/tools", module: toolsetsByToolsetIdTools },
  { path: "/v1/orgs/[orgSlug]/toolsets", module: toolsets },
  { path: "/v1/orgs/[orgSlug]/whoami", module: whoami },
  {
    path: "/v1/openapi.json",
    module: { GET: true },
    describe: {
      GET: {
        operationId: "getOpenApiDocument",
        summary: "This document",
        description: "The OpenAPI 3.1 description of the admin API. No authentication.",
        tags: ["meta"],
        security: [],
        responses: { "200": { description: "The document", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
  },
];

let document: OpenApiDocument | undefined;

/** The admin API's OpenAPI document, built once per process from the route files' own schemas. */
export function apiDocument(): OpenApiDocument {
  return (document ??= buildOpenApiDocument({ routes: ROUTES, version: packageJson.version }));
}
