import type { Browser, Locator, Page } from '@playwright/test';
import { artifact, expect, horizontalOverflow, signIn, test } from '../support/fixtures.ts';
import { idNumber } from '../support/roster.ts';

// Issue 16's front desk, in Chinese: the demo's Ningbo traveller books a March stay in Hangzhou on a
// 375 px phone with a companion — Back inside the steps keeps what was typed — and then sees on the
// list why the other 2027 batches are closed to her. The Ningbo officer approves on a phone (the
// buttons on the card, nothing to scroll sideways for); the Hangzhou officer confirms at 1366 px
// with the 操作 column whole on screen; the other front-desk lists fit the phone as cards.

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1366, height: 860 } };
const TRAVELLER = '俞晓岚';
const COMPANION = '前台家属陆云';
const MARCH = '2027年3月15日';
const JANUARY = '2027年1月11日';

async function signedIn(browser: Browser, baseURL: string | undefined, email: string, phone: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(phone ? PHONE : DESKTOP) });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function fits(page: Page, name: string) {
  expect(await horizontalOverflow(page), `${name} is wider than the phone`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: artifact(name), fullPage: true });
}

/** The element lies wholly inside the window's width (no sideways scrolling needed to reach it). */
async function withinWidth(page: Page, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x, 'starts on screen').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'ends on screen').toBeLessThanOrEqual(width);
}

test.describe.serial('前台：旅客手机预订、返回不丢家属、卡片显示不可预订原因、工作人员手机审核', () => {
  test('宁波旅客在手机上预订杭州三月批次，返回上一步家属仍在，预订后卡片说明其他批次为何不可订', async ({ browser, baseURL }) => {
    const page = await signedIn(browser, baseURL, 'traveller@ningbo.demo', true);
    await page.goto('/t/ningbo/recuperation');
    await expect(page.getByRole('heading', { name: '疗休养预订' })).toBeVisible();
    const march = page.getByTestId('batch-card').filter({ hasText: MARCH });
    await expect(march).toContainText('余');
    await expect(march.getByTestId('batch-reason')).toHaveCount(0);
    await fits(page, 'desk-01-phone-batches');

    await march.click();
    await page.getByRole('button', { name: '我要预订' }).click();
    await page.getByRole('button', { name: '添加随行家属' }).click();
    const companion = page.getByTestId('companion');
    await companion.getByLabel('姓名').fill(COMPANION);
    await companion.getByLabel('身份证号').fill(idNumber('1990-07-21', 61));
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByText('个人信息共享授权')).toBeVisible();
    await expect(page).toHaveURL(/step=1/);

    // the browser's Back returns to the first step with the companion still filled in
    await page.goBack();
    await expect(page).not.toHaveURL(/step=/);
    await expect(page.getByTestId('companion').getByLabel('姓名')).toHaveValue(COMPANION);
    await fits(page, 'desk-02-phone-back-keeps-companion');

    // and a detour back to the batch page and in again keeps it too (this tab's draft)
    await page.goBack();
    await page.getByRole('button', { name: '我要预订' }).click();
    await expect(page.getByTestId('companion').getByLabel('姓名')).toHaveValue(COMPANION);

    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('checkbox', { name: /我同意将上述个人信息提供给杭州市总工会/ }).check();
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByTestId('book-summary')).toContainText(`${COMPANION}（配偶）`);
    await page.goBack();
    await expect(page.getByRole('checkbox', { name: /我同意将上述个人信息提供给杭州市总工会/ })).toBeChecked();
    await page.goForward();
    await expect(page.getByTestId('book-summary')).toContainText('占用床位 2 个');
    await fits(page, 'desk-03-phone-summary');
    await page.getByRole('button', { name: '提交预订' }).click();
    await expect(page.getByText('已提交，等待本单位审核')).toBeVisible();
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('uc.booking.draft.')))).toEqual([]);
    await fits(page, 'desk-04-phone-booked');

    // the list now says, on the card, why January is closed to her (this year's allowance is spent)
    await page.goto('/t/ningbo/recuperation');
    await expect(page.getByTestId('batch-card').filter({ hasText: MARCH })).toContainText('待审核');
    const january = page.getByTestId('batch-card').filter({ hasText: JANUARY });
    await expect(january.getByTestId('batch-verdict')).toHaveText('暂不可预订');
    await expect(january.getByTestId('batch-reason')).toContainText('超过每年');
    await fits(page, 'desk-05-phone-card-reason');
  });

  test('宁波工作人员在手机上审核：卡片上直接有“审核通过”和“退回”，无需横向滚动', async ({ browser, baseURL }) => {
    const nb = await signedIn(browser, baseURL, 'officer@ningbo.demo', true);
    await nb.goto('/t/ningbo/recuperation-admin/requests');
    const card = nb.getByTestId('booking-row').filter({ hasText: TRAVELLER });
    await expect(card).toContainText(COMPANION);
    const approve = card.getByRole('button', { name: /审核通过/ });
    const reject = card.getByRole('button', { name: /退\s*回/ });
    await expect(approve).toBeVisible();
    await expect(reject).toBeVisible();
    await withinWidth(nb, approve);
    await withinWidth(nb, reject);
    await fits(nb, 'desk-06-phone-requests');
    await approve.click();
    await expect(nb.getByText('已审核通过，等待接待方确认')).toBeVisible();
  });

  test('杭州工作人员在 1366 屏上确认接待：操作列完整可见', async ({ browser, baseURL }) => {
    const hz = await signedIn(browser, baseURL, 'officer@hangzhou.demo', false);
    await hz.goto('/t/hangzhou/recuperation-admin');
    const row = hz.getByRole('row', { name: new RegExp(TRAVELLER) });
    await expect(row).toContainText('宁波市总工会');
    await withinWidth(hz, hz.getByRole('columnheader', { name: '操作' }).first());
    const confirm = row.getByRole('button', { name: /确认接待/ });
    await withinWidth(hz, confirm);
    expect(await horizontalOverflow(hz)).toBeLessThanOrEqual(0);
    await hz.screenshot({ path: artifact('desk-07-laptop-to-confirm'), fullPage: true });
    await confirm.click();
    await expect(hz.getByText('已确认接待')).toBeVisible();

    // the batch in its check-in window: its roster at 1366 px keeps the 操作 column on screen
    await hz.goto('/t/hangzhou/recuperation-admin/batches');
    await hz.getByRole('link', { name: 'HZ-LA-NOW' }).click();
    await expect(hz.getByRole('row', { name: /孙丽华/ })).toContainText('已确认');
    await withinWidth(hz, hz.getByRole('columnheader', { name: '操作' }).first());
    await hz.screenshot({ path: artifact('desk-08-laptop-roster-now'), fullPage: true });
  });

  test('其他前台名单在手机上以卡片显示：批次名单、转办案件', async ({ browser, baseURL }) => {
    const hz = await signedIn(browser, baseURL, 'officer@hangzhou.demo', true);
    await hz.goto('/t/hangzhou/recuperation-admin/batches');
    await hz.getByRole('link', { name: 'HZ-LA-NOW' }).click();
    const guest = hz.getByTestId('booking-row').filter({ hasText: '孙丽华' });
    await expect(guest).toContainText('已确认');
    await fits(hz, 'desk-09-phone-roster');

    const cw = await signedIn(browser, baseURL, 'caseworker@hangzhou.demo', true);
    await cw.goto('/t/hangzhou/rights?tab=referred');
    await expect(cw.getByTestId('referral-row').first()).toBeVisible();
    await fits(cw, 'desk-10-phone-referrals');
  });
});
