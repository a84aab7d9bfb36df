import { artifact, expect, label, test } from '../support/fixtures.ts';
import { fitsThePhone, people, tomorrowInChina } from '../support/sessions.ts';

// Issue 10's journey, in Chinese: a Hangzhou officer adds a session with seats for both cities to
// the 杭甬 劳模工匠宣讲 series; member@ningbo.demo registers on a 375 px phone (with consent: the
// host is the other city) and sees the ticket's QR code; the host scans it at the door (a second
// scan is refused as already counted); the member sees the session in their learning record.
const EVENT = '杭甬劳模工匠宣讲（2026 年度）';
// A fresh name on every attempt: a retry of this serial journey adds its own session rather than
// finding the first attempt's twin.
const SESSION = `第四场 · 杭州（E2E ${Math.random().toString(36).slice(2, 6)}）`;

const { signedInPage, closeAll } = people();
// a material the host adds to the series (decision 0053): its members see it on their tickets
const MATERIAL = `第四场讲义（E2E ${Math.random().toString(36).slice(2, 6)}）.pdf`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

test.describe.serial('联合活动：杭州发布场次，宁波会员手机报名，扫码签到，学习记录', () => {
  const day = tomorrowInChina();
  let eventUrl = '';
  let token = '';
  test.afterEach(closeAll);

  test('杭州工作人员为宣讲活动添加两市各 10 席的场次', async ({ browser, baseURL }) => {
    const hz = await signedInPage(browser, baseURL, 'officer@hangzhou.demo', false);
    await hz.getByRole('menuitem', { name: '联合活动管理' }).click();
    await hz.getByRole('link', { name: EVENT }).click();
    await expect(hz.getByTestId('programme-status')).toHaveText('报名中');
    eventUrl = new URL(hz.url()).pathname;
    await hz.getByTestId('session-title').fill(SESSION);
    const inputs = hz.locator('.ant-picker-range input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill(`${day} 14:00`);
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill(`${day} 16:00`);
    await inputs.nth(1).press('Enter');
    await hz.getByTestId('session-venue').click();
    await hz.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '杭州市工人文化宫' }).click();
    await hz.getByTestId('session-capacity').fill('20');
    await hz.getByTestId('session-seats').fill('10');
    await hz.screenshot({ path: artifact('programme-01-host-add-session'), fullPage: true });
    await hz.getByTestId('session-add').click();
    const card = hz.getByTestId('programme-session').filter({ hasText: SESSION });
    await expect(card).toBeVisible();
    await expect(card.getByTestId('programme-share')).toHaveCount(2);
    await expect(card.getByTestId('programme-share').filter({ hasText: '宁波' })).toContainText('0/10');
    await card.scrollIntoViewIfNeeded();
    await hz.screenshot({ path: artifact('programme-02-host-session-seats'), fullPage: true });
    // the session's handout, for both cities' staff and the registered members
    const materials = hz.locator('.ant-card', { hasText: '上传资料' });
    await materials.locator('input[type=file]').setInputFiles({ name: MATERIAL, mimeType: 'application/pdf', buffer: PDF });
    await expect(materials.getByTestId('programme-material').filter({ hasText: MATERIAL })).toContainText('杭州市总工会');
    await materials.scrollIntoViewIfNeeded();
    await hz.screenshot({ path: artifact('programme-02b-host-materials'), fullPage: true });
  });

  test('宁波会员在手机上同意授权并报名，看到签到二维码', async ({ browser, baseURL }) => {
    const page = await signedInPage(browser, baseURL, 'member@ningbo.demo', true);
    await page.goto('/t/ningbo/programmes');
    await expect(page.getByRole('heading', { name: '联合活动' })).toBeVisible();
    const event = page.getByTestId('programme-event').filter({ hasText: EVENT });
    await expect(event).toBeVisible();
    const row = event.locator('div', { hasText: SESSION }).filter({ has: page.getByTestId('programme-register') }).last();
    await expect(row.getByTestId('programme-register')).toBeDisabled();
    await event.getByTestId('programme-consent').click();
    await fitsThePhone(page, 'programme-03-member-browse');
    await row.getByTestId('programme-register').click();
    const ticket = page.getByTestId('programme-ticket').filter({ hasText: SESSION });
    await expect(ticket).toBeVisible();
    await expect(ticket.getByRole('img', { name: '签到二维码' })).toBeVisible();
    token = (await ticket.getByTestId('programme-token').innerText()).trim();
    expect(token).toMatch(/^pt1\./);
    await expect(ticket).toContainText('已报名');
    // 资料 on the ticket: the series' materials, the one just added among them
    await expect(ticket.getByTestId('ticket-material').filter({ hasText: MATERIAL })).toBeVisible();
    await fitsThePhone(page, 'programme-04-member-ticket');
  });

  test('杭州工作人员在门口用手机扫码签到，重复扫码不重复计数', async ({ browser, baseURL }) => {
    const hz = await signedInPage(browser, baseURL, 'officer@hangzhou.demo', true);
    await hz.goto(eventUrl);
    const card = hz.getByTestId('programme-session').filter({ hasText: SESSION });
    await card.getByTestId('programme-checkin-link').click();
    await expect(hz.getByRole('heading', { name: '活动签到' })).toBeVisible();
    await hz.getByTestId('checkin-input').fill(token);
    await hz.getByTestId('checkin-submit').click();
    await expect(hz.getByTestId('checkin-result')).toContainText('签到成功');
    await fitsThePhone(hz, 'programme-05-host-checkin');
    await expect(hz.getByTestId('checkin-submit')).not.toHaveClass(/ant-btn-loading/);
    await hz.getByTestId('checkin-input').fill(token);
    await hz.getByTestId('checkin-submit').click();
    await expect(hz.getByTestId('checkin-result')).toContainText('不重复计数');
    await hz.screenshot({ path: artifact('programme-06-host-checkin-again'), fullPage: true });
    // a forged code is refused with a clear message
    await expect(hz.getByTestId('checkin-submit')).not.toHaveClass(/ant-btn-loading/);
    await hz.getByTestId('checkin-input').fill(`${token.slice(0, -4)}AAAA`);
    await hz.getByTestId('checkin-submit').click();
    await expect(hz.getByTestId('checkin-error')).toContainText('签到码无效');

    // a Ningbo worker who came without registering: recorded by mobile, counted once
    const walkIn = hz.getByTestId('walk-in');
    const walkInSubmit = walkIn.getByTestId('walk-in-submit');
    await walkIn.getByLabel('姓名').fill('钱现场');
    await walkIn.getByText('结对城市').click();
    await walkIn.getByLabel('身份证号或手机号').fill('13957499999');
    await walkInSubmit.click();
    await expect(hz.getByTestId('walk-in-result')).toContainText('已登记入场');
    await expect(hz.getByTestId('walk-in-result')).toContainText('139****9999');
    // the answer can show a moment before the button leaves its loading state; a click then is ignored
    await expect(walkInSubmit).not.toHaveClass(/ant-btn-loading/);
    await walkIn.getByLabel('姓名').fill('钱现场');
    await walkIn.getByText('结对城市').click();
    await walkIn.getByLabel('身份证号或手机号').fill('13957499999');
    await walkInSubmit.click();
    await expect(hz.getByTestId('walk-in-result')).toContainText('不重复计数');
    await fitsThePhone(hz, 'programme-06b-walk-in');
  });

  test('宁波会员在学习记录中看到该场次', async ({ browser, baseURL }) => {
    const page = await signedInPage(browser, baseURL, 'member@ningbo.demo', true);
    await page.goto('/t/ningbo/programmes');
    const record = page.getByTestId('learning-record');
    await expect(record).toContainText(EVENT);
    // a retried run has also attended the first attempt's session
    await expect(record).toContainText(test.info().retry === 0 ? '已参加 1 场' : /已参加 \d+ 场/);
    await record.scrollIntoViewIfNeeded();
    await fitsThePhone(page, 'programme-07-member-learning-record');

    // after the session the member rates it once on the ticket; the host reads it without the name
    const ticket = page.getByTestId('programme-ticket').filter({ hasText: SESSION });
    const form = ticket.getByTestId('feedback-form');
    await form.locator('.ant-rate-star').nth(3).click();
    await form.getByLabel('说说您的收获或建议（选填）').fill('劳模讲得很实在，希望多办');
    await form.getByRole('button', { name: label('提交评价') }).click();
    await expect(ticket.getByTestId('feedback-given')).toContainText('劳模讲得很实在');
    await fitsThePhone(page, 'programme-08-member-feedback');
    await page.context().close();

    const hz = await signedInPage(browser, baseURL, 'officer@hangzhou.demo', false);
    await hz.goto(eventUrl);
    const feedback = hz.getByTestId('programme-feedback');
    // the series' demo sessions have their own ratings; this session has this one
    await expect(feedback).toContainText(`${SESSION}：1 条，平均 4 星`);
    await expect(feedback).toContainText(`宁波市总工会 · ${SESSION}`);
    await expect(feedback).toContainText('劳模讲得很实在，希望多办');
    await expect(feedback).not.toContainText('会员');
    await hz.screenshot({ path: artifact('programme-09-host-feedback'), fullPage: true });
  });
});
