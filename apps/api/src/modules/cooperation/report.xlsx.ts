import type { ReportDto } from '@uc/contracts';
import { xlsxWriter } from '../../lib/xlsx.ts';

// The report's figure tables as Excel: one sheet of figures (commons, figure, value, unit), one of
// directions (allowed vs used each way), one of the texts.

export async function renderReportXlsx(r: ReportDto): Promise<Buffer> {
  const { workbook, finish } = xlsxWriter();
  const figures = workbook.addWorksheet('数据');
  figures.columns = [{ header: '板块', width: 16 }, { header: '指标', width: 28 }, { header: '数值', width: 12 }, { header: '单位', width: 8 }];
  for (const s of r.content.overview.sections) for (const f of s.figures) figures.addRow([s.title.zh, f.label.zh, f.value, f.unit?.zh ?? '']).commit();
  figures.commit();
  const ways = workbook.addWorksheet('双向互用');
  ways.columns = [{ header: '板块', width: 16 }, { header: '方向', width: 40 }, { header: '额度', width: 10 }, { header: '已用', width: 10 }];
  for (const s of r.content.overview.sections) for (const d of s.directions) ways.addRow([s.title.zh, d.label.zh, d.allowed ?? '', d.used]).commit();
  ways.commit();
  const texts = workbook.addWorksheet('文字');
  texts.columns = [{ header: '部分', width: 16 }, { header: '内容', width: 100 }];
  texts.addRow(['存在问题', r.content.problems]).commit();
  texts.addRow(['下一步打算', r.content.plans]).commit();
  for (const c of r.content.commentary) texts.addRow([`意见（${c.party}）`, c.text]).commit();
  texts.addRow(['内容摘要 SHA-256', r.contentHash]).commit();
  texts.commit();
  return finish();
}
