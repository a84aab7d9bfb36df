import type { Browser, Page } from '@playwright/test';
import { artifact, expect, signIn, test } from '../support/fixtures.ts';

// Issue 16, people and plain language: wherever a person is named (agreement versions, signatures,
// milestone confirmations, activity, the audit log's 操作人) the page shows 姓名 + 职务 + 单位, never a
// login email; in Chinese, at 1366 px and at 375 px. The signed PDF's signatory line is checked with
// pdftotext in apps/api (agreement.pdf.test.ts).
const EMAIL = /[A-Za-z0-9._-]+@[A-Za-z0-9.-]+\.(demo|test|com|cn)/;
const HANGYONG = /助力唱好杭甬“双城记”合作协议/;

async function open(browser: Browser, baseURL: string | undefined, email: string, phone: boolean): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(phone ? { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } : { viewport: { width: 1366, height: 860 } }),
  });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The text of the page's main area (the menu and the account menu may show the signed-in login). */
const mainText = (page: Page) => page.locator('main, .ant-layout-content').first().innerText();

for (const phone of [false, true]) {
  const size = phone ? '375' : '1366';
  test.describe(`人员以姓名职务单位显示（${size} px）`, () => {
    test('协议页：版本、签署方以姓名 + 职务 + 单位显示，不出现登录邮箱', async ({ browser, baseURL }) => {
      const page = await open(browser, baseURL, 'signer@hangzhou.demo', phone);
      await page.goto('/t/hangzhou/agreements');
      await page.getByText(HANGYONG).first().click();
      await expect(page.getByTestId('agreement-status')).toBeVisible();
      const header = await mainText(page);
      expect(header).not.toMatch(EMAIL);
      await page.getByRole('tab', { name: '签署' }).click();
      const signatures = page.getByTestId('party-hangzhou');
      await expect(signatures).toContainText('陈建国（杭州市总工会 常务副主席）');
      await expect(page.getByTestId('party-ningbo')).toContainText('周海涛（宁波市总工会 常务副主席）');
      expect(await mainText(page)).not.toMatch(EMAIL);
      await page.getByRole('tab', { name: '条款与版本' }).click();
      await expect(page.getByText(/第 \d+ 版/).first()).toBeVisible();
      expect(await mainText(page)).not.toMatch(EMAIL);
      await page.screenshot({ path: artifact(`plain-agreement-${size}`), fullPage: true });
      await page.context().close();
    });

    test('审计日志：操作人为姓名 + 职务 + 单位或“系统”', async ({ browser, baseURL }) => {
      const page = await open(browser, baseURL, 'admin@hangzhou.demo', phone);
      await page.goto('/t/hangzhou/audit');
      const people = page.getByTestId('person');
      await expect(people.first()).toBeVisible();
      const names = await people.allInnerTexts();
      expect(names.length).toBeGreaterThan(0);
      for (const n of names) expect(n).not.toMatch(EMAIL);
      expect(names.some((n) => n.includes('系统') || n.includes('杭州市总工会'))).toBe(true);
      expect(names.join('\n')).not.toMatch(/\bsystem\b/);
      await page.screenshot({ path: artifact(`plain-audit-${size}`), fullPage: true });
      await page.context().close();
    });

    test('事项：时间节点确认人与动态以姓名显示', async ({ browser, baseURL }) => {
      const page = await open(browser, baseURL, 'lead@hangzhou.demo', phone);
      await page.goto('/t/hangzhou/items');
      // evaluateAll does not wait: the list must have rendered first
      await expect(page.getByTestId('my-item-link').first()).toBeVisible();
      const hrefs = await page.getByTestId('my-item-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      let found = false;
      for (const href of hrefs) {
        await page.goto(href);
        await expect(page.getByTestId('item-title')).toBeVisible();
        await expect(page.getByTestId('confirm-hangzhou').first()).toBeVisible();
        const confirmed = page.getByTestId('confirm-hangzhou').filter({ hasText: '已确认' });
        if ((await confirmed.count()) === 0) continue;
        await expect(confirmed.first()).toContainText('方立新（杭州市总工会 协作项目负责人）');
        expect(await mainText(page)).not.toMatch(EMAIL);
        found = true;
        break;
      }
      expect(found).toBe(true);
      await page.screenshot({ path: artifact(`plain-item-${size}`), fullPage: true });
      await page.context().close();
    });
  });
}
