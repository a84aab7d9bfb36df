import { deflateSync, crc32 } from 'node:zlib';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { artifact, expect, horizontalOverflow, label, signIn, test } from '../support/fixtures.ts';

// The issue's acceptance journey for joint items, in Chinese, at desktop and at phone width: a
// Ningbo project lead opens "my items", posts an at-risk progress update with an attachment and
// confirms a milestone; the Hangzhou lead confirms it too, it shows done, and the dashboard shows it.

/** A small real PNG (stripes in union red and blue), so the thumbnail and preview have something to show. */
function stripesPng(width = 48, height = 32): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Array.from({ length: height }, (_, y) => {
    const rgb = y % 8 < 4 ? [0xb3, 0x20, 0x1e] : [0x1f, 0x63, 0xd6];
    return Buffer.from([0, ...Array.from({ length: width }, () => rgb).flat()]);
  });
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** A one-page PDF with a line of text (what offices attach: a scanned notice, minutes). */
function onePagePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 18 Tf 24 72 Td (Progress report) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

async function openMenu(page: Page, phone: boolean, name: string) {
  if (phone) {
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('dialog', { name: '工会协作平台' }).getByRole('menuitem', { name }).click();
  } else {
    await page.getByRole('menuitem', { name }).click();
  }
}

/** A milestone neither side has confirmed yet, on the first of the lead's items that has one: its item id and title. */
async function findOpenMilestone(page: Page): Promise<{ itemId: string; title: string }> {
  const hrefs = await page.getByTestId('my-item-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) {
    await page.goto(href);
    await expect(page.getByTestId('item-title')).toBeVisible();
    const candidate = page
      .getByTestId('milestone')
      .filter({ has: page.getByTestId('confirm-ningbo').filter({ hasText: '待确认' }) })
      .filter({ has: page.getByTestId('confirm-hangzhou').filter({ hasText: '待确认' }) })
      .filter({ has: page.getByRole('button', { name: '确认完成' }) });
    if ((await candidate.count()) > 0) {
      const title = await candidate.first().getAttribute('data-title');
      return { itemId: href.split('/').pop()!, title: title! };
    }
  }
  throw new Error('the demo data has no item of the Ningbo lead with a milestone open on both sides');
}

const VIEWS = [
  { name: 'desktop', phone: false, use: { viewport: { width: 1366, height: 860 } } },
  { name: 'phone', phone: true, use: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } },
] as const;

for (const view of VIEWS) {
  test.describe(`共建项目（${view.name === 'phone' ? '手机' : '电脑'}）`, () => {
    test.use(view.use);
    const shot = (name: string) => artifact(`${view.name}-items-${name}`);
    const fits = async (page: Page) => expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    test('two leads track an item: at-risk update with an attachment, a milestone confirmed by both, the dashboard', async ({ page }) => {
      // the longest journey (two sign-ins, an upload, two dashboards, the board): 60–80 s on a busy 2-core machine
      test.setTimeout(180_000);
      // the Ningbo lead's own items, what needs attention first
      await signIn(page, 'lead@ningbo.demo');
      await openMenu(page, view.phone, '我的项目');
      await expect(page.getByRole('heading', { name: '我的项目' })).toBeVisible();
      await expect(page.getByTestId('my-item-link').first()).toBeVisible();
      await expect(page.getByText(/items\.|dashboard\./)).toHaveCount(0);
      await fits(page);
      await page.screenshot({ path: shot('my-items'), fullPage: true });

      const { itemId, title } = await findOpenMilestone(page);
      const milestone = page.locator(`[data-testid=milestone][data-title="${title}"]`);

      // an at-risk progress update with an attachment checked, uploaded and previewable
      await page.getByRole('button', { name: '发布进展' }).click();
      const dialog = page.getByRole('dialog', { name: '发布进展报告' });
      await expect(dialog.getByText('单个不超过 10 MB')).toBeVisible();
      await dialog.getByLabel('存在风险').check();
      const text = `${view.name === 'phone' ? '手机端' : '电脑端'}：场地协调未完成，可能影响下一节点，需双方会商。`;
      await dialog.getByLabel('进展情况').fill(text);
      const file = view.phone
        ? { name: '会议纪要.pdf', mimeType: 'application/pdf', buffer: onePagePdf() }
        : { name: '现场照片.png', mimeType: 'image/png', buffer: stripesPng() };
      await dialog.locator('input[type=file]').setInputFiles(file);
      await expect(dialog.locator('.ant-upload-list-item').filter({ hasText: file.name })).toHaveClass(/ant-upload-list-item-done/);
      await fits(page);
      await page.screenshot({ path: shot('post-update') });
      await dialog.getByRole('button', { name: '发布进展' }).click();
      await expect(page.getByText('进展已发布')).toBeVisible();
      await expect(dialog).toBeHidden();
      const update = page.getByTestId('progress-update').filter({ hasText: text });
      await expect(update.getByTestId('item-health')).toHaveText('存在风险');
      await expect(update.getByText(file.name)).toBeVisible();
      await expect(page.getByTestId('item-health').first()).toHaveText('存在风险');

      // the attachment previews in the browser
      if (view.phone) {
        await update.getByRole('button', { name: `预览 ${file.name}` }).click();
        const pdf = page.getByRole('dialog', { name: file.name });
        await expect(pdf.getByTestId('pdf-preview')).toBeVisible();
        const src = await pdf.getByTestId('pdf-preview').getAttribute('src');
        const res = await page.request.get(src!);
        expect(res.headers()['content-type']).toContain('application/pdf');
        await page.keyboard.press('Escape');
        await expect(pdf).toBeHidden();
      } else {
        await update.getByRole('img', { name: file.name }).click();
        await expect(page.locator('.ant-image-preview-img')).toBeVisible();
        await page.waitForTimeout(500); // the zoom-in animation
        await page.screenshot({ path: shot('image-preview') });
        await page.keyboard.press('Escape');
        await expect(page.locator('.ant-image-preview-img')).toBeHidden();
      }

      // Ningbo confirms its side; the milestone waits for Hangzhou
      await milestone.getByRole('button', { name: '确认完成' }).click();
      await expect(page.getByText('我方已确认，等待对方确认')).toBeVisible();
      await expect(milestone.getByTestId('confirm-ningbo')).toContainText('宁波市总工会已确认');
      await expect(milestone.getByTestId('confirm-hangzhou')).toContainText('杭州市总工会待确认');
      await expect(milestone.getByRole('button', { name: '确认完成' })).toHaveCount(0);
      await fits(page);
      await milestone.screenshot({ path: shot('milestone-half') });
      await page.screenshot({ path: shot('item-ningbo'), fullPage: true });

      // the Hangzhou lead sees Ningbo's update and confirms too: the milestone is done
      await page.context().clearCookies();
      await signIn(page, 'lead@hangzhou.demo');
      await page.goto(`/t/hangzhou/items/${itemId}`);
      await expect(page.getByTestId('progress-update').filter({ hasText: text })).toBeVisible();
      await expect(milestone.getByTestId('confirm-ningbo')).toContainText('宁波市总工会已确认');
      await milestone.getByRole('button', { name: '确认完成' }).click();
      await expect(page.getByText('双方均已确认，节点已完成')).toBeVisible();
      await expect(milestone.getByTestId('milestone-state')).toHaveText('已完成');
      await expect(milestone.getByTestId('confirm-hangzhou')).toContainText('杭州市总工会已确认');
      await expect(page.getByTestId('activity-feed')).toContainText('时间节点已完成（双方确认）');
      await fits(page);
      await milestone.screenshot({ path: shot('milestone-done') });
      await update.screenshot({ path: shot('update') });
      await page.screenshot({ path: shot('item-hangzhou-done'), fullPage: true });

      // the dashboard: charts drawn, this week's health counts the at-risk item
      await openMenu(page, view.phone, '数据看板');
      await expect(page.getByRole('heading', { name: '数据看板' })).toBeVisible();
      const health = page.getByTestId('panel-items.health_trend');
      await expect(health.getByTestId('chart-items.health_trend').locator('svg')).toBeVisible();
      await expect(page.getByTestId('chart-items.kind_status').locator('svg')).toBeVisible();
      const atRisk = Number((await health.getByTestId('figure-at_risk').locator('strong').textContent()) ?? '0');
      expect(atRisk).toBeGreaterThanOrEqual(1);
      await expect(page.getByText(/items\.|dashboard\./)).toHaveCount(0);
      await fits(page);
      await page.waitForTimeout(1500); // the charts' drawing animation
      await page.screenshot({ path: shot('dashboard'), fullPage: true });
      // the same for the one agreement, chosen in the select
      await page.getByTestId('dashboard-scope').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '杭甬' }).click();
      await expect(page).toHaveURL(/agreementId=/);
      await expect(page.getByRole('button', { name: '查看工作清单' })).toBeVisible();
      await expect(health.getByTestId('chart-items.health_trend').locator('svg')).toBeVisible();
      expect(Number(await health.getByTestId('figure-at_risk').locator('strong').textContent())).toBeGreaterThanOrEqual(1);
      await fits(page);

      // the agreement's board and timeline show the same item
      await page.goto(`/t/hangzhou/items/${itemId}`);
      await page.getByTestId('item-agreement-link').click();
      await expect(page.getByRole('heading', { name: '工作清单' })).toBeVisible();
      await expect(page.getByTestId('count-matrix')).toBeVisible();
      await fits(page);
      await page.screenshot({ path: shot('board'), fullPage: true });
      await page.getByRole('tab', { name: '时间轴' }).click();
      await expect(page.getByTestId('timeline-row').first()).toBeVisible();
      await fits(page);
      await page.screenshot({ path: shot('timeline'), fullPage: true });
    });
  });
}

test.describe('共建项目：同时修改', () => {
  test('a save over someone else’s newer change is refused clearly, keeps the input, and merges after a reload', async ({ page }) => {
    await signIn(page, 'lead@hangzhou.demo');
    await page.getByRole('menuitem', { name: '我的项目' }).click();
    await expect(page.getByTestId('my-item-link').first()).toBeVisible();
    // an item Hangzhou leads, so its lead may edit the core fields
    const hrefs = await page.getByTestId('my-item-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    let itemId = '';
    for (const href of hrefs) {
      await page.goto(href);
      await expect(page.getByTestId('item-title')).toBeVisible();
      if (await page.getByRole('button', { name: '编辑基本信息' }).isVisible()) {
        itemId = href.split('/').pop()!;
        break;
      }
    }
    expect(itemId).not.toBe('');

    await page.getByRole('button', { name: '编辑基本信息' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑项目基本信息' });
    const mine = '两地轮流举办，每年不少于四场，覆盖一线职工。';
    await dialog.getByLabel('项目内容').fill(mine);

    // meanwhile a colleague renames the item (straight through the API, as another browser would)
    const headers = { 'X-Tenant': 'hangzhou' };
    const get = await page.request.get(`/api/trpc/jointItem.get?input=${encodeURIComponent(JSON.stringify({ id: itemId }))}`, { headers });
    const current = (await get.json()).result.data as { title: string; rowVersion: number };
    const renamed = `${current.title}（第二季）`;
    const put = await page.request.post('/api/trpc/jointItem.update', { headers, data: { id: itemId, rowVersion: current.rowVersion, title: renamed } });
    expect(put.ok()).toBe(true);

    await dialog.getByRole('button', { name: label('保存') }).click();
    const conflict = dialog.getByTestId('version-conflict');
    await expect(conflict).toContainText('其他人刚刚修改了这条内容');
    await expect(conflict).toContainText('您填写的内容尚未保存，仍保留在表单中');
    await expect(dialog.getByLabel('项目内容')).toHaveValue(mine);
    await page.screenshot({ path: artifact('desktop-items-conflict') });

    await conflict.getByRole('button', { name: '载入最新内容' }).click();
    await expect(conflict).toBeHidden();
    // the colleague's new title comes in (the user had not touched it); the user's text stays
    await expect(dialog.getByLabel('项目名称')).toHaveValue(renamed);
    await expect(dialog.getByLabel('项目内容')).toHaveValue(mine);
    // not an exact name: under load AntD can leave the first save's (hidden) "loading" icon in the
    // button's accessible name after the request has ended
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText('已保存')).toBeVisible();
    await expect(page.getByTestId('item-title')).toHaveText(renamed);
    await expect(page.getByText(mine)).toBeVisible();
  });
});

test.describe('共建项目：工作清单 Excel', () => {
  test('the work plan downloads as .xlsx; a file with bad rows is refused row by row and nothing is imported', async ({ page }) => {
    await signIn(page, 'lead@hangzhou.demo');
    await page.getByRole('menuitem', { name: '我的项目' }).click();
    await page.getByRole('button', { name: '协议工作清单' }).click();
    await page.getByRole('menuitem', { name: /杭甬/ }).click();
    await expect(page.getByRole('heading', { name: '工作清单' })).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByTestId('work-plan-export').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('工作清单');
    sheet.addRow(['序号', '项目名称', '类别', '牵头单位', '责任人(双方)', '时间节点', '进展情况', '状态', '项目内容']);
    sheet.addRow([1, '不应导入的项目甲', '不存在的类别', '杭州市总工会']);
    sheet.addRow([2, '不应导入的项目乙', '思想共同引领', '杭州市总工会']);
    sheet.addRow([3, '', '项目共同研究', '宁波市总工会']);
    const buffer = Buffer.from(await book.xlsx.writeBuffer());

    await page.getByRole('button', { name: '导入 Excel' }).click();
    const dialog = page.getByRole('dialog', { name: '导入工作清单' });
    await dialog.locator('input[type=file]').setInputFiles({ name: '工作清单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await expect(dialog.getByText('未导入任何数据')).toBeVisible();
    const errors = dialog.getByTestId('import-errors');
    const row = (n: number) => errors.locator('tbody tr').filter({ has: page.getByRole('cell', { name: String(n), exact: true }) });
    await expect(row(2)).toContainText('类别');
    await expect(row(4)).toContainText('项目名称');
    await expect(row(3)).toHaveCount(0);
    await page.waitForTimeout(400); // the dialog's opening animation
    await page.screenshot({ path: artifact('desktop-items-import-errors') });
    await dialog.getByRole('button').filter({ hasText: label('关闭') }).click();
    await expect(dialog).toBeHidden();
    // not even the good row went in
    await expect(page.getByTestId('board-card').filter({ hasText: '不应导入的项目乙' })).toHaveCount(0);
  });
});
