import { db, expect, signInPage, test } from "./fixtures";

// Issue 14, items 4 and 5: privilege changes need an explicit step; a disabled account's tokens are suspended.

test("an arrow key on a member's role changes nothing until Save", async ({ page, tenant }) => {
  const person = await tenant.addPerson("MEMBER");
  await signInPage(page, tenant.owner);
  await page.goto(`/${tenant.slug}/settings/members`);
  const role = page.getByLabel(`Role of ${person.name}`);
  await role.focus();
  await role.press("ArrowUp");
  await role.selectOption("ADMIN");
  await expect(page.getByRole("button", { name: `Save role of ${person.name}` })).toBeVisible();
  const membership = () => db().membership.findFirstOrThrow({ where: { orgId: tenant.orgId, userId: person.id } });
  expect((await membership()).role).toBe("MEMBER");
  expect(await db().auditEvent.count({ where: { orgId: tenant.orgId, action: { startsWith: "member" } } })).toBe(0);

  await page.getByRole("button", { name: `Cancel the role change of ${person.name}` }).click();
  await expect(role).toHaveValue("MEMBER");
  await role.selectOption("ADMIN");
  await page.getByRole("button", { name: `Save role of ${person.name}` }).click();
  await expect(page.getByText(`${person.name} is now an admin`)).toBeVisible();
  await expect(page.getByRole("button", { name: `Save role of ${person.name}` })).toHaveCount(0);
  expect((await membership()).role).toBe("ADMIN");
});

test("Unassign asks before taking a toolset away", async ({ page, tenant }) => {
  const account = await db().serviceAccount.create({ data: { orgId: tenant.orgId, name: "assigned-bot" } });
  const toolset = await db().toolset.create({ data: { orgId: tenant.orgId, name: "Deploy tools" } });
  await db().toolsetAssignment.create({ data: { orgId: tenant.orgId, toolsetId: toolset.id, serviceAccountId: account.id } });
  await signInPage(page, tenant.owner);
  await page.goto(`/${tenant.slug}/service-accounts/${account.id}`);
  await page.getByRole("button", { name: "Unassign Deploy tools" }).click();
  const dialog = page.getByRole("dialog", { name: "Unassign Deploy tools from assigned-bot?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect(await db().toolsetAssignment.count({ where: { serviceAccountId: account.id } })).toBe(1);
  await page.getByRole("button", { name: "Unassign Deploy tools" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Unassign", exact: true }).click();
  await expect(page.getByText("Deploy tools was unassigned from assigned-bot")).toBeVisible();
  expect(await db().toolsetAssignment.count({ where: { serviceAccountId: account.id } })).toBe(0);
});

test("a disabled account's tokens show as Suspended and are counted apart", async ({ page, tenant }) => {
  const account = await db().serviceAccount.create({ data: { orgId: tenant.orgId, name: "paused-bot", status: "DISABLED", disabledAt: new Date() } });
  await db().serviceToken.create({
    data: { orgId: tenant.orgId, serviceAccountId: account.id, name: "ci", prefix: "alk_svc_Susp1234", tokenHash: "e2e-suspended-hash-" + account.id, expiresAt: new Date(Date.now() + 30 * 86400_000) },
  });
  await signInPage(page, tenant.owner);
  await page.goto(`/${tenant.slug}/service-accounts/${account.id}`);
  const row = page.getByRole("row", { name: /alk_svc_Susp1234/ });
  await expect(row.getByText("Suspended", { exact: true })).toBeVisible();
  await expect(row.getByText("Active", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Suspended tokens")).toBeVisible();

  await page.goto(`/${tenant.slug}/service-accounts`);
  const listRow = page.getByRole("row", { name: /paused-bot/ });
  await expect(listRow.getByText("1 suspended")).toBeVisible();
});

test("the Overview: an admin sees what needs attention, a member their own toolsets", async ({ page, tenant }) => {
  const server = await db().mcpServer.create({ data: { orgId: tenant.orgId, name: "Flaky", slug: "flaky", url: "https://flaky.example.test/mcp", health: "ERROR", lastError: "connect ECONNREFUSED" } });
  const member = await tenant.addPerson("MEMBER");
  const group = await db().group.create({ data: { orgId: tenant.orgId, name: "Support" } });
  await db().groupMember.create({ data: { orgId: tenant.orgId, groupId: group.id, userId: member.id } });
  const viaGroup = await db().toolset.create({ data: { orgId: tenant.orgId, name: "Support tools" } });
  await db().toolsetAssignment.create({ data: { orgId: tenant.orgId, toolsetId: viaGroup.id, groupId: group.id } });
  const tool = await db().catalogTool.create({ data: { orgId: tenant.orgId, serverId: server.id, name: "lookup", exposedName: "flaky__lookup", title: "Look up a ticket", inputSchema: { type: "object" } } });
  await db().toolsetTool.create({ data: { orgId: tenant.orgId, toolsetId: viaGroup.id, toolId: tool.id } });
  await db().toolset.create({ data: { orgId: tenant.orgId, name: "Not theirs" } });

  await signInPage(page, tenant.owner);
  await page.goto(`/${tenant.slug}`);
  await expect(page.getByText("arrive in the next releases")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "MCP server Flaky is failing" })).toHaveAttribute("href", `/${tenant.slug}/mcp-servers/${server.id}`);
  await expect(page.getByText("connect ECONNREFUSED")).toBeVisible();

  await page.context().clearCookies();
  await signInPage(page, member);
  await page.goto(`/${tenant.slug}`);
  await expect(page.getByRole("heading", { name: "Your toolsets" })).toBeVisible();
  await expect(page.getByText("Support tools")).toBeVisible();
  await expect(page.getByText("Not theirs")).toHaveCount(0);
  // The member sees which tools they can call, by the names their MCP client shows.
  await page.getByText("1 tool", { exact: true }).click();
  await expect(page.getByText("flaky__lookup")).toBeVisible();
  await expect(page.getByText("Look up a ticket")).toBeVisible();
});
