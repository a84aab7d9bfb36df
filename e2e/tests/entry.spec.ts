import type { Browser, Locator, Page } from '@playwright/test';
import { artifact, expect, horizontalOverflow, signIn, test } from '../support/fixtures.ts';

// Bad data stopped at entry (issue 16), in Chinese on a laptop and a phone: dates are typed, an end
// before the start is refused in words (never a raw key like term_order), and a double click on
// 创建草稿 makes one draft. Each run names its own drafts, so it does not depend on other journeys.

const SIZES = [
  { name: '1366', viewport: { width: 1366, height: 860 }, phone: false },
  { name: '375', viewport: { width: 375, height: 812 }, phone: true },
] as const;

async function signedInPage(browser: Browser, baseURL: string | undefined, email: string, size: (typeof SIZES)[number]): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: size.viewport,
    ...(size.phone ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function choose(page: Page, scope: Locator, field: string, option: string) {
  await scope.getByLabel(field, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** Types a date into the AntD DatePicker labelled so (no calendar clicking) and confirms it. */
async function typeDate(scope: Locator, field: string, value: string) {
  const input = scope.getByLabel(field, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** How many agreements of the signed-in federation carry this title, asked of the API as the page. */
async function draftsTitled(page: Page, title: string): Promise<number> {
  return page.evaluate(async (t) => {
    const res = await fetch('/api/trpc/agreement.list', { headers: { 'X-Tenant': 'hangzhou' } });
    const body = (await res.json()) as { result: { data: { title: string }[] } };
    return body.result.data.filter((a) => a.title === t).length;
  }, title);
}

for (const size of SIZES) {
  test(`新建协议（${size.name} px）：日期可直接输入，结束早于开始显示中文提示，双击“创建草稿”只生成一份草稿`, async ({ browser, baseURL }) => {
    const title = `杭州市总工会 宁波市总工会 防重复提交协议（${size.name}）`;
    const page = await signedInPage(browser, baseURL, 'signer@hangzhou.demo', size);
    await page.goto('/t/hangzhou/agreements');
    await page.getByRole('button', { name: '新建协议' }).click();
    const dialog = page.getByRole('dialog', { name: '新建合作协议' });
    await choose(page, dialog, '合作方', '宁波市总工会');
    await dialog.getByLabel('协议名称').fill(title);

    // typed, in any of the usual ways of writing a date; the end before the start
    await typeDate(dialog, '生效起始日', '2027/03/01');
    await typeDate(dialog, '期限届满日', '2026-12-31');
    await expect(dialog.getByLabel('生效起始日', { exact: true })).toHaveValue('2027-03-01');
    await dialog.getByRole('button', { name: '创建草稿' }).click();
    await expect(dialog.getByText('结束日期不能早于开始日期')).toBeVisible();
    await expect(dialog).not.toContainText(/term_order|[a-z]+_[a-z_]+/);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: artifact(`entry-term-order-${size.name}`) });

    await typeDate(dialog, '期限届满日', '20291231');
    await expect(dialog.getByText('结束日期不能早于开始日期')).toBeHidden();
    // a double click: one key for this opening of the form, so one draft
    await dialog.getByRole('button', { name: '创建草稿' }).dblclick();
    await expect(page).toHaveURL(/\/t\/hangzhou\/agreements\/[0-9a-f-]{36}\/clauses$/);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    expect(await draftsTitled(page, title)).toBe(1);
    await page.screenshot({ path: artifact(`entry-draft-${size.name}`) });
    await page.context().close();
  });
}
