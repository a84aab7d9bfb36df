import type { DashboardDto, DashboardPanelDto, FileDto, LabelDto } from '@uc/contracts';
import type { dashboardInput } from '@uc/contracts';
import type { z } from 'zod';
import { XLSX_TYPE, xlsxWriter } from '../../lib/xlsx.ts';
import type { ServiceCtx } from '../../service.ts';
import { dashboardPanels } from './dashboard.query.ts';

// The dashboard's figures as Excel: one sheet per panel the registry gives for the scope (never a
// hand-kept list), in the reader's language, drawn from the panel's view type alone — so a module's
// new panel exports without a change here.

type View = DashboardPanelDto['view'];
const pick = (en: boolean, l: LabelDto) => (en ? l.en : l.zh);

function rowsOf(view: View, en: boolean): (string | number | null)[][] {
  if (view.type === 'matrix') {
    return [['', ...view.columns.map((c) => pick(en, c.label))], ...view.rows.map((r, i) => [pick(en, r.label), ...(view.values[i] ?? [])])];
  }
  if (view.type === 'series') {
    return [[en ? 'Week' : '周', ...view.series.map((s) => pick(en, s.label))], ...view.x.map((x, i) => [x, ...view.series.map((s) => s.values[i] ?? 0)])];
  }
  if (view.type === 'list') {
    const head = en ? ['Title', 'Of', 'Date', 'Value'] : ['名称', '所属', '日期', '数值'];
    return [head, ...view.rows.map((r) => [r.title, r.subtitle, r.date, r.value]), [en ? 'Total' : '合计', '', '', view.total]];
  }
  return [[en ? 'Figure' : '指标', en ? 'Value' : '数值', en ? 'Unit' : '单位'], ...view.stats.map((s) => [pick(en, s.label), s.value, s.unit ? pick(en, s.unit) : ''])];
}

/** Sheet names: at most 31 characters, none of []:*?/\, unique within the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Sheet';
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base.slice(0, 26)} ${k}`;
  taken.add(name);
  return name;
}

export async function dashboardWorkbook(dash: DashboardDto, locale: string): Promise<Buffer> {
  const en = locale === 'en';
  const { workbook, finish } = xlsxWriter();
  const taken = new Set<string>();
  for (const panel of dash.panels) {
    const sheet = workbook.addWorksheet(sheetName(pick(en, panel.title), taken));
    sheet.columns = [{ width: 36 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }];
    sheet.addRow([pick(en, panel.title)]).font = { bold: true, size: 13 };
    sheet.addRow([en ? `As of ${dash.today}` : `统计日期：${dash.today}`]).commit();
    rowsOf(panel.view, en).forEach((r, i) => {
      const row = sheet.addRow(r);
      if (i === 0) row.font = { bold: true };
      row.commit();
    });
    sheet.commit();
  }
  return finish();
}

export async function exportDashboard(ctx: ServiceCtx, input: z.infer<typeof dashboardInput>): Promise<FileDto> {
  const dash = await dashboardPanels(ctx, input);
  const bytes = await dashboardWorkbook(dash, ctx.locale);
  const name = ctx.locale === 'en' ? `dashboard-${dash.today}.xlsx` : `数据看板-${dash.today}.xlsx`;
  return { filename: name, contentType: XLSX_TYPE, base64: bytes.toString('base64') };
}
