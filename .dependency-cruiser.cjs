// The import rings (docs/architecture.md, "Rings"), checked by `npm run lint`.
// From the bottom up:
//   kernel    lib/*.ts (errors, env, logger, principal types, ids, cursors,
//             client IP, outcome tables), lib/config, lib/generated: no domain
//   platform  lib/db, lib/ops, lib/secrets: the kernel and each other
//   domains   every other lib/<folder>: the kernel, the platform and other
//             domains, with no cycle between two domains
//   adapters  lib/http (REST), the MCP endpoint (lib/mcp/relay/handle-mcp-request.ts),
//             lib/openapi, lib/jobs: anything below
//   top       app/, components/, lib/client, server.ts, scripts/, e2e/, lib/testing
// And what the plain-Node entries (server.ts, the npm scripts) load carries no `import "server-only"`.
// Tests may import anything and are not cruised.

const KERNEL = "^lib/([^/]+\\.tsx?$|config/|generated/)";
const PLATFORM = "^lib/(db|ops|secrets)/";
const ADAPTERS = "^lib/(http|openapi|jobs)/|^lib/mcp/relay/handle-mcp-request\\.ts$";
const TOP = "^(app|components|scripts|e2e)/|^lib/(client|testing)/|^server\\.ts$";
const DOMAINS = "^lib/(?!(db|ops|secrets|http|openapi|jobs|client|testing|config|generated)/)[^/]+/";
// Each domain's contract (docs/architecture.md, "One contract per domain"): its zod inputs, view types and outcome unions.
const CONTRACTS = "^lib/[^/]+/contract\\.ts$";
// Pure modules of a domain that browser code runs (a diff, form limits): no database, no server-only.
const BROWSER_SHARED = "^lib/audit/diff-audit-values\\.ts$|^lib/orgs/org-settings-schema\\.ts$|^lib/tokens/token-lifetime\\.ts$";

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "kernel-imports-no-domain",
      comment: "The kernel is what everything else stands on: it imports nothing of lib/ above it.",
      severity: "error",
      from: { path: KERNEL },
      to: { path: "^lib/", pathNot: KERNEL },
    },
    {
      name: "platform-imports-kernel-only",
      comment: "The database, operations and secrets know no domain: domains call into them, never the other way.",
      severity: "error",
      from: { path: PLATFORM },
      to: { path: "^lib/", pathNot: `${KERNEL}|${PLATFORM}` },
    },
    {
      name: "domain-imports-no-adapter",
      comment: "Services return data or throw AppError; only adapters (lib/http, the MCP endpoint) know HTTP or JSON-RPC.",
      severity: "error",
      from: { path: DOMAINS },
      to: { path: `${ADAPTERS}|${TOP}` },
    },
    {
      name: "adapter-imports-nothing-on-top",
      severity: "error",
      from: { path: ADAPTERS },
      to: { path: TOP },
    },
    {
      name: "nothing-imports-app",
      comment: "Routes and pages are leaves; the one exception lists the route modules for the API document.",
      severity: "error",
      from: { pathNot: "^app/" },
      to: { path: "^app/" },
    },
    {
      name: "lib-imports-no-component",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^components/" },
    },
    {
      name: "testing-is-for-tests",
      comment: "lib/testing holds fixtures and test upstreams; only tests, scripts and e2e use it.",
      severity: "error",
      from: { pathNot: "^(lib/testing|scripts|e2e)/" },
      to: { path: "^lib/testing/" },
    },
    {
      name: "browser-code-reaches-server-domains-by-type",
      comment: "components/ and lib/client/ fetch through /v1; from server-side folders they import types, or a pure schema or helper.",
      severity: "error",
      from: { path: "^(components|lib/client)/" },
      to: { path: `${PLATFORM}|${ADAPTERS}|^lib/generated/prisma/(client|internal)`, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "browser-code-reads-domains-through-their-contract",
      comment:
        "components/ and lib/client/ see a domain only through lib/<domain>/contract.ts, so the view types they read are the ones the server builds (a renamed field breaks their build); the listed pure modules are the exception.",
      severity: "error",
      from: { path: "^(components|lib/client)/" },
      to: { path: DOMAINS, pathNot: `${CONTRACTS}|${BROWSER_SHARED}` },
    },
    {
      name: "browser-code-imports-contracts-by-type",
      comment: "A contract holds zod schemas too: `import type` keeps them (and whatever they import) out of the browser bundle.",
      severity: "error",
      from: { path: "^(components|lib/client)/" },
      to: { path: CONTRACTS, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "scoped-domains-query-through-forOrg",
      comment:
        "These domains take their database handle for one organization (lib/db/for-org.ts), never the unscoped db(); raw SQL (effective access) keeps orgId in every statement; a person's sign-in sessions span organizations (the global UserSession table).",
      severity: "error",
      from: { path: "^lib/(toolsets|groups|members|mcp-servers|service-accounts|grants)/", pathNot: "^lib/grants/effective-access\\.ts$|^lib/members/[a-z-]*user-sessions?\\.ts$" },
      to: { path: "^lib/db/prisma\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "no-cycle-between-domains",
      comment:
        "A folder-level cycle makes two domains one. lib/mcp/relay is the mcp domain's data plane, which the catalog sync shares (its upstream client), so lib/mcp ⇄ lib/mcp/relay is one domain's inside.",
      severity: "error",
      scope: "folder",
      from: { path: "^lib/", pathNot: "^lib/mcp/relay/" },
      to: { path: "^lib/", pathNot: "^lib/mcp/relay/", circular: true },
    },
    {
      name: "plain-node-entries-load-no-server-only",
      comment:
        "server.ts and the npm scripts run under plain Node, where `import \"server-only\"` throws: nothing they load may carry it (pages' server code does; the files these entries share with pages cannot, which is why some database code has no marker).",
      severity: "error",
      from: { path: "^(server\\.ts|scripts/(jobs-cleanup|db-migration|db-drift-check|test|conformance)\\.ts)$" },
      to: { path: "(^|/)node_modules/server-only/", reachable: true },
    },
    {
      name: "no-circular-modules",
      comment: "Modules that load each other at run time (a cycle closed only by `import type` erases at build and is left alone).",
      severity: "error",
      from: { path: "^(lib|app|components)/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // node_modules stay in the graph as leaves (doNotFollow), so that a rule can see server-only.
    exclude: { path: "^lib/generated/|\\.test\\.tsx?$|^\\.next/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
