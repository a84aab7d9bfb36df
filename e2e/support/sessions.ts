import type { Browser, BrowserContext, Page } from '@playwright/test';
import { artifact, expect, horizontalOverflow, signIn } from './fixtures.ts';

// Journeys that move between people: each person signs in in a browser context of their own (a
// 375 px phone or a 1366 px desk), and every context a test opened is closed after it.

export const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1366, height: 860 } };

/** Tomorrow as a calendar date in China, whatever zone the machine runs in. */
export function tomorrowInChina(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const next = new Date(`${today}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Sign-ins of one spec file; call closeAll() after each test (test.afterEach). */
export function people() {
  const opened: BrowserContext[] = [];
  return {
    async signedInPage(browser: Browser, baseURL: string | undefined, email: string, phone: boolean): Promise<Page> {
      const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(phone ? PHONE : DESKTOP) });
      opened.push(context);
      const page = await context.newPage();
      await signIn(page, email);
      return page;
    },
    async closeAll() {
      for (const context of opened.splice(0)) await context.close();
    },
  };
}

/** The page fits a phone's width (no sideways scrolling); its screenshot is kept to look at. */
export async function fitsThePhone(page: Page, name: string) {
  expect(await horizontalOverflow(page), `${name} is wider than the phone`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: artifact(name), fullPage: true });
}
