import type { Browser, Page } from '@playwright/test';
import { artifact, expect, horizontalOverflow, label, signIn, test } from '../support/fixtures.ts';
import { idNumber } from '../support/roster.ts';

// Issue 11's journey, in Chinese: a Ningbo caseworker records a wage-arrears case with the
// worker's signed consent and refers it to Hangzhou; the Hangzhou caseworker reads the shared
// file (internal material stays in Ningbo), accepts, assigns, puts it on hold awaiting documents
// (the clock pauses), resumes and resolves it with the amount recovered; Ningbo calls the worker
// back. The access log shows every read, by both federations. The worker's signed consent form is
// uploaded with the consent and opened by Hangzhou; a message on the thread carries a file that the
// other side opens (decision 0056).
const WORKER = '林晓峰';
// files uploaded on the case (decision 0053): one shared with Hangzhou, one kept in Ningbo
const SHARED_FILE = '工资条-林晓峰.png';
const INTERNAL_FILE = '内部研判-林晓峰.pdf';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
// the worker's signed consent form (a scan, as a PDF) and a file sent on the thread
const CONSENT_FORM = '授权委托书-林晓峰.pdf';
const CONSENT_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% signed by the worker\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const THREAD_FILE = '考勤记录-林晓峰.png';

async function signedInPage(browser: Browser, baseURL: string | undefined, email: string, phone = false): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(phone ? { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } : { viewport: { width: 1366, height: 900 } }),
  });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/**
 * A step button by its words, not anchored: while a leaving loading icon is still inside a button its
 * accessible name starts with "loading" — with many pages open the icon's exit animation once never
 * ended and an anchored name waited for 3 minutes (antd still spaces two-character labels: 受 理).
 */
const stepLabel = (name: string) => new RegExp([...name].join('\\s*'));

async function step(page: Page, name: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: stepLabel(name) }).click();
  if (fill) {
    const dialog = page.getByRole('dialog', { name });
    await fill(dialog);
    await dialog.getByRole('button', { name: label(name) }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByText(`已完成：${name}`)).toBeVisible();
}

test.describe.serial('异地维权：宁波登记并转办，杭州受理、暂停、恢复、办结，宁波回访', () => {
  let path = '';

  test('宁波维权专员登记案件、记录职工书面授权并转办杭州', async ({ browser, baseURL }) => {
    const nb = await signedInPage(browser, baseURL, 'caseworker@ningbo.demo');
    await nb.getByRole('menuitem', { name: '异地维权' }).click();
    await expect(nb.getByRole('tab', { name: '转入本会' })).toBeVisible();
    await nb.getByRole('button', { name: '登记案件并转办' }).click();
    const dialog = nb.getByRole('dialog', { name: '登记案件并转办' });
    await dialog.getByLabel('职工姓名').fill(WORKER);
    await dialog.getByLabel('手机号').fill('13957400001');
    await dialog.getByLabel('身份证号').fill(idNumber('1988-05-06', 321));
    await dialog.getByLabel('用人单位').fill('杭州滨江某科技有限公司');
    await dialog.getByLabel('用工所在城市').fill('杭州');
    await dialog.getByLabel('基本事实').fill('2026 年 7 月至 10 月在杭州滨江从事软件测试，工资 26,000 元未付，单位拒绝结算。');
    await dialog.getByLabel('职工诉求').fill('支付拖欠工资');
    await dialog.getByLabel('涉及金额（元）').fill('26000');
    // files are added on the referral's page once it is sent (the form says so)
    await expect(dialog.getByText('转办后在本案页面逐件上传')).toBeVisible();
    await dialog.getByLabel('内部备注（不向对方提供）').fill('职工情绪焦虑，注意沟通');
    await dialog.getByLabel('转办至').click();
    await nb.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '杭州市总工会' }).click();
    // the signed form itself, uploaded with the consent: without it the form is not sent
    await dialog.getByRole('button', { name: '登记并转办' }).click();
    await expect(dialog.getByText('请先上传签字的授权书')).toBeVisible();
    await dialog.locator('input[type=file]').setInputFiles({ name: CONSENT_FORM, mimeType: 'application/pdf', buffer: CONSENT_PDF });
    await expect(dialog.getByTestId('consent-form-picked')).toContainText(CONSENT_FORM);
    await nb.screenshot({ path: artifact('rights-01-ningbo-new-case'), fullPage: true });
    await dialog.getByRole('button', { name: '登记并转办' }).click();
    await expect(nb).toHaveURL(/\/t\/ningbo\/rights\/[0-9a-f-]{36}$/);
    await expect(nb.getByText('待受理').first()).toBeVisible();
    await expect(nb.getByTestId('clock-accept').getByText('计时中')).toBeVisible();
    // a hotline case (12351): its hour clocks, in business hours, show beside the day clocks
    await expect(nb.getByText('12351 热线时限（工作时间）')).toBeVisible();
    await expect(nb.getByTestId('clock-dispatch').getByText(/计时中|即将到期|已超时/)).toBeVisible();
    path = new URL(nb.url()).pathname;
    // a word to the Hangzhou caseworker on the referral's own thread
    const thread = nb.getByTestId('referral-thread');
    await thread.getByRole('button', { name: '查看沟通记录（将记录查阅）' }).click();
    await expect(thread.getByText('还没有留言')).toBeVisible();
    await thread.getByLabel('给对方维权专员留言').fill('职工今天下午可到贵会当面补充材料，请告知接待地点。附考勤记录照片。');
    await thread.locator('input[type=file]').setInputFiles({ name: THREAD_FILE, mimeType: 'image/png', buffer: PNG });
    await expect(thread.getByTestId('thread-attachment')).toContainText(THREAD_FILE);
    await thread.getByRole('button', { name: label('发送') }).click();
    await expect(thread.getByTestId('thread-message')).toHaveCount(1);
    await expect(thread.getByTestId('thread-file')).toContainText(THREAD_FILE);
    await expect(thread.getByTestId('thread-attachment')).toHaveCount(0);
    // the case's documents as files: a pay slip photo shared with Hangzhou, an assessment kept here
    const docs = nb.locator('.ant-card', { hasText: '案件材料文件' });
    await docs.locator('input[type=file]').setInputFiles({ name: SHARED_FILE, mimeType: 'image/png', buffer: PNG });
    await expect(docs.getByTestId('case-document').filter({ hasText: SHARED_FILE })).toContainText('与对方共享');
    await docs.getByText('仅本会内部', { exact: true }).click();
    await docs.locator('input[type=file]').setInputFiles({ name: INTERNAL_FILE, mimeType: 'application/pdf', buffer: PDF });
    await expect(docs.getByTestId('case-document').filter({ hasText: INTERNAL_FILE })).toContainText('仅本会内部');
    await nb.screenshot({ path: artifact('rights-02-ningbo-referred'), fullPage: true });
  });

  test('杭州维权专员查阅共享材料，受理、指派、暂停等待材料、恢复并办结', async ({ browser, baseURL }) => {
    // eight steps with a reload each: 50–90 s on a busy 2-core machine, at the default 90 s limit
    test.setTimeout(180_000);
    const hz = await signedInPage(browser, baseURL, 'caseworker@hangzhou.demo');
    // by address: a menu click while the menu is still settling once landed on another module's page
    await hz.goto('/t/hangzhou/rights');
    await expect(hz.getByRole('cell', { name: '欠薪' }).first()).toBeVisible();
    await hz.screenshot({ path: artifact('rights-03-hangzhou-received'), fullPage: true });
    await hz.goto(path.replace('/t/ningbo/', '/t/hangzhou/'));
    await hz.getByRole('button', { name: '查看案件材料（将记录查阅）' }).click();
    await expect(hz.getByText('职工诉求')).toBeVisible();
    await expect(hz.getByText('职工情绪焦虑')).toHaveCount(0);
    await expect(hz.getByText(/110101\*{8}/)).toBeVisible();
    // the shared file only, previewed as itself; the internal one never reaches Hangzhou
    const shared = hz.getByTestId('shared-document');
    await expect(shared).toHaveCount(1);
    await expect(shared).toContainText(SHARED_FILE);
    await expect(hz.getByText(INTERNAL_FILE)).toHaveCount(0);
    const href = await shared.getByRole('link', { name: /预览/ }).getAttribute('href');
    const got = await hz.request.get(href!);
    expect(got.status()).toBe(200);
    expect(got.headers()['content-type']).toBe('image/png');
    expect(got.headers()['x-content-type-options']).toBe('nosniff');
    // the worker's signed consent form: the consent covers identity and documents, so Hangzhou may open it (logged)
    const consentForm = hz.getByTestId('consent-form');
    await expect(consentForm).toContainText(CONSENT_FORM);
    const form = await hz.request.get((await consentForm.getByRole('link', { name: /预览/ }).getAttribute('href'))!);
    expect(form.status()).toBe(200);
    expect(form.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await form.body()).equals(CONSENT_PDF)).toBe(true);
    await hz.screenshot({ path: artifact('rights-03b-hangzhou-shared-file'), fullPage: true });
    const thread = hz.getByTestId('referral-thread');
    await thread.getByRole('button', { name: '查看沟通记录（将记录查阅）' }).click();
    await expect(thread.getByTestId('thread-message').filter({ hasText: '宁波市总工会' })).toContainText('请告知接待地点');
    // Ningbo's attachment, opened from the thread (logged)
    const attachment = thread.getByTestId('thread-file');
    await expect(attachment).toContainText(THREAD_FILE);
    const png = await hz.request.get((await attachment.getByRole('link', { name: /下载/ }).getAttribute('href'))!);
    expect(png.status()).toBe(200);
    expect(png.headers()['content-disposition']).toMatch(/^attachment;/);
    await thread.screenshot({ path: artifact('rights-03c-hangzhou-thread-attachment') });
    await thread.getByLabel('给对方维权专员留言').fill('请到滨江区职工服务中心二楼维权窗口。');
    await thread.getByRole('button', { name: label('发送') }).click();
    await expect(thread.getByTestId('thread-message')).toHaveCount(2);

    await step(hz, '受理');
    await step(hz, '指派办理', (d) => d.getByLabel('承办人或法律援助机构').fill('杭州市职工法律援助中心'));
    await step(hz, '暂停（等待材料）', (d) => d.getByLabel('原因').fill('等待职工补充工资流水'));
    await expect(hz.getByTestId('clock-resolve').getByText('已暂停')).toBeVisible();
    await hz.screenshot({ path: artifact('rights-04-hangzhou-on-hold'), fullPage: true });
    await step(hz, '恢复办理');
    await expect(hz.getByTestId('clock-resolve').getByText(/计时中|即将到期/)).toBeVisible();
    await step(hz, '办结', (d) => d.getByLabel('追回金额（元）').fill('26000'));
    await expect(hz.getByText('已办结').first()).toBeVisible();
    await expect(hz.getByText('¥26,000.00').first()).toBeVisible();
    await hz.screenshot({ path: artifact('rights-05-hangzhou-resolved'), fullPage: true });
  });

  test('宁波回访职工；查阅记录列出双方每一次查阅；手机上也能看', async ({ browser, baseURL }) => {
    const nb = await signedInPage(browser, baseURL, 'caseworker@ningbo.demo');
    await nb.goto(path);
    await expect(nb.getByText('已办结').first()).toBeVisible();
    await step(nb, '回访', (d) => d.getByLabel('说明').fill('职工确认款项已到账，对办理结果满意'));
    await expect(nb.getByText('已回访').first()).toBeVisible();
    await nb.getByRole('button', { name: '查看案件材料（将记录查阅）' }).click();
    await expect(nb.getByTestId('shared-document').filter({ hasText: SHARED_FILE })).toBeVisible();
    const log = nb.locator('.ant-card', { hasText: '材料查阅记录' });
    await expect(log.getByRole('row', { name: /杭州市总工会.*查阅/ }).first()).toBeVisible();
    await expect(log.getByRole('row', { name: /宁波市总工会.*查阅/ }).first()).toBeVisible();
    // readers are named by 姓名 + 单位 + 职务, never by their login email
    await expect(log).not.toContainText('@');
    // the thread, with Hangzhou's reply; each side's reading of it is on the log too
    const thread = nb.getByTestId('referral-thread');
    await thread.getByRole('button', { name: '查看沟通记录（将记录查阅）' }).click();
    await expect(thread.getByTestId('thread-message').filter({ hasText: '杭州市总工会' })).toContainText('维权窗口');
    await expect(log.getByRole('row', { name: /杭州市总工会.*查阅沟通记录/ }).first()).toBeVisible();
    // Hangzhou's opening of the shared file is on the log
    await expect(log.getByRole('row', { name: /杭州市总工会.*查看材料文件/ }).first()).toBeVisible();
    // and its opening of the signed consent form and of the thread's attachment
    await expect(log.getByRole('row', { name: /杭州市总工会.*查看签字授权书/ }).first()).toBeVisible();
    await expect(log.getByRole('row', { name: /杭州市总工会.*查看沟通附件/ }).first()).toBeVisible();
    await nb.screenshot({ path: artifact('rights-06-ningbo-followed-up'), fullPage: true });

    const phone = await signedInPage(browser, baseURL, 'caseworker@hangzhou.demo', true);
    await phone.goto(path.replace('/t/ningbo/', '/t/hangzhou/'));
    await expect(phone.getByText('已回访').first()).toBeVisible();
    expect(await horizontalOverflow(phone), 'the referral is wider than the phone').toBeLessThanOrEqual(0);
    await phone.screenshot({ path: artifact('rights-07-phone-referral'), fullPage: true });
    // on the phone too: the signed form in the file, the thread's attachment (both reads logged)
    await phone.getByRole('button', { name: '查看案件材料（将记录查阅）' }).click();
    await expect(phone.getByTestId('consent-form')).toContainText(CONSENT_FORM);
    const phoneThread = phone.getByTestId('referral-thread');
    await phoneThread.getByRole('button', { name: '查看沟通记录（将记录查阅）' }).click();
    await expect(phoneThread.getByTestId('thread-file')).toContainText(THREAD_FILE);
    expect(await horizontalOverflow(phone), 'the file and thread are wider than the phone').toBeLessThanOrEqual(0);
    await phone.screenshot({ path: artifact('rights-07b-phone-form-and-thread'), fullPage: true });
  });
});

/** A plain working day some weeks ahead: Tuesday to Thursday, clear of the long national holidays. */
function plainWorkingDay(from = new Date()): string {
  const d = new Date(from.getTime() + 45 * 86_400_000);
  const clear = (x: Date) => {
    const [m, day, wd] = [x.getUTCMonth() + 1, x.getUTCDate(), x.getUTCDay()];
    const holiday = (m === 1 && day <= 3) || (m === 2) || (m === 1 && day >= 20) || (m === 4 && day >= 28) || (m === 5 && day <= 6) || (m === 10 && day <= 9) || (m === 9 && day >= 28);
    return wd >= 2 && wd <= 4 && !holiday;
  };
  while (!clear(d)) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

test('宁波管理员设定时限规则：新规则从以后生效，添加闭馆日；维权专员只能查看', async ({ browser, baseURL }) => {
  const cw = await signedInPage(browser, baseURL, 'caseworker@ningbo.demo');
  await cw.goto('/t/ningbo/rights?tab=levels');
  const levels = cw.getByTestId('service-levels');
  // the demo's tightened policy from next New Year, and its closure day, read by the caseworker
  await expect(levels.getByRole('row', { name: /待生效/ })).toBeVisible();
  await expect(levels.getByText('单位集中培训，维权部门闭馆一天')).toBeVisible();
  await expect(levels.getByRole('button', { name: '设定新规则' })).toHaveCount(0);

  const admin = await signedInPage(browser, baseURL, 'admin@ningbo.demo');
  await admin.goto('/t/ningbo/rights?tab=levels');
  const panel = admin.getByTestId('service-levels');
  const day = plainWorkingDay();
  const closures = panel.locator('.ant-card', { hasText: '闭馆日' });
  await closures.getByLabel('日期').click();
  await closures.getByLabel('日期').fill(day);
  await closures.getByLabel('日期').press('Enter');
  await closures.getByLabel('原因').fill('防汛演练，维权窗口暂停办公');
  await closures.getByRole('button', { name: /添加闭馆日/ }).click();
  await expect(closures.getByRole('row', { name: /防汛演练/ })).toBeVisible();
  // a new policy from tomorrow (the form's first allowed day): accepting within 2 working days
  const policies = panel.locator('.ant-card', { hasText: '时限规则（工作日）' });
  await policies.getByRole('spinbutton', { name: '受理时限' }).fill('2');
  await policies.getByRole('button', { name: /设定新规则/ }).click();
  await expect(policies.getByRole('row', { name: /待生效/ })).toHaveCount(2);
  await admin.screenshot({ path: artifact('rights-08-service-levels'), fullPage: true });
});

test('杭州维权专员转办被退回的案件：只能选与本会签有维权协作协议的城市，宁波本身不在可选之列', async ({ browser, baseURL }) => {
  const hz = await signedInPage(browser, baseURL, 'caseworker@hangzhou.demo');
  await hz.goto('/t/hangzhou/rights?tab=referred');
  await hz.getByTestId('referral-row').filter({ hasText: '已退回' }).first().getByRole('link').first().click();
  await expect(hz.getByText('用人单位注册地及用工地均在绍兴').first()).toBeVisible();
  await hz.getByRole('button', { name: '转办其他城市' }).click();
  const dialog = hz.getByRole('dialog', { name: '转办至其他城市总工会' });
  // the demo's only rights partner is Ningbo, the performer that returned it: nowhere else to go yet
  await expect(dialog.getByText('暂无可选的城市')).toBeVisible();
  await dialog.getByLabel('转办原因').fill('用人单位在绍兴，转绍兴市总工会');
  await dialog.getByRole('button', { name: '记录同意并转办' }).click();
  await expect(dialog.getByText('请选择对方总工会').or(dialog.locator('.ant-form-item-explain-error').first())).toBeVisible();
  await hz.screenshot({ path: artifact('rights-09-transfer-no-partner'), fullPage: true });
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog).toBeHidden();
  await expect(hz.getByText('已退回').first()).toBeVisible();
});

test('宁波维权专员申请将暂停中的案件移交绍兴；杭州看到申请并说明理由不同意，宁波继续办理', async ({ browser, baseURL }) => {
  const nb = await signedInPage(browser, baseURL, 'caseworker@ningbo.demo');
  await nb.goto('/t/ningbo/rights?tab=received');
  await nb.getByTestId('referral-row').filter({ hasText: '暂停（等待材料）' }).first().getByRole('link').first().click();
  await expect(nb.getByText('办理记录')).toBeVisible();
  const path = new URL(nb.url()).pathname.replace('/t/ningbo/', '');
  await nb.getByRole('button', { name: stepLabel('申请移交') }).click();
  const ask = nb.getByRole('dialog', { name: '申请移交' });
  await ask.getByLabel('移交至').click();
  await nb.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '绍兴市总工会' }).click();
  await ask.getByLabel('转办原因').fill('补充材料显示实际用工主体在绍兴');
  await ask.getByRole('button', { name: label('提交申请') }).click();
  await expect(ask).toBeHidden();
  await expect(nb.getByTestId('rights-transfer-request')).toContainText('已申请移交绍兴市总工会办理');
  await nb.screenshot({ path: artifact('rights-10-transfer-asked'), fullPage: true });

  const hz = await signedInPage(browser, baseURL, 'caseworker@hangzhou.demo');
  await hz.goto(`/t/hangzhou/${path}`);
  const request = hz.getByTestId('rights-transfer-request');
  await expect(request).toContainText('宁波市总工会申请将本案移交绍兴市总工会办理');
  await expect(request).toContainText('补充材料显示实际用工主体在绍兴');
  await hz.screenshot({ path: artifact('rights-11-transfer-request'), fullPage: true });
  await request.getByRole('button', { name: stepLabel('不同意移交') }).click();
  const decline = hz.getByRole('dialog', { name: '不同意移交' });
  await decline.getByLabel('原因').fill('劳动合同履行地在宁波，请继续办理');
  await decline.getByRole('button', { name: stepLabel('不同意移交') }).click();
  await expect(decline).toBeHidden();
  await expect(request).toBeHidden();

  await nb.reload();
  await expect(nb.getByText('劳动合同履行地在宁波，请继续办理')).toBeVisible();
  await expect(nb.getByRole('button', { name: stepLabel('申请移交') })).toBeVisible();
  await expect(nb.getByText('暂停（等待材料）').first()).toBeVisible();
  await nb.context().close();
  await hz.context().close();
});

test('杭州维权专员查看看板：在办转办按对方与状态、超时提醒、办结与追回金额；手机上也能看', async ({ browser, baseURL }) => {
  const hz = await signedInPage(browser, baseURL, 'caseworker@hangzhou.demo');
  await hz.goto('/t/hangzhou/rights?tab=board');
  const board = hz.getByTestId('rights-board');
  await expect(board.getByTestId('board-open').filter({ hasText: '宁波市总工会' }).first()).toBeVisible();
  // the demo's escalated referral has missed its acceptance deadline
  await expect(board.getByTestId('board-breach').first()).toBeVisible();
  const outcomes = board.locator('.ant-card', { hasText: '办结与追回金额' });
  await expect(outcomes.getByRole('row', { name: /宁波市总工会/ }).first()).toBeVisible();
  await hz.screenshot({ path: artifact('rights-12-board'), fullPage: true });
  await board.getByTestId('board-breach').first().getByTestId('board-referral').click();
  await expect(hz.getByText('办理时限').first()).toBeVisible();

  const phone = await signedInPage(browser, baseURL, 'caseworker@hangzhou.demo', true);
  await phone.goto('/t/hangzhou/rights?tab=board');
  await expect(phone.getByTestId('rights-board')).toBeVisible();
  expect(await horizontalOverflow(phone), 'the board is wider than the phone').toBeLessThanOrEqual(0);
  await phone.screenshot({ path: artifact('rights-13-board-phone'), fullPage: true });
});
