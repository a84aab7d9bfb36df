import type { Browser, Locator, Page } from '@playwright/test';
import { artifact, expect, horizontalOverflow, label, signIn, test } from '../support/fixtures.ts';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idNumber, XLSX_MIME } from '../support/roster.ts';

// Issue 5's journey, in Chinese: a Ningbo member books a stay at a Hangzhou base from a 375 px
// phone, with one companion and the PIPL consent; Ningbo approves, Hangzhou confirms, the member
// shows the QR code and the host checks them in with its token. The host first opens a batch that
// starts tomorrow, because check-in is only possible from the day before a batch starts.
const ROUTE = '西湖人文疗休养线（5天4晚）';
const CODE = 'HZ-XH-E2E';
const COMPANION = '测试家属周敏';

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1366, height: 860 } };

/** Today and tomorrow as calendar dates in China, whatever zone the machine runs in. */
function chinaDates() {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const next = new Date(`${today}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const tomorrow = next.toISOString().slice(0, 10);
  const [y, m, d] = tomorrow.split('-').map(Number);
  return { today, tomorrow, tomorrowZh: `${y}年${m}月${d}日` };
}

/** A nomination list as an office fills it in: 身份证号 as text, 姓名 left empty. */
async function nominationXlsx(idNumbers: string[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('推荐名单');
  sheet.addRow(['身份证号', '姓名']);
  for (const id of idNumbers) sheet.addRow([id, '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function signedInPage(browser: Browser, baseURL: string | undefined, email: string, phone: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(phone ? PHONE : DESKTOP) });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function pickDate(scope: Locator, field: string, date: string) {
  const input = scope.getByLabel(field, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function fitsThePhone(page: Page, name: string) {
  expect(await horizontalOverflow(page), `${name} is wider than the phone`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: artifact(name), fullPage: true });
}

test.describe.serial('疗休养：宁波会员手机预订杭州基地，审核、确认、扫码入住', () => {
  const { today, tomorrow, tomorrowZh } = chinaDates();
  let bookingUrl = '';
  let token = '';

  test('杭州工作人员开设明天出发的批次', async ({ browser, baseURL }) => {
    const hz = await signedInPage(browser, baseURL, 'officer@hangzhou.demo', false);
    await hz.getByRole('menuitem', { name: '疗休养管理' }).click();
    await hz.getByRole('tab', { name: '批次与名单' }).click();
    await expect(hz.getByRole('cell', { name: 'HZ-XH-2612' })).toBeVisible();
    await hz.getByRole('button', { name: '新建批次' }).click();
    const dialog = hz.getByRole('dialog', { name: '新建批次' });
    await dialog.getByLabel('线路', { exact: true }).click();
    await hz.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: ROUTE }).click();
    await dialog.getByLabel('批次编号').fill(CODE);
    await pickDate(dialog, '出发日期', tomorrow);
    await dialog.getByLabel('住宿晚数').fill('4');
    await dialog.getByLabel('床位数').fill('20');
    await pickDate(dialog, '报名开始', today);
    await pickDate(dialog, '报名截止', tomorrow);
    await pickDate(dialog, '取消截止', tomorrow);
    await hz.screenshot({ path: artifact('booking-01-host-new-batch') });
    await dialog.getByRole('button', { name: label('保存') }).click();
    await expect(dialog).toBeHidden();
    await expect(hz.getByRole('row', { name: new RegExp(`${CODE}.*报名中`) })).toBeVisible();
    await hz.screenshot({ path: artifact('booking-02-host-batches') });
  });

  test('宁波会员在手机上找到杭州的批次，带一位家属预订，并单独勾选信息共享同意', async ({ browser, baseURL }) => {
    const page = await signedInPage(browser, baseURL, 'member@ningbo.demo', true);
    await page.getByText('预约疗休养', { exact: true }).click();
    await expect(page.getByRole('heading', { name: '疗休养预订' })).toBeVisible();
    await page.getByText('杭州市总工会', { exact: true }).click();
    const card = page.getByTestId('batch-card').filter({ hasText: ROUTE }).filter({ hasText: tomorrowZh });
    await expect(card).toContainText('¥480.00/人/天');
    await expect(card).toContainText('余 20 床位');
    await fitsThePhone(page, 'booking-03-phone-browse');

    await card.click();
    await expect(page.getByRole('heading', { name: ROUTE })).toBeVisible();
    await expect(page.getByText(/本单位剩余名额 \d+ 个/)).toBeVisible();
    await expect(page.getByText('西湖职工疗休养基地')).toBeVisible();
    await fitsThePhone(page, 'booking-04-phone-batch');

    await page.getByRole('button', { name: '我要预订' }).click();
    await page.getByRole('button', { name: '添加随行家属' }).click();
    const companion = page.getByTestId('companion');
    await companion.getByLabel('姓名').fill(COMPANION);
    await companion.getByLabel('身份证号').fill(idNumber('1988-03-14', 52).slice(0, 17) + '0');
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByText('身份证号校验不通过，请核对')).toBeVisible();
    await companion.getByLabel('身份证号').fill(idNumber('1988-03-14', 52));
    await fitsThePhone(page, 'booking-05-phone-companion');
    await page.getByRole('button', { name: '下一步' }).click();

    // the consent is never assumed: without the tick there is no way on
    await expect(page.getByText('个人信息共享授权')).toBeVisible();
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByText('请先勾选同意，才能提交预订')).toBeVisible();
    await fitsThePhone(page, 'booking-06-phone-consent-required');
    await page.getByRole('checkbox', { name: '我同意将上述个人信息提供给杭州市总工会' }).check();
    await page.getByRole('button', { name: '下一步' }).click();

    const summary = page.getByTestId('book-summary');
    await expect(summary).toContainText(`${COMPANION}（配偶）`);
    await expect(summary).toContainText('占用床位 2 个');
    await expect(summary).toContainText('每人 ¥2,400.00');
    await fitsThePhone(page, 'booking-07-phone-summary');
    await page.getByRole('button', { name: '提交预订' }).click();

    await expect(page.getByText('已提交，等待本单位审核')).toBeVisible();
    await expect(page.getByTestId('booking-status')).toHaveText('待审核');
    await expect(page.getByText('接待方确认后显示入住核验码')).toBeVisible();
    bookingUrl = new URL(page.url()).pathname;
    expect(bookingUrl).toMatch(/^\/t\/ningbo\/recuperation\/bookings\/[0-9a-f-]{36}$/);
    await fitsThePhone(page, 'booking-08-phone-requested');

    await page.getByRole('link', { name: '我的预订' }).click();
    await expect(page.getByTestId('booking-card').filter({ hasText: tomorrowZh })).toContainText('待审核');
    await fitsThePhone(page, 'booking-09-phone-my-bookings');
  });

  test('宁波工作人员审核通过，杭州工作人员确认接待', async ({ browser, baseURL }) => {
    const nb = await signedInPage(browser, baseURL, 'officer@ningbo.demo', false);
    await nb.getByRole('menuitem', { name: '疗休养管理' }).click();
    const request = nb.getByRole('row', { name: new RegExp(COMPANION) });
    await expect(request).toContainText('待审核');
    // the request carries the policy's verdict (the same check the member saw), before anyone approves
    await expect(request.getByText('符合条件', { exact: true })).toBeVisible();
    await nb.screenshot({ path: artifact('booking-10-home-to-approve'), fullPage: true });
    await request.getByRole('button', { name: /审核通过/ }).click();
    await expect(nb.getByText('已审核通过，等待接待方确认')).toBeVisible();
    await nb.getByRole('tab', { name: '会员报名' }).click();
    await nb.getByLabel('状态').click();
    await nb.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '全部状态' }).click();
    await expect(nb.getByRole('row', { name: new RegExp(COMPANION) })).toContainText('待接待方确认');
    await nb.screenshot({ path: artifact('booking-11-home-approved'), fullPage: true });

    const hz = await signedInPage(browser, baseURL, 'officer@hangzhou.demo', false);
    await hz.getByRole('menuitem', { name: '疗休养管理' }).click();
    const guest = hz.getByRole('row', { name: new RegExp(COMPANION) });
    await expect(guest).toContainText('宁波市总工会');
    await expect(guest).toContainText(/\d{6}\*{8}\d{3}[\dX]/);
    await hz.screenshot({ path: artifact('booking-12-host-to-confirm'), fullPage: true });
    await guest.getByRole('button', { name: /确认接待/ }).click();
    await expect(hz.getByText('已确认接待')).toBeVisible();

    await hz.getByRole('tab', { name: '批次与名单' }).click();
    await hz.getByRole('link', { name: CODE }).click();
    const row = hz.getByRole('row', { name: new RegExp(COMPANION) });
    await expect(row).toContainText('已确认');
    // the exports are plain links the session authorises: the files come back as what they claim
    for (const [name, type] of [['导出 Excel', 'spreadsheetml'], ['导出 PDF', 'application/pdf']] as const) {
      const href = await hz.getByRole('link', { name }).getAttribute('href');
      const file = await hz.request.get(href!);
      expect(file.status(), name).toBe(200);
      expect(file.headers()['content-type']).toContain(type);
      expect((await file.body()).length).toBeGreaterThan(1000);
      if (type === 'application/pdf') {
        // the roster's column headers on one line, not staggered down the page (issue 16)
        const pdf = join(tmpdir(), `roster-${Date.now()}.pdf`);
        await writeFile(pdf, await file.body());
        const header = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\n').find((l) => l.includes('序号'));
        for (const title of ['序号', '姓名', '性别', '所属工会', '状态']) expect(header, title).toContain(title);
      }
    }
    await hz.screenshot({ path: artifact('booking-13-host-roster'), fullPage: true });

    // the host's notice links to the batch; staff following it land on this roster
    const roster = new URL(hz.url()).pathname;
    await hz.goto(roster.replace('/recuperation-admin/', '/recuperation/'));
    await expect(hz).toHaveURL(new RegExp(`${roster}$`));
  });

  test('会员看到入住二维码，杭州工作人员用核验码办理入住', async ({ browser, baseURL }) => {
    const page = await signedInPage(browser, baseURL, 'member@ningbo.demo', true);
    await page.goto(bookingUrl);
    await expect(page.getByTestId('booking-status')).toHaveText('已确认');
    await expect(page.getByRole('img', { name: /入住二维码/ })).toBeVisible();
    token = (await page.getByTestId('checkin-token').textContent())?.trim() ?? '';
    expect(token.length).toBeGreaterThanOrEqual(20);
    await fitsThePhone(page, 'booking-14-phone-qr');

    // at the door, on the host's phone: no camera in the test, so the code is typed in
    const hz = await signedInPage(browser, baseURL, 'officer@hangzhou.demo', true);
    await hz.goto('/t/hangzhou/recuperation-admin/checkin');
    await hz.getByLabel('核验码').fill(token);
    await hz.getByRole('button', { name: '核验入住' }).click();
    const result = hz.getByTestId('checkin-result');
    await expect(result).toContainText('已入住登记');
    await expect(result).toContainText(COMPANION);
    await expect(result).toContainText('宁波市总工会');
    await fitsThePhone(hz, 'booking-15-phone-host-checkin');

    // a code of no booking here is refused in words, and nothing is shown as checked in
    await hz.getByLabel('核验码').fill('NoSuchBookingToken_0123456789');
    await hz.getByRole('button', { name: '核验入住' }).click();
    await expect(hz.getByRole('alert')).toBeVisible();
    await expect(result).toBeHidden();
    await hz.screenshot({ path: artifact('booking-16-phone-host-wrong-code') });

    await page.reload();
    await expect(page.getByText(/已于 .* 入住登记/)).toBeVisible();
    await fitsThePhone(page, 'booking-17-phone-checked-in');

    // the same screens in English still fit the phone (then back to Chinese for the other journeys)
    await page.getByRole('button', { name: '语言' }).click();
    await expect(page.getByText('Check-in code', { exact: true })).toBeVisible();
    await fitsThePhone(page, 'booking-18-phone-booking-en');
    await page.getByRole('link', { name: 'My bookings' }).click();
    await page.getByRole('link', { name: 'Book a recuperation stay' }).click();
    await expect(page.getByTestId('batch-card').first()).toContainText('per person per day');
    await fitsThePhone(page, 'booking-19-phone-browse-en');
    await page.getByRole('button', { name: 'Language' }).click();
    await expect(page.getByRole('heading', { name: '疗休养预订' })).toBeVisible();
  });

  test('宁波工作人员查看名额台账、政策与组织推荐；杭州工作人员查看基地与线路', async ({ browser, baseURL }) => {
    const nb = await signedInPage(browser, baseURL, 'officer@ningbo.demo', false);
    await nb.goto('/t/ningbo/recuperation-admin/quotas');
    // places used each way under the agreement: both directions are on the ledger
    // the demo 杭甬 agreement's ledger (other journeys may have signed more Hangzhou–Ningbo agreements)
    const ledger = nb.getByTestId('quota-ledger').filter({ hasText: '双城记' });
    await expect(ledger.getByRole('row', { name: /杭州市总工会 → 宁波市总工会.*对方给本会/ })).toBeVisible();
    await expect(ledger.getByRole('row', { name: /宁波市总工会 → 杭州市总工会.*本会给对方/ })).toBeVisible();
    await ledger.getByRole('row', { name: /对方给本会/ }).getByRole('button', { name: '分配名额' }).click();
    const allocations = nb.getByTestId('allocations');
    await expect(allocations.getByText('市总统筹（未分配）')).toBeVisible();
    await allocations.getByLabel('下级工会').click();
    await nb.keyboard.type('海曙区');
    await nb.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: '海曙区总工会' }).click();
    await allocations.getByPlaceholder('名额').fill('30');
    await allocations.getByRole('button', { name: '分配名额' }).click();
    await expect(allocations.getByRole('row', { name: /海曙区总工会/ }).getByLabel('海曙区总工会的名额')).toHaveValue('30');
    await expect(ledger.getByRole('row', { name: /对方给本会/ })).toContainText('30');
    await nb.screenshot({ path: artifact('booking-20-home-quota-ledger'), fullPage: true });

    await nb.getByRole('tab', { name: '政策规则' }).click();
    await expect(nb.getByRole('row', { name: /2026年1月1日.*现行/ })).toContainText('¥600.00');
    await nb.screenshot({ path: artifact('booking-21-home-policy'), fullPage: true });

    await nb.getByRole('tab', { name: '会员报名' }).click();
    await nb.getByRole('button', { name: '组织推荐' }).click();
    const nominate = nb.getByRole('dialog', { name: '组织推荐（批量报名）' });
    await expect(nominate.getByText('身份证号（必填）', { exact: false })).toBeVisible();
    await expect(nominate.getByRole('button', { name: '提交推荐' })).toBeDisabled();
    await nominate.getByLabel('批次').click();
    await nb.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: tomorrowZh }).click();
    await nominate.locator('input[type=file]').setInputFiles({ name: '推荐名单.xlsx', mimeType: XLSX_MIME, buffer: await nominationXlsx([idNumber('1970-01-01', 7)]) });
    await nominate.getByRole('checkbox', { name: /本单位已取得名单内会员/ }).check();
    await nb.screenshot({ path: artifact('booking-22-home-nominate') });
    await nominate.getByRole('button', { name: '提交推荐' }).click();
    // a number no member of ours holds is reported on its row, and nothing is booked
    await expect(nominate.getByRole('row', { name: /^2\b.*查无此会员/ })).toBeVisible();
    await nb.screenshot({ path: artifact('booking-23-home-nominate-result') });
    await nominate.locator('button', { hasText: /关\s*闭/ }).click();
    await expect(nominate).toBeHidden();

    const hz = await signedInPage(browser, baseURL, 'officer@hangzhou.demo', false);
    await hz.goto('/t/hangzhou/recuperation-admin/bases');
    await expect(hz.getByRole('row', { name: /千岛湖职工疗休养基地.*全国级/ })).toBeVisible();
    await hz.screenshot({ path: artifact('booking-24-host-bases'), fullPage: true });
    await hz.getByRole('tab', { name: '线路' }).click();
    await expect(hz.getByRole('row', { name: new RegExp(`${ROUTE.replace(/[()（）]/g, '.')}.*¥480.00`) })).toBeVisible();
    await hz.getByRole('row', { name: /千岛湖山水康养线/ }).getByRole('button', { name: label('编辑') }).click();
    await expect(hz.getByRole('dialog').getByLabel('每人每天（元）')).toHaveValue('520.00');
    await hz.screenshot({ path: artifact('booking-25-host-route-form') });
  });
});
