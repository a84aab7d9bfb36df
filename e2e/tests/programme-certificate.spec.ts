import { readFileSync } from 'node:fs';
import { artifact, expect, test } from '../support/fixtures.ts';
import { openProgramme } from '../support/programmes.ts';
import { fitsThePhone, people, PHONE, tomorrowInChina } from '../support/sessions.ts';

// Issue 10, a class's completion certificate (结业证书, decision 0057), in Chinese: a Hangzhou officer
// opens a 培训班 whose certificate takes one session; traveller@ningbo.demo registers on a 375 px phone,
// is checked in at the door, and downloads the certificate PDF from the phone; the host's completion
// list names her with the same number. Its own class, so the other journeys' demo data stay as they were.
const EVENT = `两地班组长培训班（E2E ${Math.random().toString(36).slice(2, 6)}）`;
const SESSION = '第 1 课 · 杭州';

const { signedInPage, closeAll } = people();

test.describe.serial('结业证书：杭州开培训班，宁波会员签到后在手机上下载证书', () => {
  const day = tomorrowInChina();
  let eventUrl = '';
  let token = '';
  let number = '';
  test.afterEach(closeAll);

  test('杭州工作人员新建培训班（签到 1 次即可结业）并开放报名', async ({ browser, baseURL }) => {
    const hz = await signedInPage(browser, baseURL, 'officer@hangzhou.demo', false);
    await openProgramme(hz, { title: EVENT, session: SESSION, day, capacity: 20, seatsPerCity: 10, kind: '培训班', certificateSessions: 1, shot: artifact('programme-certificate-01-host-new-class') });
    eventUrl = new URL(hz.url()).pathname;
    const list = hz.getByTestId('programme-certificate-list');
    await expect(list).toContainText('须参加 1 次');
    await expect(list).toContainText('暂无达到结业要求的学员');
  });

  test('宁波会员在手机上报名，门口签到', async ({ browser, baseURL }) => {
    const page = await signedInPage(browser, baseURL, 'traveller@ningbo.demo', true);
    await page.goto('/t/ningbo/programmes');
    const event = page.getByTestId('programme-event').filter({ hasText: EVENT });
    await event.getByTestId('programme-consent').click();
    await event.getByTestId('programme-register').click();
    const ticket = page.getByTestId('programme-ticket').filter({ hasText: EVENT });
    await expect(ticket).toContainText('已报名');
    token = (await ticket.getByTestId('programme-token').innerText()).trim();
    await expect(page.getByTestId('programme-certificate').filter({ hasText: EVENT })).toHaveCount(0);

    const hz = await signedInPage(browser, baseURL, 'officer@hangzhou.demo', true);
    await hz.goto(eventUrl);
    await hz.getByTestId('programme-session').filter({ hasText: SESSION }).getByTestId('programme-checkin-link').click();
    await hz.getByTestId('checkin-input').fill(token);
    await hz.getByTestId('checkin-submit').click();
    await expect(hz.getByTestId('checkin-result')).toContainText('签到成功');
  });

  test('宁波会员在手机上看到并下载结业证书', async ({ browser, baseURL }) => {
    const page = await signedInPage(browser, baseURL, 'traveller@ningbo.demo', true);
    await page.goto('/t/ningbo/programmes');
    const cert = page.getByTestId('programme-certificate').filter({ hasText: EVENT });
    await expect(cert).toContainText('参加 1/1 次');
    number = /PC-[0-9A-F]{8}-[0-9A-F]{12}/.exec(await cert.innerText())![0];
    await cert.scrollIntoViewIfNeeded();
    await fitsThePhone(page, 'programme-certificate-02-member-certificate');
    const [download] = await Promise.all([page.waitForEvent('download'), cert.getByTestId('programme-certificate-download').click()]);
    expect(download.suggestedFilename()).toBe(`结业证书-${number}.pdf`);
    expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('杭州工作人员在结业名单中看到该会员和同一编号，并查验编号', async ({ browser, baseURL }) => {
    const hz = await signedInPage(browser, baseURL, 'officer@hangzhou.demo', false);
    await hz.goto(eventUrl);
    const list = hz.getByTestId('programme-certificate-list');
    const row = list.getByTestId('programme-certificate-row').filter({ hasText: number });
    await expect(row).toContainText('宁波市总工会');
    await list.getByPlaceholder('PC-XXXXXXXX-XXXXXXXXXXXX').fill(number);
    await list.getByRole('button', { name: '查验编号' }).click();
    await expect(hz.getByText('证书有效')).toBeVisible();
    await list.scrollIntoViewIfNeeded();
    await hz.screenshot({ path: artifact('programme-certificate-03-host-list'), fullPage: true });
  });

  test('任何人扫描证书上的二维码，在手机上看到证书真实有效及脱敏信息', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...PHONE });
    const anon = await context.newPage();
    await anon.goto(`/verify/certificate/${number}`);
    await expect(anon.getByText('证书真实有效')).toBeVisible();
    const facts = anon.getByTestId('certificate-facts');
    await expect(facts).toContainText(number);
    await expect(facts).toContainText(EVENT);
    await expect(facts).toContainText('1 / 1 次');
    // the name masked: never the member's full name
    await expect(facts).toContainText(/[\u4e00-\u9fa5]\*+/);
    await fitsThePhone(anon, 'programme-certificate-04-public-verify');
    await context.close();
  });
});
