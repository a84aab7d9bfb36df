import { expect, test as base, type Page } from '@playwright/test';
import { baseUrl } from '../env.ts';

export const DEMO_PASSWORD = 'UnionDemo2026';

/** The tests, pointed at the API global-setup.ts started (its port is only known then). */
export const test = base.extend({
  // Playwright reads the fixtures a function needs from its first parameter, so it must be a pattern
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    const url = baseUrl();
    if (!url) throw new Error('E2E_BASE_URL is not set: run through playwright.config.ts (global setup)');
    await use(url);
  },
});
export { expect };

/**
 * AntD writes two-character Chinese button labels with a space between (登 录); match either way.
 * A button that was loading may keep its (collapsed, invisible) spinner, named "loading", until a
 * CSS transition ends — rc-motion waits for transitionend with no deadline, and under load it can
 * wait for good — so that word may lead the name (the programme journey timed out on it once).
 */
export const label = (text: string) => new RegExp(`^\\s*(?:loading\\s*)?${[...text].join('\\s*')}\\s*$`);

export async function signIn(page: Page, email: string, lands: RegExp = /\/t\/[a-z0-9-]+$/) {
  await page.goto('/login');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: label('登录') }).click();
  await expect(page).toHaveURL(lands);
}

/** Where screenshots go for a person to look at (gitignored). */
export const artifact = (name: string) => `artifacts/${name}.png`;

/** Whether the page body is wider than the window (a phone would scroll sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);
}
