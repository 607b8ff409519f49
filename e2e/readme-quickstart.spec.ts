import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { db, expect, test } from "./fixtures";
import { E2E } from "./settings";
import { mintServiceToken } from "@/lib/tokens/mint-service-token";
import { SYSTEM_ACTOR } from "@/lib/auth/principal";

// The README's "first bot call" block, run as written against the seeded demo server.
test("the README quick start's curl calls list and call the demo tools", async () => {
  const readme = readFileSync("README.md", "utf8");
  const block = /<!-- quickstart:begin -->\s*```sh\n([\s\S]*?)```\s*<!-- quickstart:end -->/.exec(readme)?.[1];
  expect(block, "README quick-start block").toBeTruthy();

  // What a person does in the browser (create an account, mint a token, assign Demo), done directly.
  const org = await db().organization.findUniqueOrThrow({ where: { slug: E2E.seedOrg } });
  const demo = await db().toolset.findFirstOrThrow({ where: { orgId: org.id, name: "Demo" } });
  const account = await db().serviceAccount.create({ data: { orgId: org.id, name: `readme-${Date.now()}` } });
  await db().toolsetAssignment.create({ data: { orgId: org.id, toolsetId: demo.id, serviceAccountId: account.id } });
  const audit = { actor: SYSTEM_ACTOR, ip: null, userAgent: null, requestId: null };
  const { token } = await mintServiceToken({ orgId: org.id, owner: { serviceAccountId: account.id }, input: { name: "readme" }, createdById: null, audit });

  // Same commands; only the values of the first line are this test's.
  const script = block!.replace(/^export .*$/m, `export CR=${E2E.baseURL} ORG=${E2E.seedOrg} TOKEN=${token}`);
  const output = execFileSync("bash", ["-euo", "pipefail", "-c", script], { encoding: "utf8", timeout: 30_000 });
  const messages = output
    .split("\n")
    .filter((line) => line.startsWith("data: "))
    .map((line) => JSON.parse(line.slice(6)));
  expect(messages).toHaveLength(2);
  expect(messages[0].result.tools.map((t: { name: string }) => t.name).sort()).toEqual(["demo__add", "demo__current_time", "demo__echo"]);
  expect(messages[1].result.content).toEqual([{ type: "text", text: "42" }]);
});
