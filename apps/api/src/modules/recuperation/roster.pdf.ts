import type { RosterDto } from '@uc/contracts';
import { chinaDateTime } from '../../lib/dates.ts';
import { drawPdfTable, openCjkPdf, type PdfColumn } from '../../lib/cjkPdf.ts';
import { chinaDay, rosterLines, type RosterLine } from './roster.dto.ts';

// The roster as a landscape A4 table in Chinese, with the same CJK font subset approach as the
// agreement PDF (docs/decisions/0006-pdf.md).

const COLS: PdfColumn<RosterLine & Record<string, string>>[] = [
  { key: 'no', title: '序号', width: 30 },
  { key: 'name', title: '姓名', width: 60 },
  { key: 'role', title: '身份', width: 100 },
  { key: 'gender', title: '性别', width: 30 },
  { key: 'idNumberMasked', title: '身份证号（脱敏）', width: 120 },
  { key: 'mobile', title: '手机号', width: 80 },
  { key: 'federation', title: '所属市总工会', width: 80 },
  { key: 'unit', title: '所属工会', width: 130 },
  { key: 'status', title: '状态', width: 62 },
  { key: 'checkedIn', title: '签到', width: 40 },
];

export function renderRosterPdf(r: RosterDto, generatedAt: Date): Promise<Buffer> {
  const { doc, finished } = openCjkPdf({ layout: 'landscape', margins: { top: 40, bottom: 40, left: 40, right: 40 }, info: { Title: `疗休养名册 ${r.batch.code}` } });

  doc.font('bold').fontSize(15).text(`疗休养名册 · ${r.batch.routeTitle}`, { align: 'center' });
  doc.moveDown(0.3).font('body').fontSize(10);
  doc.text(`批次 ${r.batch.code}，${chinaDay(r.batch.startDate)}至${chinaDay(r.batch.endDate)}（${r.batch.nights} 晚）`, { align: 'center' });
  doc.text(`会员 ${r.totals.members} 人（本会 ${r.totals.ownMembers}，对方 ${r.totals.partnerMembers}），随行家属 ${r.totals.companions} 人，床位 ${r.totals.beds}/${r.batch.capacity}，已签到 ${r.totals.checkedIn}`, { align: 'center' });
  doc.moveDown(0.6);

  const left = doc.page.margins.left;
  drawPdfTable(doc, COLS, rosterLines(r.rows).map((l) => ({ ...l })));
  doc.moveDown(1).font('body').fontSize(8).fillColor('#555555');
  doc.text(`身份证号按会员授权以脱敏形式提供，核验时请查验本人证件。生成时间：${chinaDateTime(generatedAt)}（北京时间）`, left);
  doc.end();
  return finished;
}
