import { artifact, DEMO_PASSWORD, expect, label, signIn, test } from '../support/fixtures.ts';

test.describe('登录与各页面', () => {
  test('a wrong password is refused in plain Chinese', async ({ page }) => {
    await page.goto('/t/hangzhou/members');
    await expect(page).toHaveURL(/\/login\?redirect=/);
    await page.getByLabel('邮箱').fill('officer@hangzhou.demo');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: label('登录') }).click();
    await expect(page.getByText('邮箱或密码不正确')).toBeVisible();
    await page.screenshot({ path: artifact('desktop-login-error') });
  });

  test('an administrator finds every page of the federation, and the audit chain verifies', async ({ page }) => {
    await signIn(page, 'admin@hangzhou.demo');
    await expect(page.getByText('最近动态')).toBeVisible();
    await page.screenshot({ path: artifact('desktop-home'), fullPage: true });

    await page.getByRole('menuitem', { name: '组织架构' }).click();
    await expect(page.getByRole('cell', { name: '上城区总工会' })).toBeVisible();
    await page.screenshot({ path: artifact('desktop-org-units') });
    // a unit with sub-units cannot go: the API's reason is shown as it wrote it
    await page.getByRole('row', { name: /上城区总工会/ }).getByRole('button', { name: label('删除') }).click();
    await page.getByRole('tooltip').getByRole('button', { name: label('确定') }).click();
    await expect(page.getByText('该组织下仍有下级组织或会员，不能删除')).toBeVisible();
    // a new grassroots union under a street union
    await page.getByRole('row', { name: /湖滨街道总工会/ }).getByRole('button', { name: '新增下级' }).click();
    const create = page.getByRole('dialog', { name: '在“湖滨街道总工会”下新增组织' });
    await create.getByLabel('名称').fill('湖滨商圈联合工会');
    await create.getByRole('button', { name: label('保存') }).click();
    await expect(page.getByText('已新增“湖滨商圈联合工会”')).toBeVisible();

    await page.getByRole('menuitem', { name: '工作人员' }).click();
    await expect(page.getByRole('cell', { name: 'signer@hangzhou.demo' })).toBeVisible();

    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await expect(page.getByRole('cell', { name: '新增组织' }).first()).toBeVisible();
    await page.getByRole('button', { name: '验证完整性' }).click();
    await expect(page.getByTestId('audit-verify-result')).toContainText('哈希链完整');
    await page.screenshot({ path: artifact('desktop-audit') });

    await page.getByRole('menuitem', { name: '我的账户' }).click();
    await expect(page.getByText('当前设备')).toBeVisible();
    await page.screenshot({ path: artifact('desktop-account') });
  });

  test('an administrator invites a colleague, who sets a password and joins', async ({ page }) => {
    await signIn(page, 'admin@hangzhou.demo');
    await page.getByRole('menuitem', { name: '工作人员' }).click();
    await page.getByRole('button', { name: '邀请工作人员' }).click();
    const invite = page.getByRole('dialog', { name: '邀请工作人员' });
    await invite.getByLabel('邮箱').fill('newcomer@hangzhou.demo');
    await invite.getByLabel('姓名').fill('新同事');
    await invite.getByRole('checkbox', { name: /项目负责人/ }).check();
    await invite.getByRole('button', { name: '邀请工作人员' }).click();
    await expect(invite.getByText('邀请已发出')).toBeVisible();
    const link = await invite.getByTestId('invite-link').inputValue();
    expect(link).toMatch(/\/invite\/[\w-]+$/);
    await page.screenshot({ path: artifact('desktop-invite') });
    await invite.getByRole('button', { name: label('完成') }).click();
    await expect(page.getByRole('cell', { name: 'newcomer@hangzhou.demo' })).toBeVisible();

    await page.getByRole('button', { name: '我的账户' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login$/);

    await page.goto(new URL(link).pathname);
    await expect(page.getByText('杭州市总工会邀请您以下列身份加入工会协作平台：')).toBeVisible();
    await expect(page.getByText('项目负责人')).toBeVisible();
    await expect(page.getByLabel('您的姓名')).toHaveValue('新同事');
    await page.getByLabel('设置密码').fill('short');
    await page.getByLabel('再次输入密码').fill('short');
    await page.getByRole('button', { name: '接受邀请并进入' }).click();
    await expect(page.getByText('密码至少 10 位')).toBeVisible();
    await page.getByLabel('设置密码').fill('XinTongShi2026!');
    await page.getByLabel('再次输入密码').fill('XinTongShi2026!');
    await expect(page.getByText('两次输入的密码不一致')).toBeHidden();
    await page.screenshot({ path: artifact('desktop-accept-invitation') });
    await page.getByRole('button', { name: '接受邀请并进入' }).click();
    await expect(page).toHaveURL(/\/t\/hangzhou$/);
    await expect(page.getByText('欢迎，新同事')).toBeVisible();
  });

  test('a Ningbo signatory invited to Hangzhou confirms with their password and switches federations', async ({ page }) => {
    await signIn(page, 'admin@hangzhou.demo');
    await page.goto('/t/hangzhou/staff');
    await page.getByRole('button', { name: '邀请工作人员' }).click();
    const invite = page.getByRole('dialog', { name: '邀请工作人员' });
    await invite.getByLabel('邮箱').fill('signer@ningbo.demo');
    await invite.getByLabel('姓名').fill('宁波常务副主席');
    await invite.getByRole('button', { name: '邀请工作人员' }).click();
    const link = await invite.getByTestId('invite-link').inputValue();
    await invite.getByRole('button', { name: label('完成') }).click();
    await page.getByRole('button', { name: '我的账户' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login$/);

    await page.goto(new URL(link).pathname);
    await expect(page.getByText('该邮箱已有平台账户。请输入您现有的密码以确认加入。')).toBeVisible();
    await page.getByLabel('现有账户密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '接受邀请并进入' }).click();
    await expect(page).toHaveURL(/\/t\/(ningbo|hangzhou)$/);

    const switcher = page.getByRole('button', { name: /市总工会/ }).first();
    await page.goto('/t/ningbo');
    await expect(page.getByRole('heading', { name: '宁波市总工会' })).toBeVisible();
    await switcher.click();
    await page.getByRole('menuitem', { name: '杭州市总工会' }).click();
    await expect(page).toHaveURL(/\/t\/hangzhou$/);
    await expect(page.getByRole('heading', { name: '杭州市总工会' })).toBeVisible();
    await page.screenshot({ path: artifact('desktop-switched-federation') });
  });

  test('the interface switches to English and keeps the choice', async ({ page }) => {
    await signIn(page, 'officer@hangzhou.demo');
    await page.getByRole('button', { name: '语言' }).click();
    await expect(page.getByRole('menuitem', { name: 'Members' })).toBeVisible();
    await page.getByRole('menuitem', { name: 'Members' }).click();
    await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
    await page.screenshot({ path: artifact('desktop-members-en') });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
    // back to Chinese for whoever signs in as this user next
    await page.getByRole('button', { name: 'Language' }).click();
    await expect(page.getByRole('heading', { name: '会员管理' })).toBeVisible();
  });
});
