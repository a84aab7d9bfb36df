import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** A programme of the 杭甬 agreement opened by a Hangzhou officer with one session at the 工人文化宫 on `day`, 14:00–16:00. */
export async function openProgramme(hz: Page, p: { title: string; session: string; day: string; capacity: number; seatsPerCity: number; homeApproval?: boolean; kind?: string; certificateSessions?: number; shot?: string }) {
  await hz.goto('/t/hangzhou/programmes-admin');
  await hz.getByTestId('programme-create').click();
  const dialog = hz.getByRole('dialog');
  await dialog.getByRole('combobox').first().click();
  await hz.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '杭甬' }).first().click();
  if (p.kind) {
    // the second select of the form: the kind (培训班 for a class)
    await dialog.getByRole('combobox').nth(1).click();
    await hz.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: p.kind }).click();
  }
  if (p.certificateSessions) await dialog.getByTestId('programme-certificate-sessions').fill(String(p.certificateSessions));
  await hz.getByTestId('programme-title').fill(p.title);
  await hz.getByTestId('programme-topic').fill('工匠精神');
  if (p.homeApproval) {
    await dialog.getByTestId('programme-home-approval').click();
    await expect(dialog.getByTestId('programme-home-approval')).toBeChecked();
  }
  if (p.shot) await hz.screenshot({ path: p.shot });
  await hz.getByTestId('programme-create-ok').click();
  await expect(hz.getByRole('heading', { name: p.title })).toBeVisible();
  if (p.homeApproval) await expect(hz.getByTestId('programme-home-approval')).toBeChecked();
  await hz.getByTestId('session-title').fill(p.session);
  const inputs = hz.locator('.ant-picker-range input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(`${p.day} 14:00`);
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).fill(`${p.day} 16:00`);
  await inputs.nth(1).press('Enter');
  await hz.getByTestId('session-venue').click();
  await hz.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '杭州市工人文化宫' }).click();
  await hz.getByTestId('session-capacity').fill(String(p.capacity));
  await hz.getByTestId('session-seats').fill(String(p.seatsPerCity));
  await hz.getByTestId('session-add').click();
  await expect(hz.getByTestId('programme-session').filter({ hasText: p.session })).toBeVisible();
  await hz.getByTestId('programme-step-published').click();
  await expect(hz.getByTestId('programme-status')).toHaveText('已发布');
  await hz.getByTestId('programme-step-open').click();
  await expect(hz.getByTestId('programme-status')).toHaveText('报名中');
}
