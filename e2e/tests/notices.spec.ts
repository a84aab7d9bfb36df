import type { Page } from '@playwright/test';
import { docx } from '../support/office.ts';
import { artifact, expect, horizontalOverflow, label, signIn, test } from '../support/fixtures.ts';

// Issue 16, in Chinese at 1366 and 375 px: clause comments get a reply and a resolved state, a
// version is not sent for signature while a comment is open, and a progress update takes a Word
// file — each person named by 姓名 + 职务 + 单位, never by a login email.
const HANGSHAO = /杭绍同城化工会合作协议/;
const EMAIL = /[\w.+-]+@[\w-]+\.demo/;

const VIEWS = [
  { name: 'desktop', phone: false, use: { viewport: { width: 1366, height: 860 } } },
  { name: 'phone', phone: true, use: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } },
] as const;

async function openMenu(page: Page, phone: boolean, name: string) {
  if (phone) {
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('dialog', { name: '工会协作平台' }).getByRole('menuitem', { name }).click();
  } else {
    await page.getByRole('menuitem', { name }).click();
  }
}

for (const view of VIEWS) {
  test.describe.serial(`意见答复与附件（${view.phone ? '手机' : '电脑'}）`, () => {
    test.use({ ...view.use, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const shot = (name: string) => artifact(`${view.name}-notices-${name}`);
    const fits = async (page: Page) => expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    test('杭州签署人：有未解决意见时不能提交签署；回复并标记已解决后提示消失', async ({ page }) => {
      await signIn(page, 'signer@hangzhou.demo');
      await page.goto('/t/hangzhou/agreements?status=negotiating');
      await page.getByRole('link', { name: HANGSHAO }).first().click();
      await expect(page.getByRole('heading', { name: HANGSHAO })).toBeVisible();
      await expect(page.getByTestId('agreement-status')).toHaveText('协商中');

      // the open comment of Shaoxing is said before the click, and the freeze is refused
      await page.getByRole('tab', { name: '签署' }).click();
      const actions = page.getByTestId('step-actions');
      await expect(actions.getByTestId('comments-open-warning')).toContainText('还有 1 条意见未解决');
      await actions.getByRole('button', { name: label('提交签署') }).click();
      await page.getByRole('dialog', { name: /提交第 \d+ 版签署？/ }).getByRole('button', { name: label('提交签署') }).click();
      await expect(page.getByText('还有未解决的意见：请先回复并标记为已解决，再提交签署')).toBeVisible();
      await expect(page.getByTestId('agreement-status')).toHaveText('协商中');
      await fits(page);
      await page.screenshot({ path: shot('freeze-refused'), fullPage: true });

      // reply to the comment, then mark it resolved
      await page.getByRole('tab', { name: '条款与版本' }).click();
      const skills = page.getByTestId('comments-skills');
      const thread = skills.getByTestId('comment-thread').filter({ hasText: '纺织印染' });
      await expect(thread).toHaveAttribute('data-open', 'true');
      await expect(skills.getByText('1 条待解决')).toBeVisible();
      const reply = `同意纳入纺织印染工种（${view.phone ? '手机' : '电脑'}端答复）。`;
      await thread.getByRole('button', { name: label('回复') }).click();
      await thread.getByLabel('回复内容').fill(reply);
      await thread.getByRole('button', { name: '发表回复' }).click();
      await expect(page.getByText('回复已发表')).toBeVisible();
      await expect(thread.getByTestId('comment-reply').filter({ hasText: reply })).toBeVisible();
      // the reply goes to the party that commented, and names the person who wrote it
      await expect(thread.getByTestId('comment-reply').filter({ hasText: reply })).toContainText('致绍兴市总工会');
      await thread.getByRole('button', { name: '标记为已解决' }).click();
      await expect(page.getByText('意见已标记为已解决')).toBeVisible();
      await expect(thread).toHaveAttribute('data-open', 'false');
      await expect(thread.getByTestId('comment-resolved')).toHaveText('已解决');
      await expect(thread).toContainText(/于.*标记为已解决/);
      await expect(skills).not.toContainText(EMAIL);
      await expect(page.getByText(/agreements\.|validation\./)).toHaveCount(0);
      await fits(page);
      await page.screenshot({ path: shot('comment-resolved'), fullPage: true });

      // no open comment is left: the warning is gone
      await page.getByRole('tab', { name: '签署' }).click();
      await expect(page.getByTestId('step-actions').getByRole('button', { name: label('提交签署') })).toBeVisible();
      await expect(page.getByTestId('comments-open-warning')).toHaveCount(0);

      // reopened, the demo's comment stands again (the next run, and the other journeys, find it open)
      await page.getByRole('tab', { name: '条款与版本' }).click();
      await thread.getByRole('button', { name: '重新打开' }).click();
      await expect(page.getByText('意见已重新打开')).toBeVisible();
      await expect(thread).toHaveAttribute('data-open', 'true');
    });

    test('宁波项目负责人：进展报告附上 Word 文件，列表显示上传人姓名而非邮箱', async ({ page }) => {
      test.setTimeout(120_000);
      await signIn(page, 'lead@ningbo.demo');
      await openMenu(page, view.phone, '我的项目');
      await expect(page.getByRole('heading', { name: '我的项目' })).toBeVisible();
      const href = await page.getByTestId('my-item-link').first().getAttribute('href');
      await page.goto(href!);
      await expect(page.getByTestId('item-title')).toBeVisible();

      await page.getByRole('button', { name: '发布进展' }).click();
      const dialog = page.getByRole('dialog', { name: '发布进展报告' });
      await expect(dialog.getByText(/Word（doc、docx）和 Excel（xls、xlsx）/)).toBeVisible();
      const text = `${view.phone ? '手机端' : '电脑端'}：联席会议纪要已定稿，见附件。`;
      await dialog.getByLabel('进展情况').fill(text);
      const name = `杭甬联席会议纪要（${view.phone ? '手机' : '电脑'}）.docx`;
      // the browser does not know the type: the API reads it from the file
      await dialog.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: docx('杭甬联席会议纪要') });
      await expect(dialog.locator('.ant-upload-list-item').filter({ hasText: name })).toHaveClass(/ant-upload-list-item-done/);
      await dialog.getByRole('button', { name: '发布进展' }).click();
      await expect(page.getByText('进展已发布')).toBeVisible();
      await expect(dialog).toBeHidden();

      const update = page.getByTestId('progress-update').filter({ hasText: text });
      const att = update.getByTestId('attachment').filter({ hasText: name });
      await expect(att).toBeVisible();
      await expect(att.getByTestId('attachment-meta')).toContainText('上传');
      await expect(att.getByTestId('attachment-meta')).not.toContainText(EMAIL);
      // no preview for Word: a download whose Chinese name survives
      await expect(att.getByRole('button', { name: `预览 ${name}` })).toHaveCount(0);
      const link = await att.getByRole('link', { name: `下载 ${name}` }).getAttribute('href');
      const res = await page.request.get(link!);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const cd = res.headers()['content-disposition']!;
      expect(cd).toMatch(/^attachment; /);
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(cd)![1]!)).toBe(name);
      await expect(page.getByText(/items\.|validation\./)).toHaveCount(0);
      await fits(page);
      await att.scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot('docx-attached'), fullPage: true });
    });
  });
}
