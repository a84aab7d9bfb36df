import { artifact, DEMO_PASSWORD, expect, label, signIn, test } from '../support/fixtures.ts';

// Least privilege (issue 12; docs/decisions/0052-org-unit-scope.md): Hangzhou's admin invites an
// officer of 拱墅区 only — the scope is picked from the org-unit tree on the invite form and shown on
// the invitation list and on the invitation page; the invitee accepts and their member roster holds
// only that district's members. The demo's district@hangzhou.demo (上城区) is on the staff list with
// its scope.

test('an admin invites an officer limited to one district, who then sees only its members', async ({ page, browser, baseURL }) => {
  await signIn(page, 'admin@hangzhou.demo');
  const all = await (async () => {
    await page.goto('/t/hangzhou/members');
    const text = await page.getByText(/^共 \d+ 人$/).first().innerText();
    return Number(/\d+/.exec(text)![0]);
  })();
  await page.goto('/t/hangzhou/staff');
  // on the staff list, and its (accepted) invitation below
  await expect(page.getByRole('row', { name: /district@hangzhou\.demo/ }).first()).toContainText('上城区总工会');

  const email = `gongshu-${Date.now().toString(36)}@hangzhou.demo`;
  // the button's name has its icon's in front
  await page.getByRole('button', { name: /邀请工作人员$/ }).click();
  const dialog = page.getByRole('dialog', { name: '邀请工作人员' });
  await dialog.getByLabel('邮箱').fill(email);
  await dialog.getByLabel('姓名').fill('吴思远');
  await dialog.getByLabel('管辖范围').click();
  await page.keyboard.type('拱墅区');
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: '拱墅区总工会' }).click();
  await page.screenshot({ path: artifact('staff-scope-01-invite-form'), fullPage: true });
  await dialog.getByRole('button', { name: /邀请工作人员$/ }).click();
  const link = await page.getByTestId('invite-link').inputValue();
  await page.getByRole('dialog').getByRole('button', { name: label('完成') }).click();
  await expect(page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) })).toContainText('拱墅区总工会');
  await page.screenshot({ path: artifact('staff-scope-02-invitations'), fullPage: true });

  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const invitee = await context.newPage();
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByText('拱墅区总工会')).toBeVisible();
  await invitee.screenshot({ path: artifact('staff-scope-03-invitation-page'), fullPage: true });
  await invitee.getByLabel('设置密码').fill(DEMO_PASSWORD);
  await invitee.getByLabel('再次输入密码').fill(DEMO_PASSWORD);
  await invitee.getByRole('button', { name: label('接受邀请并进入') }).click();
  await expect(invitee).toHaveURL(/\/t\/hangzhou$/);
  await invitee.goto('/t/hangzhou/members');
  const text = await invitee.getByText(/^共 \d+ 人$/).first().innerText();
  const mine = Number(/\d+/.exec(text)![0]);
  expect(mine).toBeGreaterThan(0);
  expect(mine).toBeLessThan(all);
  await invitee.screenshot({ path: artifact('staff-scope-04-district-roster'), fullPage: true });
  await context.close();
});
