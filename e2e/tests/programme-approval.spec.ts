import { artifact, expect, test } from '../support/fixtures.ts';
import { openProgramme } from '../support/programmes.ts';
import { fitsThePhone, people, tomorrowInChina } from '../support/sessions.ts';

// Issue 10, registration with approval (decision 0051), in Chinese: a Hangzhou officer creates a
// programme of their own whose members' registrations need their home federation's approval and
// opens a session; traveller@ningbo.demo asks from a 375 px phone (提交申请（需本会审核）) and sees it
// waiting (待本会审核) with no seat taken; a Ningbo officer, on a phone, refuses it with a reason the
// member then reads; the member asks again and the officer approves: the member has a ticket with
// its QR code. Its own event and member, so the other journeys' demo data stay as they were.
const EVENT = `基层审核示范宣讲（E2E ${Math.random().toString(36).slice(2, 6)}）`;
const SESSION = '唯一一场 · 杭州';

const { signedInPage, closeAll } = people();

test.describe.serial('联合活动报名需本会审核：杭州设置，宁波会员申请，宁波工作人员审核', () => {
  const day = tomorrowInChina();
  test.afterEach(closeAll);

  test('杭州工作人员新建需本会审核的活动并开放报名', async ({ browser, baseURL }) => {
    const hz = await signedInPage(browser, baseURL, 'officer@hangzhou.demo', false);
    await openProgramme(hz, { title: EVENT, session: SESSION, day, capacity: 20, seatsPerCity: 10, homeApproval: true, shot: artifact('programme-approval-01-host-new-event') });
    await hz.screenshot({ path: artifact('programme-approval-02-host-event-open'), fullPage: true });
  });

  test('宁波会员在手机上提交申请，显示待本会审核，不占席位', async ({ browser, baseURL }) => {
    const page = await signedInPage(browser, baseURL, 'traveller@ningbo.demo', true);
    await page.goto('/t/ningbo/programmes');
    const event = page.getByTestId('programme-event').filter({ hasText: EVENT });
    await expect(event.getByTestId('programme-approval-hint')).toBeVisible();
    await expect(event.getByTestId('programme-request-submit')).toBeDisabled();
    await event.getByTestId('programme-consent').click();
    await event.getByTestId('programme-request-submit').click();
    const request = page.getByTestId('programme-request').filter({ hasText: EVENT });
    await expect(request.getByTestId('programme-request-status')).toHaveText('待本会审核');
    await expect(event.getByTestId('programme-request-waiting')).toHaveText('待本会审核');
    await expect(event).toContainText('剩余 20 / 20 席');
    await fitsThePhone(page, 'programme-approval-03-member-waiting');
    // 我的 lists it too, waiting, with its withdrawal (decision 0057)
    await page.goto('/t/ningbo');
    const mine = page.getByTestId('mine-requests');
    await expect(mine).toContainText(EVENT);
    await expect(mine).toContainText('待本会审核');
    await expect(mine.getByTestId('mine-withdraw')).toBeVisible();
    await fitsThePhone(page, 'programme-approval-03b-member-home-waiting');
  });

  test('宁波工作人员在手机上不通过并写明原因，会员看到原因后再次申请', async ({ browser, baseURL }) => {
    const nb = await signedInPage(browser, baseURL, 'officer@ningbo.demo', true);
    await nb.goto('/t/ningbo/programmes-admin');
    const panel = nb.getByTestId('programme-requests-admin');
    const row = panel.getByTestId('programme-request-row').filter({ hasText: EVENT });
    await expect(row).toBeVisible();
    await fitsThePhone(nb, 'programme-approval-04-officer-list');
    await row.getByTestId('programme-request-refuse').click();
    await nb.getByTestId('programme-request-reason').fill('本月已安排参加同类宣讲');
    await nb.getByTestId('programme-request-refuse-ok').click();
    await expect(panel.getByTestId('programme-request-row').filter({ hasText: EVENT })).toHaveCount(0);

    const page = await signedInPage(browser, baseURL, 'traveller@ningbo.demo', true);
    await page.goto('/t/ningbo/programmes');
    const refused = page.getByTestId('programme-request').filter({ hasText: EVENT });
    await expect(refused.getByTestId('programme-request-status')).toHaveText('未通过审核');
    await expect(refused).toContainText('本月已安排参加同类宣讲');
    await fitsThePhone(page, 'programme-approval-05-member-refused');
    const event = page.getByTestId('programme-event').filter({ hasText: EVENT });
    await event.getByTestId('programme-consent').click();
    await event.getByTestId('programme-request-submit').click();
    await expect(event.getByTestId('programme-request-waiting')).toBeVisible();
  });

  test('宁波工作人员通过申请，会员得到带二维码的报名', async ({ browser, baseURL }) => {
    const nb = await signedInPage(browser, baseURL, 'officer@ningbo.demo', true);
    await nb.goto('/t/ningbo/programmes-admin');
    const row = nb.getByTestId('programme-requests-admin').getByTestId('programme-request-row').filter({ hasText: EVENT });
    await row.getByTestId('programme-request-approve').click();
    await expect(nb.getByText('已通过，已为会员报名')).toBeVisible();
    await expect(nb.getByTestId('programme-request-row').filter({ hasText: EVENT })).toHaveCount(0);

    const page = await signedInPage(browser, baseURL, 'traveller@ningbo.demo', true);
    await page.goto('/t/ningbo/programmes');
    const ticket = page.getByTestId('programme-ticket').filter({ hasText: EVENT });
    await expect(ticket).toContainText('已报名');
    await expect(ticket.getByRole('img', { name: '签到二维码' })).toBeVisible();
    await expect(page.getByTestId('programme-request').filter({ hasText: EVENT })).toHaveCount(0);
    await fitsThePhone(page, 'programme-approval-06-member-ticket');
  });
});
