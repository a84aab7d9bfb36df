import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { artifact, DEMO_PASSWORD, expect, horizontalOverflow, label, test } from '../support/fixtures.ts';

// The 杭甬 agreement's cooperation overview and its annual report: 杭州 and 宁波 signatories review
// the draft generated from the data, each adds its commentary, both confirm, the PDF carries the
// figures. The tests build on each other, in this order.
const YEAR = new Date().getFullYear();

async function signedIn(browser: Browser, baseURL: string | undefined, email: string, phone = false): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: phone ? { width: 375, height: 812 } : { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: label('登录') }).click();
  await expect(page).toHaveURL(/\/t\/[a-z0-9-]+$/);
  return page;
}

async function agreementId(page: Page, tenant: string): Promise<string> {
  const id = await page.evaluate(async (slug) => {
    const res = await fetch(`/api/trpc/agreement.list?input=${encodeURIComponent(JSON.stringify({ status: 'active' }))}`, { headers: { 'X-Tenant': slug } });
    const body = (await res.json()) as { result: { data: { id: string; title: string }[] } };
    return body.result.data.find((a) => a.title.includes('双城记'))?.id;
  }, tenant);
  expect(id, 'the demo has an active 杭甬 agreement').toBeTruthy();
  return id!;
}

test.describe.serial('年度合作报告', () => {
  let id = '';

  test('杭州签署人查看合作概览，生成报告草稿并填写本方意见', async ({ browser, baseURL }) => {
    const hz = await signedIn(browser, baseURL, 'signer@hangzhou.demo');
    id = await agreementId(hz, 'hangzhou');
    await hz.goto(`/t/hangzhou/agreements/${id}`);
    await hz.getByRole('tab', { name: '合作概览与年报' }).click();
    await expect(hz).toHaveURL(new RegExp(`/agreements/${id}/cooperation`));
    for (const commons of ['items', 'recuperation', 'programme', 'contest', 'rights', 'mechanism']) await expect(hz.getByTestId(`coop-${commons}`)).toBeVisible();
    await expect(hz.getByTestId('coop-recuperation')).toContainText('互享名额');
    await expect(hz.getByTestId('coop-attention')).toBeVisible();
    const panel = hz.getByTestId('report-panel');
    await expect(panel).toContainText(`${YEAR}年度合作报告`);
    await expect(panel).toContainText('尚未生成草稿');
    await panel.getByRole('button', { name: '生成草稿' }).click();
    await expect(hz.getByText('草稿已按最新数据生成')).toBeVisible();
    await panel.getByLabel('本方意见').fill('杭州方：疗休养互享和技能竞赛合作成效明显，建议明年扩大名额。');
    await panel.getByRole('button', { name: '提交本方意见' }).click();
    await expect(panel).toContainText('杭州市总工会：杭州方：疗休养互享');
    await hz.screenshot({ path: artifact('report-hangzhou-draft'), fullPage: true });
    await hz.context().close();
  });

  test('宁波签署人补充本方意见并确认', async ({ browser, baseURL }) => {
    const nb = await signedIn(browser, baseURL, 'signer@ningbo.demo');
    await nb.goto(`/t/ningbo/agreements/${id}/cooperation?year=${YEAR}`);
    const panel = nb.getByTestId('report-panel');
    await expect(panel).toContainText('杭州方：疗休养互享');
    await panel.getByLabel('本方意见').fill('宁波方：同意报告内容，联席会议议定事项已全部转为共建项目。');
    await panel.getByRole('button', { name: '提交本方意见' }).click();
    await expect(panel).toContainText('宁波市总工会：宁波方');
    await panel.getByRole('button', { name: '确认报告' }).click();
    const dialog = nb.getByRole('dialog', { name: '确认本年度合作报告' });
    await dialog.getByRole('button', { name: '确认报告' }).click();
    await expect(panel).toContainText('待 杭州市总工会 确认');
    await expect(panel).toContainText(/宁波市总工会 .* 确认/);
    await nb.context().close();
  });

  test('杭州签署人确认后报告定稿', async ({ browser, baseURL }) => {
    const hz = await signedIn(browser, baseURL, 'signer@hangzhou.demo');
    await hz.goto(`/t/hangzhou/agreements/${id}/cooperation?year=${YEAR}`);
    const panel = hz.getByTestId('report-panel');
    await expect(panel).toContainText('宁波方：同意报告内容');
    await panel.getByRole('button', { name: '确认报告' }).click();
    await hz.getByRole('dialog', { name: '确认本年度合作报告' }).getByRole('button', { name: '确认报告' }).click();
    await expect(panel).toContainText('已定稿');
    await expect(panel).toContainText('双方已确认');
    await expect(panel.getByRole('button', { name: '提交本方意见' })).toHaveCount(0);
    await hz.screenshot({ path: artifact('report-frozen'), fullPage: true });
    await hz.context().close();
  });

  test('手机屏幕（375 px）：概览与报告不横向溢出', async ({ browser, baseURL }) => {
    const phone = await signedIn(browser, baseURL, 'signer@ningbo.demo', true);
    await phone.goto(`/t/ningbo/agreements/${id}/cooperation?year=${YEAR}`);
    await expect(phone.getByTestId('coop-recuperation')).toBeVisible();
    await expect(phone.getByTestId('report-panel')).toContainText('已定稿');
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: artifact('report-phone'), fullPage: true });
    await phone.context().close();
  });

  test('定稿报告的 PDF 可下载，文字中有各项数据', async ({ browser, baseURL }) => {
    const hz = await signedIn(browser, baseURL, 'signer@hangzhou.demo');
    await hz.goto(`/t/hangzhou/agreements/${id}/cooperation?year=${YEAR}`);
    const places = await hz.getByTestId('coop-recuperation').locator('.ant-statistic-content-value').first().innerText();
    const [download] = await Promise.all([hz.waitForEvent('download'), hz.getByRole('link', { name: '下载 PDF' }).click()]);
    const path = (await download.path())!;
    expect((await readFile(path)).subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8').replace(/\s+/g, '');
    for (const heading of ['总体情况', '五个共', '机制运行', '存在问题', '下一步打算', '各方意见']) expect(text).toContain(heading);
    // the report names the agreement by its human number (issue 16)
    expect(text).toMatch(/协议编号：杭甬合〔\d{4}〕\d+号/);
    expect(text).toContain(`互享名额${places}个`);
    expect(text).toContain('宁波方：同意报告内容');
    await hz.context().close();
  });
});

test('年度合作总览：从数据看板进入，汇总本会全部正在履行的协议，每份协议可点开', async ({ browser, baseURL }) => {
  for (const phone of [false, true]) {
    const page = await signedIn(browser, baseURL, 'signer@hangzhou.demo', phone);
    await page.goto('/t/hangzhou/dashboard');
    await page.getByTestId('dashboard-cooperation').click();
    await expect(page.getByRole('heading', { name: `${YEAR}年度本会合作总览` })).toBeVisible();
    const agreements = page.getByTestId('coop-federation-agreements');
    await expect(agreements.getByRole('link', { name: /双城记/ })).toBeVisible();
    await expect(agreements.getByTestId('agreement-number').first()).toHaveText(/合〔\d{4}〕\d+号/);
    await expect(page.getByTestId('coop-recuperation')).toBeVisible();
    await expect(page.getByText(/cooperation\./)).toHaveCount(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: artifact(phone ? 'coop-federation-phone' : 'coop-federation'), fullPage: true });
    await agreements.getByRole('link', { name: /双城记/ }).click();
    await expect(page).toHaveURL(/\/agreements\/[0-9a-f-]+\/cooperation/);
    await expect(page.getByTestId('coop-recuperation')).toBeVisible();
    await page.context().close();
  }
});
