import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { db } from "@/lib/db/prisma";
import { addUserToOrg, createTenant, createUser, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { assertLocalDatabase } from "@/lib/testing/scratch-database";
import type { Role } from "@/lib/generated/prisma/enums";
import { E2E } from "./settings";

// The tests seed their own tenants straight into the app's database: only ever a local one.
process.env.DATABASE_URL = E2E.databaseUrl();
assertLocalDatabase(process.env.DATABASE_URL);
process.env.DATABASE_POOL_SIZE ??= "2";

export type Person = { id: string; email: string; name: string; password: string };
export type Tenant = { slug: string; orgId: string; owner: Person; addPerson: (role: Role) => Promise<Person> };

/** Signs in through next-auth's credentials endpoint; the session cookie lands in the page's context. */
export async function signIn(request: APIRequestContext, person: { email: string; password: string }) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: person.email, password: person.password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user?.email, `sign-in as ${person.email}`).toBe(person.email);
}

export async function signInPage(page: Page, person: { email: string; password: string }) {
  await signIn(page.request, person);
}

export const test = base.extend<{ tenant: Tenant }>({
  // A fresh organization with its own OWNER for every test.
  tenant: async ({}, use) => {
    const { org, owner } = await createTenant();
    await use({
      slug: org.slug,
      orgId: org.id,
      owner: { ...owner, password: TEST_PASSWORD },
      addPerson: async (role) => ({ ...(await addUserToOrg(org.id, role, await createUser())), password: TEST_PASSWORD }),
    });
  },
});

export { expect, db };
