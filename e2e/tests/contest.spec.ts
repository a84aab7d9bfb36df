import type { Browser, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { XLSX_MIME } from '../support/roster.ts';
import { artifact, expect, horizontalOverflow, label, signIn, test } from '../support/fixtures.ts';

// Issue 9's journey, in Chinese, on the demo contests: the chief judge seats a neutral judge (the
// compatriot rule visible on the panel), judges finish the 养老护理员 marking on 375 px phones by
// contestant number only, the chief judge imports the theory exam's sheet, locks and publishes, Ningbo appeals within the window and
// the chief judge decides; a certificate of the finalised 电工 event verifies on the public page.

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1366, height: 860 } };
const CONTEST_2026 = '2026年杭甬结对城市职工技能竞赛';
const CONTEST_2027 = '2027年杭甬职工数控技能邀请赛';

async function signedIn(browser: Browser, baseURL: string | undefined, email: string, phone = false): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(phone ? PHONE : DESKTOP) });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function openContest(page: Page, title: string) {
  await page.getByRole('menuitem', { name: '技能竞赛' }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

const eventCard = (page: Page, trade: string) => page.getByTestId('contest-event').filter({ hasText: trade });

/** A judge on a phone marks every aspect of every contestant still open on their sheet. */
async function finishMarking(page: Page, shot: string | null, ownFederation: string) {
  await page.goto(page.url().replace(/\/t\/([^/]+).*$/, '/t/$1/judge'));
  await page.getByTestId('judge-event').filter({ hasText: '养老护理员' }).click();
  await expect(page.getByText('盲评：只显示参赛号')).toBeVisible();
  // blind: the sheet names no other federation (the header shows only the judge's own)
  for (const word of ['杭州市总工会', '宁波市总工会', '绍兴市总工会'].filter((w) => w !== ownFederation)) await expect(page.locator('body')).not.toContainText(word);
  if (shot) {
    expect(await horizontalOverflow(page), 'the score sheet is wider than the phone').toBeLessThanOrEqual(0);
    await page.screenshot({ path: artifact(`${shot}-sheet`), fullPage: true });
  }
  const numbers = page.getByTestId('judge-numbers').locator('.ant-segmented-item');
  await markOpen(page, numbers);
  // read the sheet again from the server and mark anything still open (a submission is idempotent):
  // a mark skipped on a slow round trip would otherwise only show when the lock finds it missing
  await page.reload();
  await expect(page.getByText('盲评：只显示参赛号')).toBeVisible();
  await markOpen(page, numbers);
  // every number on the sheet is ticked: nothing left for the lock to find missing
  await expect(numbers.filter({ hasNotText: '✓' })).toHaveCount(0);
  if (shot) await page.screenshot({ path: artifact(`${shot}-done`), fullPage: true });
  await page.context().close();
}

/** Marks every aspect card still open, contestant by contestant. */
async function markOpen(page: Page, numbers: ReturnType<Page['locator']>) {
  const count = await numbers.count();
  for (let i = 0; i < count; i++) {
    const text = await numbers.nth(i).innerText();
    // ticked: every aspect of this contestant is marked (after a reload, as the server has it)
    if (text.includes('✓')) continue;
    const n = text.replace(/\D/g, '');
    await numbers.nth(i).click();
    // the sheet shows this contestant before its open aspects are counted
    await expect(page.getByRole('heading', { name: `${n} 号选手` })).toBeVisible();
    // each aspect card by position (stable for this contestant): mark it and wait for that card to
    // show the mark taken, so a slow round trip never lets the next mark go to the wrong card
    const cards = page.getByTestId('aspect');
    const aspects = await cards.count();
    for (let a = 0; a < aspects; a++) {
      const card = cards.nth(a);
      if (await card.getByTestId('aspect-done').count()) continue;
      // by the aspect's rule: a written level to choose, or a value (a measurement, or points) to type
      const levels = card.getByRole('radio');
      if (await levels.count()) await levels.nth((i + a) % (await levels.count())).check();
      else await card.getByRole('spinbutton').fill(String((i * 3) % 8));
      await card.getByRole('button', { name: label('提交评分') }).click();
      await expect(card.getByTestId('aspect-done')).toBeVisible();
    }
  }
}

test.describe.serial('技能竞赛：组建裁判组、手机盲评、锁定、公示、申诉、证书查验', () => {
  test('裁判长组建裁判组，回避规则可见', async ({ browser, baseURL }) => {
    const hz = await signedIn(browser, baseURL, 'admin@hangzhou.demo');
    await hz.getByRole('menuitem', { name: '技能竞赛' }).click();
    await expect(hz.getByTestId('contest-card')).toHaveCount(2);
    await hz.screenshot({ path: artifact('contest-01-list') });
    await openContest(hz, CONTEST_2027);
    const cnc = eventCard(hz, '数控车工');
    await cnc.getByRole('tab', { name: '裁判组' }).click();
    await cnc.getByLabel('裁判', { exact: true }).click();
    await hz.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '绍兴裁判一' }).click();
    await cnc.getByRole('button', { name: label('加入裁判组') }).click();
    await expect(cnc.getByTestId('panel-judge').filter({ hasText: '绍兴裁判一' })).toBeVisible();
    await hz.screenshot({ path: artifact('contest-02-panel-formed'), fullPage: true });

    await openContest(hz, CONTEST_2026);
    const care = eventCard(hz, '养老护理员');
    await care.getByRole('tab', { name: '裁判组' }).click();
    await expect(care.getByText('回避规则：裁判不得评判本市选手')).toBeVisible();
    await expect(care.getByTestId('panel-judge').filter({ hasText: '宁波裁判一' })).toContainText('回避本市选手 4 名');
    await expect(care.getByText('评分已开始，裁判组已冻结')).toBeVisible();
    await hz.screenshot({ path: artifact('contest-03-panel-compatriots'), fullPage: true });
    await hz.context().close();
  });

  test('两位裁判在手机上按参赛号评分', async ({ browser, baseURL }) => {
    // four phone sessions, each marking four contestants and reading its sheet back once
    test.setTimeout(180_000);
    await finishMarking(await signedIn(browser, baseURL, 'judge2@ningbo.demo', true), 'contest-04-judge-ningbo', '宁波市总工会');
    await finishMarking(await signedIn(browser, baseURL, 'judge1@shaoxing.demo', true), 'contest-05-judge-shaoxing', '绍兴市总工会');
    await finishMarking(await signedIn(browser, baseURL, 'judge1@ningbo.demo', true), null, '宁波市总工会');
    await finishMarking(await signedIn(browser, baseURL, 'judge1@hangzhou.demo', true), null, '杭州市总工会');
  });

  test('裁判长锁定评分并发布成绩公示，宁波提出申诉，裁判长处理', async ({ browser, baseURL }) => {
    const hz = await signedIn(browser, baseURL, 'admin@hangzhou.demo');
    await openContest(hz, CONTEST_2026);
    const care = eventCard(hz, '养老护理员');
    // no lock before the theory exam's sheet is in: download it with every number, fill it, import it
    await expect(care.getByTestId('theory-status')).toContainText('尚未导入');
    await care.getByRole('button', { name: label('导入理论成绩') }).click();
    const dialog = hz.getByRole('dialog', { name: '导入养老护理员理论考试成绩' });
    const href = await dialog.getByRole('link', { name: /下载导入表/ }).getAttribute('href');
    const sheet = new ExcelJS.Workbook();
    await sheet.xlsx.load((await (await hz.request.get(href!)).body()) as unknown as ExcelJS.Buffer);
    const ws = sheet.worksheets[0]!;
    ws.eachRow((row, n) => {
      if (n > 1) row.getCell(2).value = n === 2 ? '缺考' : 60 + n * 3.5;
    });
    await dialog.locator('input[type=file]').setInputFiles({ name: '养老护理员理论成绩.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(await sheet.xlsx.writeBuffer()) });
    await expect(dialog.getByText('将导入 8 名选手的理论成绩')).toBeVisible();
    await expect(dialog.getByRole('cell', { name: '缺考' })).toBeVisible();
    await hz.screenshot({ path: artifact('contest-06a-theory-preview') });
    await dialog.getByRole('button', { name: '确认导入 8 名选手的成绩' }).click();
    await expect(dialog.getByText('已导入 8 名选手的理论成绩')).toBeVisible();
    await dialog.getByRole('button', { name: label('完成') }).click();
    await expect(care.getByTestId('theory-status')).toContainText('已导入 8 人');
    await care.getByRole('button', { name: label('锁定评分') }).click();
    await expect(care.getByText('评分已锁定')).toBeVisible();
    await care.getByRole('button', { name: label('发布成绩公示') }).click();
    await expect(care.getByText('成绩公示中')).toBeVisible();
    await care.getByRole('tab', { name: '成绩' }).click();
    await expect(care.getByTestId('results-table').locator('tbody tr.ant-table-row')).toHaveCount(8);
    await hz.screenshot({ path: artifact('contest-06-results-published'), fullPage: true });

    const nb = await signedIn(browser, baseURL, 'admin@ningbo.demo');
    await openContest(nb, CONTEST_2026);
    const nbCare = eventCard(nb, '养老护理员');
    // the published results notice for printing: the PDF link answers with the PDF
    const pdfHref = await nbCare.getByRole('link', { name: '成绩公示表 PDF' }).getAttribute('href');
    const pdf = await nb.request.get(pdfHref!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await nbCare.getByRole('tab', { name: '成绩' }).click();
    const ownRow = nbCare.getByTestId('results-table').locator('tbody tr.ant-table-row').filter({ hasText: '宁波市总工会' }).last();
    const number = (await ownRow.locator('td').nth(1).innerText()).trim();
    await nbCare.getByLabel('参赛号').fill(number);
    await nbCare.getByLabel('申诉理由').fill('选手对理论考试成绩有异议，申请复核试卷。');
    await nbCare.getByRole('button', { name: label('提出申诉') }).click();
    await expect(nbCare.getByTestId('appeal').filter({ hasText: '待处理' })).toBeVisible();
    await nb.screenshot({ path: artifact('contest-07-appeal-filed'), fullPage: true });

    await hz.reload();
    const hzCare = eventCard(hz, '养老护理员');
    await hzCare.getByRole('tab', { name: '成绩' }).click();
    // the chief judge re-checks the paper and upholds: the exam sheet's theory mark is corrected in the re-mark dialog
    const appeal = hzCare.getByTestId('appeal').filter({ hasText: '待处理' });
    await appeal.getByLabel('处理意见').fill('经复核试卷，第 12 题判分有误，理论成绩改为 88.5 分。');
    await appeal.getByRole('button', { name: label('申诉成立') }).click();
    const remark = hz.getByRole('dialog', { name: `复核改分：${number} 号选手` });
    await expect(remark.getByRole('cell', { name: '考试系统成绩' })).toBeVisible();
    await expect(remark.getByText('请至少修改一项分数；不改分请驳回申诉')).toBeVisible();
    await remark.getByLabel('理论知识 考试系统成绩').fill('88.5');
    await remark.getByLabel('理论知识 考试系统成绩').blur();
    await hz.screenshot({ path: artifact('contest-08a-remark') });
    await remark.getByRole('button', { name: label('确认改分，申诉成立') }).click();
    await expect(remark).toBeHidden();
    await expect(hzCare.getByTestId('appeal').filter({ hasText: '成立' }).first()).toBeVisible();
    // the results recompute at once: the contestant's row carries the corrected theory mark
    const remarked = hzCare.getByTestId('results-table').locator('tbody tr.ant-table-row').filter({ hasText: '88.5' });
    await expect(remarked).toHaveCount(1);
    await expect(remarked.locator('td').nth(1)).toHaveText(number);
    await hz.screenshot({ path: artifact('contest-08-appeal-decided'), fullPage: true });
    await hz.context().close();
    await nb.context().close();
  });

  test('证书编号可在公开页面查验', async ({ browser, baseURL }) => {
    const nb = await signedIn(browser, baseURL, 'admin@ningbo.demo');
    await openContest(nb, CONTEST_2026);
    const electric = eventCard(nb, '电工');
    await electric.getByRole('tab', { name: '成绩' }).click();
    const first = electric.getByTestId('certificate').first();
    await expect(first).toContainText('一等奖');
    const number = (await first.locator('code').innerText()).trim();
    await nb.screenshot({ path: artifact('contest-09-certificates'), fullPage: true });
    const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...PHONE });
    const anon = await context.newPage();
    await anon.goto(`/verify/certificate/${number}`);
    await expect(anon.getByText('证书真实有效')).toBeVisible();
    await expect(anon.getByTestId('certificate-facts')).toContainText(number);
    await expect(anon.getByTestId('certificate-facts')).not.toContainText('宁波市总工会会员');
    await anon.screenshot({ path: artifact('contest-10-verify'), fullPage: true });
    await context.close();
    await nb.context().close();
  });
  test('会员在手机上报名数控车工（同意提供信息），宁波市总审核通过，占用本市名额', async ({ browser, baseURL }) => {
    const member = await signedIn(browser, baseURL, 'member@ningbo.demo', true);
    await member.getByTestId('member-home').getByRole('link', { name: '技能竞赛' }).click();
    await expect(member.getByRole('heading', { name: '技能竞赛报名' })).toBeVisible();
    const cnc = member.getByTestId('contest-open-event').filter({ hasText: '数控车工' });
    await expect(cnc).toContainText(CONTEST_2027);
    await cnc.getByRole('button', { name: label('我要报名') }).click();
    await cnc.getByRole('spinbutton').fill('6');
    // no consent, no application
    await cnc.getByRole('button', { name: label('提交报名') }).click();
    await expect(cnc.getByText('请先勾选同意提供报名信息')).toBeVisible();
    await cnc.getByTestId('contest-apply-consent').click();
    expect(await horizontalOverflow(member), 'the application form is wider than the phone').toBeLessThanOrEqual(0);
    await member.screenshot({ path: artifact('contest-11-member-apply'), fullPage: true });
    await cnc.getByRole('button', { name: label('提交报名') }).click();
    const mine = member.getByTestId('contest-my-application').filter({ hasText: '数控车工' });
    await expect(mine).toContainText('待审核');
    await expect(cnc).toContainText('待审核');
    await member.screenshot({ path: artifact('contest-12-member-applied'), fullPage: true });

    const nb = await signedIn(browser, baseURL, 'admin@ningbo.demo');
    await openContest(nb, CONTEST_2027);
    const event = eventCard(nb, '数控车工');
    await expect(event).toContainText('宁波市总工会：已报 3 / 10');
    const applications = event.getByTestId('contest-applications');
    await expect(applications.getByTestId('contest-application')).toHaveCount(1);
    await nb.screenshot({ path: artifact('contest-13-applications-to-review'), fullPage: true });
    await applications.getByRole('button', { name: label('审核通过') }).click();
    await expect(applications.getByTestId('contest-application')).toContainText('已通过');
    await expect(event).toContainText('宁波市总工会：已报 4 / 10');
    await expect(event.getByTestId('contest-entry')).toHaveCount(4);
    await nb.screenshot({ path: artifact('contest-14-application-approved'), fullPage: true });
    await nb.context().close();

    await member.reload();
    await expect(member.getByTestId('contest-my-application').filter({ hasText: '数控车工' })).toContainText('已通过');
    await member.screenshot({ path: artifact('contest-15-member-approved'), fullPage: true });
    await member.context().close();
  });

  test('主办方新建竞赛（邀请绍兴派裁判），新增赛项并调整评分细则', async ({ browser, baseURL }) => {
    const hz = await signedIn(browser, baseURL, 'admin@hangzhou.demo');
    await hz.getByRole('menuitem', { name: '技能竞赛' }).click();
    await hz.getByRole('button', { name: label('新建竞赛') }).click();
    const create = hz.getByRole('dialog', { name: '新建结对城市职工技能竞赛' });
    await create.getByLabel('竞赛名称').fill('2027年杭甬结对城市职工焊工技能竞赛');
    await create.getByLabel('裁判支持方（可选）').click();
    await hz.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '绍兴市总工会' }).click();
    await hz.keyboard.press('Escape');
    await create.getByRole('button', { name: label('创建竞赛') }).click();
    await expect(hz.getByRole('heading', { name: '2027年杭甬结对城市职工焊工技能竞赛' })).toBeVisible();
    await expect(hz.getByText('绍兴市总工会 · 裁判支持方')).toBeVisible();

    await hz.getByRole('button', { name: label('新增赛项') }).click();
    const dialog = hz.getByRole('dialog', { name: /新增赛项/ });
    await dialog.getByLabel('赛项（工种）').fill('焊工');
    await dialog.getByLabel('地点').fill('宁波技师学院焊接实训中心');
    // the marking scheme starts from the default and is the organiser's to change: a judged safety aspect added
    const aspects = dialog.getByTestId('contest-aspects');
    await dialog.getByRole('button', { name: /添加评分项/ }).click();
    await aspects.getByLabel('评分项名称').last().fill('安全文明生产');
    await aspects.getByLabel('满分').last().fill('10');
    await hz.screenshot({ path: artifact('contest-16-new-event'), fullPage: true });
    await dialog.getByRole('button', { name: label('保存赛项') }).click();
    await expect(dialog).toBeHidden();
    const welding = eventCard(hz, '焊工');
    await expect(welding).toContainText('理论 30% · 实操 70%');
    await expect(welding).toContainText('宁波技师学院焊接实训中心');
    await hz.screenshot({ path: artifact('contest-17-event-created'), fullPage: true });

    // before any mark the organiser corrects the scheme: theory counts 20 %, the safety aspect 15 points
    await welding.getByTestId('contest-scheme-edit').click();
    const scheme = hz.getByRole('dialog', { name: /调整评分细则/ });
    await expect(scheme.getByLabel('评分项名称').last()).toHaveValue('安全文明生产');
    await scheme.getByLabel('满分').last().fill('15');
    await scheme.getByLabel('理论权重（%）').fill('20');
    await hz.screenshot({ path: artifact('contest-18-scheme-edit'), fullPage: true });
    await scheme.getByRole('button', { name: label('保存评分细则') }).click();
    await expect(scheme).toBeHidden();
    await expect(welding).toContainText('理论 20% · 实操 80%');
    // every party reads the scheme line by line from the weights
    await welding.getByTestId('contest-scheme-show').click();
    await expect(hz.getByTestId('contest-scheme')).toContainText('安全文明生产（实操·评价，满分 15）');
    await hz.screenshot({ path: artifact('contest-19-scheme-read'), fullPage: true });
    await hz.context().close();
  });
});
