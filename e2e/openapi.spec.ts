import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, signInPage, test } from "./fixtures";

// The API document against the route files on disk: a route added under
// app/v1 and left out of the document fails here, with its path and method.

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Every route file under app/v1, as an OpenAPI path, with the HTTP methods it exports. */
function routeFiles(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = METHODS.filter((method) =>
          new RegExp(`export (const|async function|function) ${method}\\b|export \\{[^}]*\\bas ${method}\\b[^}]*\\}`).test(source),
        );
        const route = "/" + path.relative("app", dir).split(path.sep).join("/");
        found.set(route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}"), methods);
      }
    }
  };
  walk(path.join("app", "v1"));
  return found;
}

test("/v1/openapi.json describes every /v1 route file with its methods, and problem+json once", async ({ request }) => {
  const response = await request.get("/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toMatch(/^3\.1\./);

  const files = routeFiles();
  expect(files.size).toBeGreaterThan(40);
  for (const [route, methods] of files) {
    expect(methods.length, `${route} exports a method`).toBeGreaterThan(0);
    expect(Object.keys(document.paths[route] ?? {}).sort(), `methods of ${route} in the document`).toEqual(methods.map((m) => m.toLowerCase()).sort());
  }
  expect(Object.keys(document.paths).sort()).toEqual([...files.keys()].sort());

  // Described once, in components; every operation of the API refers to it.
  expect(JSON.stringify(document).split("application/problem+json").length - 1).toBe(1);
  expect(document.components.responses.Problem.content["application/problem+json"].schema).toEqual({ $ref: "#/components/schemas/Problem" });
  expect(document.components.schemas.Problem.required).toEqual(expect.arrayContaining(["type", "title", "status", "detail", "requestId"]));
  for (const [route, item] of Object.entries(document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)) {
    if (route === "/v1/openapi.json") continue;
    for (const [method, operation] of Object.entries(item)) {
      expect(operation.responses["4XX"], `${method.toUpperCase()} ${route}`).toEqual({ $ref: "#/components/responses/Problem" });
    }
  }

  // From the routes' own zod schemas: the body of POST /service-accounts refuses unknown fields, as the route does.
  const create = document.paths["/v1/orgs/{orgSlug}/service-accounts"].post;
  expect(create.requestBody.content["application/json"].schema).toMatchObject({ type: "object", required: ["name"], additionalProperties: false });
  expect(create["x-permission"]).toBe("serviceAccounts.write");
  const list = document.paths["/v1/orgs/{orgSlug}/service-accounts"].get;
  expect(list.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(["path:orgSlug", "query:limit", "query:cursor", "query:status"]));
});

test("the Control Room renders the API reference from the same document", async ({ page, tenant }) => {
  await signInPage(page, tenant.owner);
  await page.goto(`/${tenant.slug}`);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  const accounts = page.getByRole("region", { name: "service-accounts" });
  await expect(accounts.getByText("/v1/orgs/{orgSlug}/service-accounts", { exact: true }).first()).toBeVisible();
  const create = accounts.locator("details").filter({ hasText: "Add a service account" });
  await create.getByText("Add a service account").click();
  await expect(create.getByText("Needs serviceAccounts.write.", { exact: false })).toBeVisible();
  await expect(create.getByRole("cell", { name: "name *" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Errors" }).getByText("requestId")).toBeVisible();
  await expect(page.getByRole("link", { name: "/v1/openapi.json" })).toHaveAttribute("href", "/v1/openapi.json");
});
