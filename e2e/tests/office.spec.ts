import type { Browser, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { artifact, expect, horizontalOverflow, signIn, test } from '../support/fixtures.ts';
import { idNumber, rosterXlsx, withWrongCheck, XLSX_MIME } from '../support/roster.ts';

// Issue 16, what a union office notices, in Chinese at 1366 px and 375 px: the member template sent
// back unchanged is previewed with its example row set aside (not imported), the org-unit page
// searches by name or code, the audit log downloads as Excel with people by name, and a bad ID
// number is flagged inline in the member form.

async function signedInPage(browser: Browser, baseURL: string | undefined, phone: boolean): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    ...(phone ? { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } : { viewport: { width: 1366, height: 860 } }),
  });
  const page = await context.newPage();
  await signIn(page, 'admin@hangzhou.demo');
  return page;
}

async function sheetRows(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return out;
}

for (const phone of [false, true]) {
  const size = phone ? 'phone' : 'desktop';
  test.describe(`办公室日常（${phone ? '375' : '1366'} px）`, () => {
    test('导入模板预览、组织搜索、审计日志导出、身份证号即时校验', async ({ browser, baseURL }) => {
      const page = await signedInPage(browser, baseURL, phone);

      // 1. the template, downloaded and sent back unchanged: previewed, its example row 张三 set aside, nothing to import
      await page.goto('/t/hangzhou/members');
      await expect(page.getByRole('heading', { name: '会员管理' })).toBeVisible();
      const template = await page.request.get('/api/t/hangzhou/members/import-template.xlsx');
      expect(template.status()).toBe(200);
      const templateBytes = await template.body();
      expect((await sheetRows(templateBytes))[0]).toContain('组织编码');
      await page.getByRole('button', { name: '批量导入' }).click();
      const dialog = page.getByRole('dialog', { name: '批量导入会员' });
      await dialog.locator('input[type=file]').setInputFiles({ name: '会员导入模板.xlsx', mimeType: XLSX_MIME, buffer: templateBytes });
      await expect(dialog.getByText(/第 2 行：这是模板自带的示例行（张三），不会导入/)).toBeVisible();
      await expect(dialog.getByText('校验通过：共 1 行，将导入 0 名会员。请核对后确认。')).toBeVisible();
      await expect(dialog.getByRole('button', { name: '确认导入 0 名会员' })).toBeDisabled();
      await page.screenshot({ path: artifact(`${size}-office-template-preview`) });
      await dialog.getByRole('button', { name: '重新上传' }).click();

      // a sheet naming 杭州市公交集团工会 (several units share the name): ambiguous, and said so
      await dialog.locator('input[type=file]').setInputFiles({
        name: '名册.xlsx',
        mimeType: XLSX_MIME,
        buffer: await rosterXlsx([{ 姓名: '同名测试', 身份证号: idNumber('1987-03-04', 77), 所属工会: '杭州市公交集团工会' }]),
      });
      await expect(dialog.getByText(/有多个组织同名/)).toBeVisible();
      await expect(dialog.getByText('组织不存在')).toHaveCount(0);
      await page.screenshot({ path: artifact(`${size}-office-import-ambiguous`) });
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // 4. the member form flags a bad check digit as soon as the field is left
      await page.getByRole('button', { name: '新增会员' }).click();
      const form = page.getByRole('dialog', { name: '新增会员' });
      await form.getByLabel('身份证号').fill(withWrongCheck(idNumber('1990-01-01', 12)));
      await form.getByLabel('姓名').click();
      await expect(form.getByText('身份证号无效（校验位不符）')).toBeVisible();
      await page.screenshot({ path: artifact(`${size}-office-member-id-error`) });
      await page.keyboard.press('Escape');

      // 2. the org-unit page searches by name (with each unit's parents) and by code
      await page.goto('/t/hangzhou/org-units');
      await expect(page.getByRole('heading', { name: '组织架构' })).toBeVisible();
      const search = page.getByPlaceholder('按名称或编码搜索');
      await search.fill('公交集团');
      const hits = page.locator('.ant-list-item').filter({ hasText: '杭州市公交集团' });
      await expect(hits.first()).toBeVisible();
      expect(await hits.count()).toBeGreaterThan(1);
      await expect(hits.first()).toContainText('杭州市总工会 /');
      await page.screenshot({ path: artifact(`${size}-office-org-search`), fullPage: true });
      await search.fill('hangzhou-01-01');
      await expect(page.locator('.ant-list-item').filter({ hasText: 'HANGZHOU-01-01' }).first()).toBeVisible();
      await search.fill('没有这个组织');
      await expect(page.getByText('没有名称或编码匹配“没有这个组织”的组织')).toBeVisible();
      if (phone) expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      // 3. the audit log downloads as Excel, people by name, events in Chinese
      await page.goto('/t/hangzhou/audit');
      await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
      expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const rows = await sheetRows(await readFile((await download.path())!));
      expect(rows[0]).toEqual(['序号', '时间', '操作人', '事件', '对象', '详情']);
      expect(rows.length).toBeGreaterThan(1);
      expect(rows.slice(1).map((r) => r[2]).join('\n')).not.toContain('@');
      expect(rows.slice(1).some((r) => /[\u4e00-\u9fff]/.test(r[3]!))).toBe(true);
      await page.screenshot({ path: artifact(`${size}-office-audit`) });
      await page.context().close();
    });
  });
}

test('会员列表：显示是否已开通账号，勾选未开通的会员发短信邀请激活（1366 px）', async ({ browser, baseURL }) => {
  const page = await signedInPage(browser, baseURL, false);
  await page.goto('/t/hangzhou/members');
  const table = page.locator('.ant-table');
  await expect(table.getByRole('columnheader', { name: '账号' })).toBeVisible();
  // the first member an invitation can reach: no account yet, a mobile on record (its checkbox is enabled)
  const row = table.locator('tbody tr.ant-table-row').filter({ has: page.locator('input[type=checkbox]:not([disabled])') }).first();
  await expect(row.getByText('未开通')).toBeVisible();
  const mobile = (await row.locator('td').filter({ hasText: /^1\d{10}$/ }).first().innerText()).trim();
  await row.locator('input[type=checkbox]').check();
  const bar = page.getByTestId('sms-invite-bar');
  await expect(bar.getByText('已选 1 人')).toBeVisible();
  await bar.getByRole('button', { name: '短信邀请开通' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: /确\s*定|OK/ }).click();
  // a retried journey finds the member invited already today: nothing sent twice
  await expect(page.getByText(/已发送 [01] 条邀请短信/)).toBeVisible();
  await page.screenshot({ path: artifact('desktop-members-sms-invite') });
  const sms = (await (await page.request.get(`/__dev/sms?mobile=${mobile}`)).json()) as { body: string | null };
  expect(sms.body).toContain('邀请您开通会员账号');
  expect(sms.body).toContain('/activate');
  await page.context().close();
});
