import type { Browser, Page } from '@playwright/test';
import { artifact, expect, signIn, test } from '../support/fixtures.ts';

// Issue 16, outputs that look official: the agreement is named by its human number
// (杭甬合〔2026〕1号), and its id and 64-character hash appear only inside the collapsed 技术信息;
// a short check-in code the desk does not know is answered in plain words.

async function signedIn(browser: Browser, baseURL: string | undefined, email: string, phone: boolean): Promise<Page> {
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

async function activeAgreementId(page: Page): Promise<string> {
  const id = await page.evaluate(async () => {
    const res = await fetch(`/api/trpc/agreement.list?input=${encodeURIComponent(JSON.stringify({ status: 'active' }))}`, { headers: { 'X-Tenant': 'hangzhou' } });
    const body = (await res.json()) as { result: { data: { id: string; title: string }[] } };
    return body.result.data.find((a) => a.title.includes('双城记'))?.id;
  });
  expect(id, 'the demo has an active 杭甬 agreement').toBeTruthy();
  return id!;
}

for (const phone of [false, true]) {
  test(`协议页头显示协议编号，摘要与系统标识只在“技术信息”中（${phone ? '375' : '1366'} px）`, async ({ browser, baseURL }) => {
    const hz = await signedIn(browser, baseURL, 'signer@hangzhou.demo', phone);
    const id = await activeAgreementId(hz);
    await hz.goto(`/t/hangzhou/agreements/${id}`);
    await expect(hz.getByTestId('agreement-number')).toHaveText(/^杭甬合〔\d{4}〕\d+号$/);
    const tech = hz.getByTestId('agreement-tech');
    // collapsed: neither the hash nor the id is on the page
    const outside = await hz.locator('main, body').first().innerText();
    expect(outside).not.toMatch(/[0-9a-f]{64}/);
    expect(outside).not.toContain(id);
    await hz.screenshot({ path: artifact(`official-header-${phone ? 375 : 1366}`), fullPage: false });
    await tech.getByText('技术信息').click();
    await expect(hz.getByTestId('agreement-hash')).toHaveText(/[0-9a-f]{64}/);
    await expect(tech).toContainText(id);
    await hz.screenshot({ path: artifact(`official-tech-${phone ? 375 : 1366}`), fullPage: false });
    // the agreements list names it by its number too
    await hz.goto('/t/hangzhou/agreements');
    await expect(hz.getByTestId('agreement-number').first()).toHaveText(/合〔\d{4}〕\d+号/);
    await hz.context().close();
  });
}

test('核验台输入不存在的 6 位核验码：提示“核验码无效”（375 px）', async ({ browser, baseURL }) => {
  const hz = await signedIn(browser, baseURL, 'officer@hangzhou.demo', true);
  await hz.goto('/t/hangzhou/recuperation-admin/checkin');
  await hz.getByTestId('checkin-batch').click();
  await hz.locator('.ant-select-item-option').first().click();
  await hz.getByRole('textbox', { name: '核验码', exact: true }).fill('000000');
  await hz.getByRole('button', { name: '核验入住' }).click();
  await expect(hz.getByTestId('checkin-unknown')).toContainText('核验码无效');
  expect(await hz.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await hz.screenshot({ path: artifact('official-checkin-unknown-375'), fullPage: false });
  await hz.context().close();
});
