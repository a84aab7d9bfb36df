import { artifact, expect, test } from '../support/fixtures.ts';
import { fitsThePhone, people } from '../support/sessions.ts';

// Issue 10's views: the events calendar (month and list, usable on a phone) and the venues (阵地).
// The demo's 杭甬 series has its 第二场 in Ningbo four days after the day of seeding (today here).
const { signedInPage, closeAll } = people();
const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
const SERIES = '杭甬劳模工匠宣讲（2026 年度）';

test.afterEach(closeAll);

test('杭州工作人员在月视图中看到两市的场次，按协议筛选，点开进入活动', async ({ browser, baseURL }) => {
  const second = inDays(4);
  const hz = await signedInPage(browser, baseURL, 'officer@hangzhou.demo', false);
  await hz.getByRole('menuitem', { name: '联合活动管理' }).click();
  await hz.getByRole('button', { name: '活动日历' }).click();
  await expect(hz.getByRole('heading', { name: '活动日历' })).toBeVisible();
  // the month of the second session (the next month when it falls there)
  const month = second.slice(0, 7);
  await hz.goto(`/t/hangzhou/programmes-admin/calendar?month=${month}`);
  await expect(hz.getByTestId('calendar-month')).toHaveText(`${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`);
  const cell = hz.locator(`[data-day="${second}"]`);
  await expect(cell.getByTestId('calendar-entry').filter({ hasText: SERIES })).toBeVisible();
  // one agreement at a time: the 杭甬 agreement keeps it
  await hz.getByTestId('calendar-agreement').click();
  await hz.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '杭甬' }).first().click();
  await expect(cell.getByTestId('calendar-entry').filter({ hasText: SERIES })).toBeVisible();
  await hz.screenshot({ path: artifact('programme-calendar-01-month'), fullPage: true });
  await cell.getByTestId('calendar-entry').filter({ hasText: SERIES }).first().click();
  await expect(hz.getByRole('heading', { name: SERIES })).toBeVisible();
});

test('宁波工作人员在手机上按天列出本月场次，对方主办的场次有标记', async ({ browser, baseURL }) => {
  const second = inDays(4);
  const nb = await signedInPage(browser, baseURL, 'officer@ningbo.demo', true);
  await nb.goto(`/t/ningbo/programmes-admin/calendar?month=${second.slice(0, 7)}`);
  const day = nb.getByTestId('calendar-list-day').filter({ hasText: `${Number(second.slice(5, 7))}月${Number(second.slice(8))}日` });
  const entry = day.locator('div', { has: nb.getByTestId('calendar-entry').filter({ hasText: '第二场 · 宁波' }) }).last();
  await expect(entry).toContainText('宁波市职工之家');
  await expect(entry).toContainText('对方主办');
  await expect(entry).toContainText(/余 \d+ \/ 30 席/);
  await fitsThePhone(nb, 'programme-calendar-02-phone-list');
});

test('杭州工作人员新增阵地；宁波的阵地只读可见', async ({ browser, baseURL }) => {
  const name = `拱墅区职工之家（E2E ${Math.random().toString(36).slice(2, 6)}）`;
  const hz = await signedInPage(browser, baseURL, 'officer@hangzhou.demo', false);
  await hz.goto('/t/hangzhou/programmes-admin');
  await hz.getByRole('button', { name: '阵地' }).click();
  await expect(hz.getByRole('heading', { name: '阵地' })).toBeVisible();
  const ningbo = hz.getByTestId('venue-row').filter({ hasText: '宁波市职工之家' });
  await expect(ningbo).toContainText('宁波市总工会');
  await expect(ningbo.getByRole('button', { name: '编辑阵地' })).toHaveCount(0);
  await hz.getByTestId('venue-add').click();
  await hz.getByTestId('venue-name').fill(name);
  await hz.getByTestId('venue-address').fill('杭州市拱墅区莫干山路 100 号');
  await hz.getByTestId('venue-capacity').fill('120');
  await hz.getByRole('dialog').getByLabel('设施').fill('报告厅\n无障碍通道');
  await hz.getByTestId('venue-save').click();
  const row = hz.getByTestId('venue-row').filter({ hasText: name });
  await expect(row).toContainText('本会');
  await expect(row).toContainText('无障碍通道');
  await expect(row).toContainText('120');
  await hz.screenshot({ path: artifact('programme-venues-01'), fullPage: true });
});
