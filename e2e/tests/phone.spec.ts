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
