import { artifact, expect, horizontalOverflow, signIn, test } from '../support/fixtures.ts';

// Members book from their phones, and staff check lists on them: nothing may push the page sideways.
test.describe('手机屏幕 375×812', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('home and members fit the width; the menu folds into a drawer; members show as cards', async ({ page }) => {
    await signIn(page, 'admin@hangzhou.demo');
    await expect(page.getByRole('heading', { name: '杭州市总工会' })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: artifact('phone-home'), fullPage: true });

    await page.getByRole('button', { name: '菜单' }).click();
    const drawer = page.getByRole('dialog', { name: '工会协作平台' });
    await expect(drawer.getByRole('menuitem', { name: '会员管理' })).toBeVisible();
    await page.screenshot({ path: artifact('phone-menu') });
    await drawer.getByRole('menuitem', { name: '会员管理' }).click();

    await expect(page.getByRole('heading', { name: '会员管理' })).toBeVisible();
    await expect(page.getByTestId('member-card').first()).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: artifact('phone-members'), fullPage: true });

    await page.getByTestId('member-card').first().click();
    await expect(page.getByRole('dialog').getByText('身份证号', { exact: true })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: artifact('phone-member-drawer') });
  });

  test('a member account sees its own simple home, without staff menus', async ({ page }) => {
    await signIn(page, 'member@hangzhou.demo');
    await expect(page.getByTestId('member-home')).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: '菜单' }).click();
    const menu = page.getByRole('dialog', { name: '工会协作平台' });
    await expect(menu.getByRole('menuitem', { name: '我的账户' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: '会员管理' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await page.screenshot({ path: artifact('phone-member-home'), fullPage: true });
  });
});

// Light pages (issue 13): the sign-in page comes compressed, in one language, without the staff
// screens or the charts; switching the language loads the other one and back again.
test.describe('轻量页面 375×812', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('sign-in loads compressed, one language, no staff pages or charts; EN ↔ 中文 switches', async ({ page }) => {
    const scripts: { url: string; encoding: string | undefined; length: number }[] = [];
    page.on('response', (res) => {
      const headers = res.headers();
      if (res.url().endsWith('.js')) scripts.push({ url: res.url(), encoding: headers['content-encoding'], length: Number(headers['content-length']) });
    });
    await page.context().clearCookies();
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const first = scripts.map((s) => s.url.replace(/.*\/assets\//, ''));
    expect(first.some((f) => f.startsWith('ui.zh-CN-'))).toBe(true);
    expect(first.some((f) => f.startsWith('ui.en-'))).toBe(false);
    expect(first.filter((f) => /^(echarts|members|dashboard|audit|staff|table|date-picker)-/.test(f))).toEqual([]);
    // brotli, except the files under 1 KB the build leaves as they are
    expect(scripts.filter((s) => s.encoding !== 'br' && !(s.length < 1024))).toEqual([]);
    expect(scripts.filter((s) => s.encoding === 'br').length).toBeGreaterThan(5);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: artifact('light-login-zh') });

    await page.getByRole('button', { name: '语言' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(scripts.some((s) => /\/ui\.en-/.test(s.url))).toBe(true);
    await page.screenshot({ path: artifact('light-login-en') });

    // the cookie keeps English across a reload: only the English words load then
    scripts.length = 0;
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(scripts.some((s) => /\/ui\.en-/.test(s.url))).toBe(true);
    expect(scripts.some((s) => /\/ui\.zh-CN-/.test(s.url))).toBe(false);

    await page.getByRole('button', { name: 'Language' }).click();
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.screenshot({ path: artifact('light-login-zh-again') });
  });
});
