import { artifact, expect, horizontalOverflow, label, signIn, test } from '../support/fixtures.ts';

// Going live (issue 12): a member on record activates an account from a 375 px phone with the
// SMS code read from the development sink, then signs in by mobile; a staff user asks for a
// password reset link. The platform operator onboards 温州市总工会 from the web page.

const MOBILE = '19957400001'; // 陈晓, a Ningbo member on record without an account (seed: DEMO_TO_ACTIVATE)
const ID_LAST6 = '121234';
const PASSWORD = 'ChenXiao2026!';

/** The link of the last email queued for an address, from the development mail sink (SMS_SINK=true). */
async function linkMailedTo(baseURL: string | undefined, to: string, path: RegExp): Promise<string> {
  const mail = (await (await fetch(`${baseURL}/__dev/mail?to=${encodeURIComponent(to)}`)).json()) as { body: string | null };
  const found = mail.body?.match(path);
  expect(found, `a link in the last email to ${to}`).toBeTruthy();
  return found![0];
}

test.describe('手机屏幕 375×812：会员激活账号', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('activates with mobile, ID-number ending and the SMS code, then signs in by mobile', async ({ page, baseURL }) => {
    await page.goto('/login');
    await page.getByRole('link', { name: '会员首次使用？激活账号' }).click();
    await expect(page.getByRole('heading', { name: '激活会员账号' })).toBeVisible();
    await page.getByLabel('手机号').fill(MOBILE);
    await page.getByLabel('身份证号后六位').fill(ID_LAST6);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await expect(page.getByText('验证码已发送至该手机')).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: artifact('phone-activate-code'), fullPage: true });

    const sms = (await (await fetch(`${baseURL}/__dev/sms?mobile=${MOBILE}`)).json()) as { body: string };
    const code = sms.body.match(/(\d{6})/)![1]!;
    await page.getByLabel('短信验证码').fill(code);
    await page.getByLabel('设置密码（至少 10 位）').fill(PASSWORD);
    await page.getByRole('button', { name: '激活并登录' }).click();
    await expect(page).toHaveURL(/\/t\/ningbo$/);
    await page.screenshot({ path: artifact('phone-activated-home'), fullPage: true });

    // signed out, back in by mobile + password
    await page.context().clearCookies();
    await page.goto('/login');
    await page.getByText('会员登录', { exact: true }).click();
    await page.getByLabel('手机号').fill(MOBILE);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.screenshot({ path: artifact('phone-login-mobile'), fullPage: true });
    await page.getByRole('button', { name: label('登录') }).click();
    await expect(page).toHaveURL(/\/t\/ningbo$/);
  });

  test('a staff user asks for a password reset link by email, follows it and signs in with the new password', async ({ page, baseURL }) => {
    // lead@shaoxing.demo: no other journey signs in with it, so its new password changes nothing else
    await page.goto('/forgot');
    await page.getByText('工作人员', { exact: true }).click();
    await page.getByLabel('邮箱').fill('lead@shaoxing.demo');
    await page.getByRole('button', { name: '发送重置链接' }).click();
    await expect(page.getByText('重置链接已发送')).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: artifact('phone-forgot-staff'), fullPage: true });
    await page.goto(await linkMailedTo(baseURL, 'lead@shaoxing.demo', /\/reset\/[\w-]+/));
    await page.getByLabel('设置密码（至少 10 位）').fill('ShaoxingLead2026');
    await page.getByRole('button', { name: '重置密码' }).click();
    await expect(page.getByText('密码已重置')).toBeVisible();
    await page.screenshot({ path: artifact('phone-reset-done'), fullPage: true });
    await page.getByRole('link', { name: '返回登录' }).click();
    await page.getByLabel('邮箱').fill('lead@shaoxing.demo');
    await page.getByLabel('密码').fill('ShaoxingLead2026');
    await page.getByRole('button', { name: label('登录') }).click();
    await expect(page).toHaveURL(/\/t\/shaoxing/);
  });
});

test.describe('平台运营', () => {
  test('the platform operator onboards 温州市总工会; its first admin accepts the emailed invitation and is in', async ({ page, baseURL }) => {
    await signIn(page, 'operator@platform.demo', /\/platform$/);
    await expect(page.getByRole('heading', { name: '平台运营 · 工会' })).toBeVisible();
    await page.getByRole('button', { name: '开通工会' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('标识（英文小写，如 wenzhou）').fill('wenzhou');
    await dialog.getByLabel('中文名称').fill('温州市总工会');
    await dialog.getByLabel('英文名称').fill('Wenzhou Federation of Trade Unions');
    await dialog.getByLabel('城市').fill('温州');
    await dialog.getByLabel('行政区划代码').fill('330300');
    await dialog.getByLabel('联系人姓名').fill('张伟');
    await dialog.getByLabel('联系人邮箱').fill('office@wzftu.example');
    await dialog.getByLabel('首位管理员姓名').fill('李娜');
    await dialog.getByLabel('首位管理员邮箱').fill('admin@wzftu.example');
    await dialog.getByRole('button', { name: '开通并邀请管理员' }).click();
    const row = page.getByRole('row', { name: /温州市总工会/ });
    await expect(row).toBeVisible();
    await expect(row.getByText('待接受邀请 1')).toBeVisible();
    await page.screenshot({ path: artifact('desktop-platform-federations'), fullPage: true });

    // the first admin follows the emailed link (read from the development mail sink), sets a password and is in
    const link = await linkMailedTo(baseURL, 'admin@wzftu.example', /\/invite\/[\w-]+/);
    await page.context().clearCookies();
    await page.goto(link);
    await page.getByLabel('设置密码').fill('WenzhouAdmin2026');
    await page.getByLabel('再次输入密码').fill('WenzhouAdmin2026');
    await page.screenshot({ path: artifact('desktop-wenzhou-admin-invitation'), fullPage: true });
    await page.getByRole('button', { name: '接受邀请并进入' }).click();
    await expect(page).toHaveURL(/\/t\/wenzhou/);
    await expect(page.getByText('温州市总工会').first()).toBeVisible();
  });

  test('the platform operator enters next year’s national holidays, which the calendar package does not know', async ({ page }) => {
    await signIn(page, 'operator@platform.demo', /\/platform$/);
    const calendar = page.getByTestId('national-calendar');
    const next = new Date().getUTCFullYear() + 1;
    const row = calendar.getByRole('row', { name: new RegExp(String(next)) });
    await expect(row.getByText('未收录')).toBeVisible();
    await row.getByRole('button', { name: /录\s*入/ }).click();
    const dialog = page.getByRole('dialog', { name: `录入 ${next} 年节假日安排` });
    const days = dialog.getByLabel('录入的日子');
    // a line that cannot be read is named, and nothing is saved
    await days.fill(`${next}-01-01 放假 元旦`);
    await expect(dialog.getByText('第 1 行无法识别')).toBeVisible();
    await days.fill(`${next}-01-01 休 元旦`);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByText('已录入')).toBeVisible();
    await expect(row.getByText('放假 1 天，调休上班 0 天')).toBeVisible();
    await page.screenshot({ path: artifact('desktop-platform-calendar'), fullPage: true });
  });
});
