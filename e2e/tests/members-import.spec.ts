import { artifact, expect, label, signIn, test } from '../support/fixtures.ts';
import { idNumber, rosterXlsx, withWrongCheck, XLSX_MIME } from '../support/roster.ts';

// The acceptance journey: an office imports its member roster from Excel, in Chinese.
test.describe('会员批量导入', () => {
  test('imports a good roster, then refuses a bad one row by row and imports nothing', async ({ page }) => {
    await signIn(page, 'admin@hangzhou.demo');
    await page.getByRole('menuitem', { name: '会员管理' }).click();
    await expect(page.getByRole('heading', { name: '会员管理' })).toBeVisible();

    // a good roster: three members with valid ID numbers in units of the seeded tree
    const good = [
      { 姓名: '导入测试张三', 性别: '男', 手机号: '13900000001', 身份证号: idNumber('1986-04-12', 11), 所属工会: '上城区总工会', 荣誉: '劳模' },
      { 姓名: '导入测试李四', 性别: '女', 手机号: '13900000002', 身份证号: idNumber('1990-09-30', 22), 所属工会: '湖滨街道总工会' },
      { 姓名: '导入测试王五', 身份证号: idNumber('1979-12-01', 33), 所属工会: '杭州市教育工会', 荣誉: '技术能手，一线职工' },
    ];
    await page.getByRole('button', { name: '批量导入' }).click();
    const dialog = page.getByRole('dialog', { name: '批量导入会员' });
    await expect(dialog.getByText('下载导入模板')).toBeVisible();
    await dialog.locator('input[type=file]').setInputFiles({ name: '会员名册.xlsx', mimeType: XLSX_MIME, buffer: await rosterXlsx(good) });
    // every row is checked and previewed first; nothing is written until the office confirms
    await expect(dialog.getByText('校验通过：共 3 行，将导入 3 名会员。请核对后确认。')).toBeVisible();
    await expect(dialog.getByText('杭州市总工会/上城区总工会', { exact: true })).toBeVisible();
    await page.screenshot({ path: artifact('desktop-import-preview') });
    await dialog.getByRole('button', { name: '确认导入 3 名会员' }).click();
    await expect(dialog.getByText('导入成功')).toBeVisible();
    await expect(dialog.getByText('已导入 3 名会员。')).toBeVisible();
    await page.screenshot({ path: artifact('desktop-import-success') });
    await dialog.getByRole('button', { name: label('完成') }).click();
    await expect(dialog).toBeHidden();

    // the new members are in the list
    await page.getByPlaceholder('姓名 / 手机号 / 身份证号').fill('导入测试');
    await page.getByPlaceholder('姓名 / 手机号 / 身份证号').press('Enter');
    const table = page.locator('.ant-table');
    for (const m of good) await expect(table.getByText(m.姓名)).toBeVisible();
    await expect(page.getByTestId('member-total')).toHaveText('共 3 人');
    await page.screenshot({ path: artifact('desktop-members-after-import'), fullPage: true });

    // the detail drawer masks the ID number until an admin asks for it (and that look is audited)
    await table.getByText('导入测试张三').click();
    const drawer = page.getByRole('dialog', { name: '导入测试张三' });
    await expect(drawer.getByText('110101********')).toBeVisible();
    await expect(drawer.getByText('劳模')).toBeVisible();
    await drawer.getByRole('button', { name: '查看完整身份证号' }).click();
    await expect(drawer.getByTestId('id-number-full')).toHaveText(good[0]!.身份证号);
    await page.screenshot({ path: artifact('desktop-member-drawer') });
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // a bad roster: a wrong check digit, an unknown unit, a number already registered, and one good row
    const bad = [
      { 姓名: '不应导入甲', 身份证号: withWrongCheck(idNumber('1988-02-03', 44)), 所属工会: '上城区总工会' },
      { 姓名: '不应导入乙', 身份证号: idNumber('1992-06-07', 55), 所属工会: '不存在的工会' },
      { 姓名: '不应导入丙', 身份证号: good[1]!.身份证号, 所属工会: '上城区总工会' },
      { 姓名: '不应导入丁', 身份证号: idNumber('1995-01-15', 66), 所属工会: '拱墅区总工会' },
    ];
    await page.getByRole('button', { name: '批量导入' }).click();
    await dialog.locator('input[type=file]').setInputFiles({ name: '有误的名册.xlsx', mimeType: XLSX_MIME, buffer: await rosterXlsx(bad) });
    await expect(dialog.getByText('未导入任何数据')).toBeVisible();
    await expect(dialog.getByText('文件共 4 行数据，发现 3 处问题')).toBeVisible();
    const errors = dialog.getByTestId('import-errors');
    await expect(errors.getByRole('columnheader', { name: '行号' })).toBeVisible();
    await expect(errors.getByRole('columnheader', { name: '列' })).toBeVisible();
    await expect(errors.getByRole('columnheader', { name: '问题' })).toBeVisible();
    const row = (n: number) => errors.locator('tbody tr').filter({ has: page.getByRole('cell', { name: String(n), exact: true }) });
    await expect(row(2)).toContainText('身份证号');
    await expect(row(2)).toContainText('身份证号无效（校验位不符）');
    await expect(row(3)).toContainText('所属工会');
    await expect(row(3)).toContainText('组织不存在');
    await expect(row(4)).toContainText('该身份证号已登记为会员');
    await expect(row(5)).toHaveCount(0);
    await page.screenshot({ path: artifact('desktop-import-errors') });
    // the result's own button (the dialog's × is also called 关闭, but has no text)
    await dialog.getByRole('button').filter({ hasText: label('关闭') }).click();

    // nothing of the bad file was imported, not even its good row
    await page.getByPlaceholder('姓名 / 手机号 / 身份证号').fill('不应导入');
    await page.getByPlaceholder('姓名 / 手机号 / 身份证号').press('Enter');
    await expect(page.getByText('没有符合条件的会员')).toBeVisible();
  });
});
