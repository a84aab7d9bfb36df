import { expect, test } from '../support/fixtures.ts';
import { openProgramme } from '../support/programmes.ts';
import { fitsThePhone, people, tomorrowInChina } from '../support/sessions.ts';

// Issue 10, a waitlist with timed offers (decision 0012), in Chinese on 375 px phones: a Hangzhou
// officer opens a session of one seat; member@ningbo.demo takes it and
// traveller@ningbo.demo waits (候补第 1 位); the first gives the seat up, and the traveller finds it
// held for them until a set time, confirms it and has a ticket with its QR code. Its own event, so
// the other journeys' data stay as they were.
const EVENT = `候补示范宣讲（E2E ${Math.random().toString(36).slice(2, 6)}）`;
const SESSION = '唯一一场 · 杭州';

const { signedInPage, closeAll } = people();

test.describe.serial('联合活动候补：席位空出后为下一位保留，确认后得到签到二维码', () => {
  const day = tomorrowInChina();
  test.afterEach(closeAll);

  test('杭州工作人员开放只有 1 席的活动', async ({ browser, baseURL }) => {
    const hz = await signedInPage(browser, baseURL, 'officer@hangzhou.demo', false);
    // one seat in all: the session is tomorrow, past the release of unused city seats (48 h before), so both cities draw on it
    await openProgramme(hz, { title: EVENT, session: SESSION, day, capacity: 1, seatsPerCity: 1 });
  });

  async function register(page: Awaited<ReturnType<typeof signedInPage>>) {
    await page.goto('/t/ningbo/programmes');
    const event = page.getByTestId('programme-event').filter({ hasText: EVENT });
    await event.getByTestId('programme-consent').click();
    await event.locator('div', { hasText: SESSION }).filter({ has: page.getByTestId('programme-register') }).last().getByTestId('programme-register').click();
    return page.getByTestId('programme-ticket').filter({ hasText: EVENT });
  }

  test('宁波两位会员报名：第一位得到席位，第二位候补第 1 位', async ({ browser, baseURL }) => {
    const first = await signedInPage(browser, baseURL, 'member@ningbo.demo', true);
    await expect((await register(first)).getByRole('img', { name: '签到二维码' })).toBeVisible();
    const second = await signedInPage(browser, baseURL, 'traveller@ningbo.demo', true);
    const waiting = await register(second);
    await expect(waiting).toContainText('候补第 1 位');
    await expect(waiting.getByRole('img', { name: '签到二维码' })).toHaveCount(0);
    await fitsThePhone(second, 'programme-offer-01-waiting');
  });

  test('第一位取消报名，席位为候补会员保留；候补会员确认后得到签到二维码', async ({ browser, baseURL }) => {
    const first = await signedInPage(browser, baseURL, 'member@ningbo.demo', true);
    await first.goto('/t/ningbo/programmes');
    await first.getByTestId('programme-ticket').filter({ hasText: EVENT }).getByRole('button', { name: /取消报名/ }).click();
    await first.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await expect(first.getByTestId('programme-ticket').filter({ hasText: EVENT })).toHaveCount(0);

    const second = await signedInPage(browser, baseURL, 'traveller@ningbo.demo', true);
    await second.goto('/t/ningbo/programmes');
    const ticket = second.getByTestId('programme-ticket').filter({ hasText: EVENT });
    await expect(ticket.getByTestId('programme-offer')).toContainText('候补已轮到您：席位保留至');
    await expect(ticket).toContainText('待确认');
    await fitsThePhone(second, 'programme-offer-02-offered');
    await ticket.getByTestId('programme-offer-accept').click();
    await expect(ticket).toContainText('已报名');
    await expect(ticket.getByRole('img', { name: '签到二维码' })).toBeVisible();
    await expect(ticket.getByTestId('programme-offer')).toHaveCount(0);
    await fitsThePhone(second, 'programme-offer-03-confirmed');
  });
});
