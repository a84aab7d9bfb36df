import ExcelJS from 'exceljs';
import { artifact, expect, signIn, test } from '../support/fixtures.ts';
import { XLSX_MIME } from '../support/roster.ts';

// Issue 10: a Hangzhou officer nominates members of Hangzhou for a session of the 杭甬 series from an
// Excel list. A list with a bad row nominates nobody and says which row and column; the corrected
// list is previewed, confirmed, and the member appears in the session's registrations.
const EVENT = '杭甬劳模工匠宣讲（2026 年度）';
const SESSION = '第三场 · 杭州';

async function nominationList(rows: { 姓名: string; 身份证号?: string; 手机号?: string; 本人同意?: string }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('推荐名单');
  const header = ['姓名', '身份证号', '手机号', '本人同意'] as const;
  sheet.addRow([...header]);
  for (const r of rows) sheet.addRow(header.map((h) => r[h] ?? ''));
  sheet.getColumn(2).numFmt = '@';
  sheet.getColumn(3).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('杭州工作人员从 Excel 名单推荐本会会员参加宣讲场次：有误的名单一人不推荐，改正后确认推荐', async ({ page }) => {
  await signIn(page, 'officer@hangzhou.demo');
  await page.getByRole('menuitem', { name: '联合活动管理' }).click();
  await page.getByRole('link', { name: EVENT }).click();
  const card = page.getByTestId('programme-session').filter({ hasText: SESSION });
  await card.getByTestId('programme-nominate-xlsx').click();
  const dialog = page.getByRole('dialog', { name: '从 Excel 名单推荐本会会员' });
  await expect(dialog.getByText('下载推荐名单模板')).toBeVisible();

  // a name that does not match the member on that mobile: nobody is nominated, the row and column are named
  await dialog.locator('input[type=file]').setInputFiles({
    name: '推荐名单（有误）.xlsx',
    mimeType: XLSX_MIME,
    buffer: await nominationList([
      { 姓名: '沈一洲', 手机号: '13857100312' },
      { 姓名: '查无此人', 手机号: '13800000000' },
    ]),
  });
  await expect(dialog.getByText('未导入任何数据')).toBeVisible();
  const errors = dialog.getByTestId('import-errors');
  await expect(errors.locator('tbody tr')).toHaveCount(2);
  await expect(errors).toContainText('手机号');
  await page.screenshot({ path: artifact('programme-10-nominate-errors') });
  await dialog.getByRole('button').filter({ hasText: /^\s*关\s*闭\s*$/ }).click();
  await expect(dialog).toBeHidden();
  await expect(card).not.toContainText('沈一舟');

  // the corrected list: previewed first, then confirmed
  await card.getByTestId('programme-nominate-xlsx').click();
  await dialog.locator('input[type=file]').setInputFiles({ name: '推荐名单.xlsx', mimeType: XLSX_MIME, buffer: await nominationList([{ 姓名: '沈一舟', 手机号: '13857100312' }]) });
  await expect(dialog.getByText('将推荐 1 人（共 1 行）')).toBeVisible();
  await expect(dialog.getByText('沈一舟')).toBeVisible();
  await page.screenshot({ path: artifact('programme-11-nominate-preview') });
  await dialog.getByRole('button', { name: '确认推荐 1 人' }).click();
  await expect(dialog.getByText('已推荐 1 人报名本场次')).toBeVisible();
  await dialog.getByRole('button').filter({ hasText: /^\s*完\s*成\s*$/ }).click();
  await expect(card).toContainText('沈一舟');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifact('programme-12-nominated'), fullPage: true });
});
