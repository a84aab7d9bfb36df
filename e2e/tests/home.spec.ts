import type { Browser, Page } from '@playwright/test';
import { artifact, expect, horizontalOverflow, signIn, test } from '../support/fixtures.ts';

// Issue 15, part 2, in Chinese: a project lead's and an officer's home is their to-do list (待办), each
// row a link to where it is done; member@ningbo.demo opens 我的 on a 375 px phone, also over a
// throttled connection (400 kbps, 400 ms RTT) with the time to content and the bytes measured.

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1366, height: 860 } };

async function signedInPage(browser: Browser, baseURL: string | undefined, email: string, phone: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(phone ? PHONE : DESKTOP) });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function todoOpensItsPlace(page: Page, name: string) {
  const list = page.getByTestId('todo-list');
  await expect(list.getByText('待办', { exact: true })).toBeVisible();
  await page.screenshot({ path: artifact(name), fullPage: true });
  const items = list.getByTestId('todo-item');
  const n = await items.count();
  test.info().annotations.push({ type: 'todo', description: `${name}: ${n} items` });
  expect(n, `${name} has something to do in the demo`).toBeGreaterThan(0);
  const before = page.url();
  await items.first().click();
  await expect(page).not.toHaveURL(before);
  await expect(page.getByText('出错了')).toHaveCount(0);
}

test.describe('待办与我的', () => {
  test('杭州项目负责人的首页列出等待其处理的时间节点，点开即到办理页面', async ({ browser, baseURL }) => {
    // the demo's 杭甬 items have overdue milestones waiting for Hangzhou's confirmation
    const page = await signedInPage(browser, baseURL, 'lead@hangzhou.demo', false);
    await todoOpensItsPlace(page, 'home-lead-hz');
  });

  test('杭州工作人员（officer）的首页是其待办', async ({ browser, baseURL }) => {
    const page = await signedInPage(browser, baseURL, 'officer@hangzhou.demo', false);
    await todoOpensItsPlace(page, 'home-officer-hz');
  });

  test('宁波会员在 375 px 手机上打开“我的”（慢速网络下计时）', async ({ browser, baseURL }) => {
    const page = await signedInPage(browser, baseURL, 'member@ningbo.demo', true);
    await expect(page.getByTestId('member-home')).toBeVisible();
    await expect(page.getByText('会员服务开通后')).toHaveCount(0);
    // the demo's Ningbo member is an electrician of the 2026 杭甬 contest: entry, result and certificate are theirs
    await expect(page.getByTestId('mine-contests')).toContainText('电工');
    expect(await horizontalOverflow(page), '我的 is wider than the phone').toBeLessThanOrEqual(0);
    await page.screenshot({ path: artifact('home-member-nb-375'), fullPage: true });

    // a slow connection: time to content and bytes over the wire for a fresh load of the page
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 });
    let bytes = 0;
    let mineBytes = 0;
    cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
    const mineIds = new Set<string>();
    cdp.on('Network.responseReceived', (e) => e.response.url.includes('home.mine') && mineIds.add(e.requestId));
    cdp.on('Network.loadingFinished', (e) => mineIds.has(e.requestId) && (mineBytes += e.encodedDataLength));
    const start = Date.now();
    await page.reload();
    await expect(page.getByTestId('member-home')).toBeVisible({ timeout: 60_000 });
    const ms = Date.now() - start;
    const figures = `我的 over 400 kbps / 400 ms RTT (browser cache warm): time to content ${ms} ms, ${bytes} bytes transferred, home.mine answer ${mineBytes} bytes`;
    console.log(figures);
    test.info().annotations.push({ type: 'slow-network', description: figures });
    await page.screenshot({ path: artifact('home-member-nb-375-slow'), fullPage: true });
  });
});
