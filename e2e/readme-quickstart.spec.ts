import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { db, expect, signIn, test } from "./fixtures";
import { E2E } from "./settings";

// The README's "first bot call" block, run as written against the seeded demo server.
test("the README quick start's curl calls list and call the demo tools", async ({ request }) => {
  const readme = readFileSync("README.md", "utf8");
  const block = /<!-- quickstart:begin -->\s*```sh\n([\s\S]*?)```\s*<!-- quickstart:end -->/.exec(readme)?.[1];
  expect(block, "README quick-start block").toBeTruthy();

  // Steps 1-3, as the first-run admin would do them (through the API rather than the pages).
  await signIn(request, E2E.admin);
  const headers = { "content-type": "application/json", origin: E2E.baseURL };
  const base = `/v1/orgs/${E2E.seedOrg}`;
  const account = await (await request.post(`${base}/service-accounts`, { headers, data: { name: `readme-${Date.now()}` } })).json();
  const { token } = await (await request.post(`${base}/service-accounts/${account.id}/tokens`, { headers, data: {} })).json();
  const org = await db().organization.findUniqueOrThrow({ where: { slug: E2E.seedOrg } });
  const demo = await db().toolset.findFirstOrThrow({ where: { orgId: org.id, name: "Demo" } });
  expect((await request.post(`${base}/toolsets/${demo.id}/assignments`, { headers, data: { serviceAccountId: account.id } })).status()).toBe(201);

  // Same commands; only the values of the first line are this test's.
  const script = block!.replace(/^export .*$/m, `export CR=${E2E.baseURL} ORG=${E2E.seedOrg} TOKEN=${token}`);
  const output = execFileSync("bash", ["-euo", "pipefail", "-c", script], { encoding: "utf8", timeout: 30_000 });
  // Each answer is a JSON body, or an SSE stream whose data lines carry the messages: clients take either.
  const messages = output
    .split("\n")
    .map((line) => (line.startsWith("data: ") ? line.slice(6) : line))
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line));
  expect(messages).toHaveLength(2);
  expect(messages[0].result.tools.map((t: { name: string }) => t.name).sort()).toEqual(["demo__add", "demo__current_time", "demo__echo"]);
  expect(messages[1].result.content).toEqual([{ type: "text", text: "42" }]);
});
