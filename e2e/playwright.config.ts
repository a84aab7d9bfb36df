import { defineConfig, devices } from '@playwright/test';

// Browser journeys in Debian's Chromium (never a downloaded browser), in Chinese, on China time.
// global-setup.ts builds the web app, starts the API on a fresh PGlite database and a free port,
// and hands the address to the tests (support/fixtures.ts).
export default defineConfig({
  testDir: './tests',
  outputDir: './artifacts/test-results',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  // one retry: a journey that fails twice is red; one that passes on the retry is reported as flaky
  retries: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      // Chromium still calls Google on its own with these flags (accounts, autofill, optimisation
      // hints: decision 0058 traced them); every request beyond the loopback goes to a proxy address
      // where nothing listens, so nothing leaves the machine. The API under test is on 127.0.0.1.
      proxy: { server: 'http://127.0.0.1:9', bypass: '127.0.0.1,localhost' },
    },
  },
});
