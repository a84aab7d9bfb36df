import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from '@playwright/test';
import { artifact, DEMO_PASSWORD, expect, horizontalOverflow, label, signIn, test } from '../support/fixtures.ts';

// The agreement journey of issue 3, in Chinese: Hangzhou drafts from the five-commons template with
// Ningbo, Ningbo comments and proposes a change, the comparison shows it, both sign with their
// passwords, and the agreement in force downloads as a PDF that verifies. Its title avoids 双城记,
// which other journeys use to find the demo's agreement in force.
const TITLE = '杭州市总工会 宁波市总工会 职工服务合作协议（演示流程）';
const CHANGED = '双方互认职工疗休养基地，每年相互预留疗休养名额，按批次分配，优先安排一线职工和劳动模范。';

async function signedInPage(browser: Browser, baseURL: string | undefined, email: string, phone = false): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    ...(phone ? { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } : { viewport: { width: 1366, height: 860 } }),
  });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Picks an option of the AntD select labelled so, inside scope. */
async function choose(page: Page, scope: Locator, field: string, option: string) {
  await scope.getByLabel(field, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
}

async function sign(page: Page, versionNumber: number, opts: { wrongPasswordFirst?: boolean } = {}) {
  await openTab(page, '签署');
  await page.getByTestId('step-actions').getByRole('button', { name: label('签署') }).click();
  const dialog = page.getByRole('dialog', { name: `签署第 ${versionNumber} 版` });
  await expect(dialog.getByTestId('sign-hash')).toHaveText(/^[0-9a-f]{64}$/);
  await dialog.getByRole('checkbox', { name: '我已审阅协议全文，并核对内容摘要无误' }).check();
  if (opts.wrongPasswordFirst) {
    await dialog.getByLabel('登录密码（再次确认身份）').fill('not-my-password');
    await dialog.getByRole('button', { name: '确认签署' }).click();
    await expect(dialog.getByText('密码不正确')).toBeVisible();
  }
  await dialog.getByLabel('登录密码（再次确认身份）').fill(DEMO_PASSWORD);
  // a double click is harmless: one idempotency key per attempt, and the button waits for the answer
  await dialog.getByRole('button', { name: '确认签署' }).dblclick();
  await expect(dialog).toBeHidden();
}

test.describe.serial('合作协议：起草、协商、对比、签署、PDF 与核验', () => {
  let agreementUrl = '';

  test('杭州签署人从“五个共”模板起草与宁波的协议，并发起协商', async ({ browser, baseURL }) => {
    const hz = await signedInPage(browser, baseURL, 'signer@hangzhou.demo');
    await hz.getByRole('menuitem', { name: '合作协议' }).click();
    await expect(hz.getByRole('heading', { name: '合作协议' })).toBeVisible();
    // the demo data: an agreement in force with Ningbo and a draft in negotiation with Shaoxing
    await expect(hz.getByRole('row', { name: /助力唱好杭甬“双城记”合作协议.*已生效/ })).toBeVisible();
    await expect(hz.getByRole('row', { name: /杭绍同城化工会合作协议.*协商中/ })).toBeVisible();
    await hz.screenshot({ path: artifact('agreements-list'), fullPage: true });

    // the partner filter narrows the list to agreements with Shaoxing
    await choose(hz, hz.locator('main'), '按合作方筛选', '绍兴市总工会');
    await expect(hz.getByRole('row', { name: /杭甬/ })).toHaveCount(0);
    await expect(hz.getByRole('row', { name: /杭绍同城化/ })).toBeVisible();
    await hz.getByRole('button', { name: label('重置') }).click();

    await hz.getByRole('button', { name: '新建协议' }).click();
    const dialog = hz.getByRole('dialog', { name: '新建合作协议' });
    await expect(dialog.getByRole('radio', { name: /“五个共”双城合作协议模板/ })).toBeChecked();
    await choose(hz, dialog, '合作方', '宁波市总工会');
    await dialog.getByLabel('协议名称').fill(TITLE);
    await dialog.getByRole('button', { name: '创建草稿' }).click();

    await expect(hz).toHaveURL(/\/t\/hangzhou\/agreements\/[0-9a-f-]{36}\/clauses$/);
    agreementUrl = new URL(hz.url()).pathname.replace(/\/clauses$/, '');
    await expect(hz.getByRole('heading', { name: TITLE })).toBeVisible();
    await expect(hz.getByRole('textbox', { name: '第五条 身心共同关爱 条款正文' })).toHaveValue(/互认职工疗休养基地/);
    await expect(hz.getByTestId('agreement-status')).toHaveText('草稿');
    await hz.screenshot({ path: artifact('agreement-editor'), fullPage: true });

    await openTab(hz, '签署');
    await hz.getByRole('button', { name: '发起协商' }).click();
    await hz.getByRole('tooltip').getByRole('button', { name: '发起协商' }).click();
    await expect(hz.getByText('已发起协商，合作方已收到通知')).toBeVisible();
    await expect(hz.getByTestId('agreement-status')).toHaveText('协商中');
    await hz.context().close();
  });

  test('宁波签署人就条款提出意见、修改后保存为新版本，对比显示改动，并提交签署', async ({ browser, baseURL }) => {
    const nb = await signedInPage(browser, baseURL, 'signer@ningbo.demo');
    await nb.getByRole('menuitem', { name: '合作协议' }).click();
    await nb.getByRole('link', { name: TITLE }).click();
    await expect(nb.getByRole('heading', { name: TITLE })).toBeVisible();
    await openTab(nb, '条款与版本');

    // a comment on the clause, addressed to Hangzhou, shown beside it
    const care = nb.getByTestId('clause-editor-care');
    await care.getByRole('button', { name: '提意见' }).click();
    await expect(care.getByLabel('致', { exact: true })).toBeVisible();
    await care.getByLabel('意见内容').fill('建议疗休养名额按批次分配，并向一线职工和劳动模范倾斜。');
    await care.getByRole('button', { name: '发表意见' }).click();
    await expect(care.getByTestId('comment')).toContainText('致杭州市总工会');
    await expect(care.getByTestId('comment')).toContainText('建议疗休养名额按批次分配');

    // the proposed change is an edit saved as a new version
    await nb.getByRole('textbox', { name: '第五条 身心共同关爱 条款正文' }).fill(CHANGED);
    // the two directions agree different numbers: Ningbo reserves 150 for Hangzhou's members (Hangzhou keeps the common 200)
    await nb.getByLabel('宁波市总工会为对方预留（个/年）').fill('150');
    await nb.getByLabel('宁波市总工会为对方预留（个/年）').locator('xpath=ancestor::div[contains(@class,"ant-collapse-item")][1]').screenshot({ path: artifact('agreement-places-by-direction-editor') });
    await nb.getByLabel('版本说明').fill('宁波：疗休养名额按批次分配，向一线职工倾斜');
    await nb.getByRole('button', { name: '保存为新版本' }).click();
    await expect(nb.getByText('已保存为第 2 版')).toBeVisible();
    await expect(nb.getByLabel('版本说明')).toHaveValue('');
    await expect(nb.getByTestId('version-list')).toContainText('宁波：疗休养名额按批次分配');
    await nb.screenshot({ path: artifact('agreement-comment-and-version'), fullPage: true });
    // the new version answers the comment: it is marked resolved (an open comment would stop the freeze)
    await care.getByRole('button', { name: '标记为已解决' }).click();
    await expect(nb.getByText('意见已标记为已解决')).toBeVisible();
    await expect(care.getByTestId('comment-resolved')).toHaveText('已解决');

    await openTab(nb, '版本对比');
    const change = nb.getByTestId('diff-care');
    await expect(change).toHaveAttribute('data-change', 'changed');
    await expect(change.locator('ins').first()).toContainText('按批次分配');
    await expect(nb.getByTestId('diff-principles')).toHaveAttribute('data-change', 'same');
    await nb.screenshot({ path: artifact('agreement-compare'), fullPage: true });

    await openTab(nb, '签署');
    await nb.getByRole('button', { name: '提交签署' }).click();
    await nb.getByRole('dialog', { name: '提交第 2 版签署？' }).getByRole('button', { name: '提交签署' }).click();
    await expect(nb.getByText('已提交签署，版本已冻结')).toBeVisible();
    await expect(nb.getByTestId('agreement-status')).toHaveText('签署中');
    await expect(nb.getByTestId('signing-hash')).toHaveText(/^[0-9a-f]{64}$/);
    await expect(nb.getByTestId('party-hangzhou')).toHaveAttribute('data-state', 'pending');

    await sign(nb, 2);
    await expect(nb.getByTestId('party-ningbo')).toHaveAttribute('data-state', 'signed');
    await expect(nb.getByTestId('party-ningbo')).toContainText('周海涛（宁波市总工会 常务副主席）');
    await expect(nb.getByTestId('party-hangzhou')).toHaveAttribute('data-state', 'pending');
    await expect(nb.getByTestId('next-step')).toContainText('等待 杭州市总工会 签署');
    await nb.screenshot({ path: artifact('agreement-signing'), fullPage: true });
    await nb.context().close();
  });

  test('杭州签署后协议生效，PDF 可下载且核验一致', async ({ browser, baseURL }) => {
    const hz = await signedInPage(browser, baseURL, 'signer@hangzhou.demo');
    await hz.goto(agreementUrl);
    await sign(hz, 2, { wrongPasswordFirst: true });
    await expect(hz.getByText('各方均已签署，协议已生效')).toBeVisible();
    await expect(hz.getByTestId('agreement-status')).toHaveText('已生效');
    await expect(hz.getByTestId('party-hangzhou')).toHaveAttribute('data-state', 'signed');

    const [download] = await Promise.all([hz.waitForEvent('download'), hz.getByTestId('agreement-pdf').click()]);
    const bytes = await readFile((await download.path())!);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    await hz.getByRole('button', { name: '核验' }).click();
    await expect(hz.getByTestId('verify-result')).toContainText('核验一致');
    // the figure of each direction, as the version in force sets it, on the overview
    await hz.getByRole('tab', { name: '概览', exact: true }).click();
    const directions = hz.getByText('杭州市总工会每年为对方预留 200 个；宁波市总工会每年为对方预留 150 个');
    await expect(directions).toBeVisible();
    await directions.locator('xpath=ancestor::div[contains(@class,"ant-card")][1]').screenshot({ path: artifact('agreement-places-by-direction') });
    await hz.screenshot({ path: artifact('agreement-active'), fullPage: true });
    await hz.context().close();
  });

  test('手机屏幕（375 px）：列表为卡片、签署页不横向溢出', async ({ browser, baseURL }) => {
    const phone = await signedInPage(browser, baseURL, 'signer@hangzhou.demo', true);
    await phone.goto('/t/hangzhou/agreements');
    await expect(phone.getByTestId('agreement-card').first()).toBeVisible();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: artifact('phone-agreements-list'), fullPage: true });

    await phone.goto(`${agreementUrl}/signing`);
    await expect(phone.getByTestId('party-ningbo')).toHaveAttribute('data-state', 'signed');
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: artifact('phone-agreement-signing'), fullPage: true });

    await phone.goto(`${agreementUrl}/compare`);
    await expect(phone.getByTestId('diff-care')).toBeVisible();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: artifact('phone-agreement-compare'), fullPage: true });

    // the editor of the demo's agreement in negotiation
    await phone.goto('/t/hangzhou/agreements?status=negotiating');
    await phone.getByRole('link', { name: /杭绍同城化工会合作协议/ }).click();
    await openTab(phone, '条款与版本');
    await expect(phone.getByRole('textbox', { name: '第四条 技能共同提升 条款正文' })).toBeVisible();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: artifact('phone-agreement-editor') });
    await phone.context().close();
  });

  test('演示数据：杭绍协商中的协议显示绍兴的意见，杭甬协议的签署凭证可核验', async ({ browser, baseURL }) => {
    const hz = await signedInPage(browser, baseURL, 'admin@hangzhou.demo');
    await hz.goto('/t/hangzhou/agreements?status=negotiating');
    await hz.getByRole('link', { name: /杭绍同城化工会合作协议/ }).click();
    await expect(hz.getByRole('heading', { name: /杭绍同城化工会合作协议/ })).toBeVisible();
    await expect(hz.getByTestId('agreement-status')).toHaveText('协商中');
    await expect(hz.getByTestId('next-step')).toContainText('各方正在协商');
    await hz.screenshot({ path: artifact('agreement-demo-overview'), fullPage: true });
    await openTab(hz, '条款与版本');
    await expect(hz.getByTestId('comments-skills').getByTestId('comment')).toContainText('纺织印染');
    await hz.screenshot({ path: artifact('agreement-demo-clauses'), fullPage: true });

    await hz.goto('/t/hangzhou/agreements?status=active');
    await hz.getByRole('link', { name: /杭甬“双城记”/ }).click();
    await openTab(hz, '签署');
    await expect(hz.getByTestId('party-ningbo')).toHaveAttribute('data-state', 'signed');
    // the admin is no signatory: nothing to sign, but the evidence is there
    await hz.getByRole('button', { name: '核验' }).click();
    await expect(hz.getByTestId('verify-result')).toContainText('核验一致');
    await hz.screenshot({ path: artifact('agreement-demo-signed'), fullPage: true });
    await hz.context().close();
  });

  test('两人同时修改：后保存者看到冲突提示，修改仍在，合并到最新版本后再保存', async ({ browser, baseURL }) => {
    const first = await signedInPage(browser, baseURL, 'admin@hangzhou.demo');
    const second = await signedInPage(browser, baseURL, 'signer@hangzhou.demo');
    for (const page of [first, second]) {
      await page.goto('/t/hangzhou/agreements?status=negotiating');
      await page.getByRole('link', { name: /杭绍同城化工会合作协议/ }).click();
      await openTab(page, '条款与版本');
      await expect(page.getByRole('textbox', { name: '第四条 技能共同提升 条款正文' })).toBeVisible();
    }
    const skills = '双方联合举办结对城市职工技能竞赛，首届纳入纺织印染工种。';
    const mine = '双方互认职工疗休养基地，每年相互预留疗休养名额，优先安排一线职工。';

    await second.getByRole('textbox', { name: '第四条 技能共同提升 条款正文' }).fill(skills);
    await second.getByRole('button', { name: '保存为新版本' }).click();
    await expect(second.getByText(/已保存为第 \d+ 版/)).toBeVisible();

    await first.getByRole('textbox', { name: '第五条 身心共同关爱 条款正文' }).fill(mine);
    await first.getByRole('button', { name: '保存为新版本' }).click();
    const conflict = first.getByTestId('editor-conflict');
    await expect(conflict).toContainText('保存未成功');
    await expect(conflict).toContainText('您的修改仍保留在下方');
    await expect(first.getByRole('textbox', { name: '第五条 身心共同关爱 条款正文' })).toHaveValue(mine);
    await expect(conflict).toBeInViewport();
    await first.screenshot({ path: artifact('agreement-conflict') });

    await conflict.getByRole('button', { name: '合并到最新版本' }).click();
    await expect(conflict).toBeHidden();
    await expect(first.getByRole('textbox', { name: '第五条 身心共同关爱 条款正文' })).toHaveValue(mine);
    await expect(first.getByRole('textbox', { name: '第四条 技能共同提升 条款正文' })).toHaveValue(skills);
    await first.getByRole('button', { name: '保存为新版本' }).click();
    await expect(first.getByText(/已保存为第 \d+ 版/)).toBeVisible();
    await first.context().close();
    await second.context().close();
  });
});
