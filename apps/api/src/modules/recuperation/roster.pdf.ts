import type { RosterDto } from '@uc/contracts';
import PDFDocument from 'pdfkit';
import { chinaDateTime } from '../../lib/dates.ts';
import { cjkFonts } from '../../lib/cjkFont.ts';
import { chinaDay, rosterLines, type RosterLine } from './roster.dto.ts';

// The roster as a landscape A4 table in Chinese, with the same CJK font subset approach as the
// agreement PDF (docs/decisions/0006-pdf.md).

const COLS: { key: keyof RosterLine; title: string; width: number }[] = [
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
const ROW = 18;

export function renderRosterPdf(r: RosterDto, generatedAt: Date): Promise<Buffer> {
  const fonts = cjkFonts();
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margins: { top: 40, bottom: 40, left: 40, right: 40 }, lang: 'zh-CN', info: { Title: `疗休养名册 ${r.batch.code}` } });
  doc.registerFont('body', fonts.regular.path, fonts.regular.name);
  doc.registerFont('bold', fonts.bold.path, fonts.bold.name);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(15).text(`疗休养名册 · ${r.batch.routeTitle}`, { align: 'center' });
  doc.moveDown(0.3).font('body').fontSize(10);
  doc.text(`批次 ${r.batch.code}，${chinaDay(r.batch.startDate)}至${chinaDay(r.batch.endDate)}（${r.batch.nights} 晚）`, { align: 'center' });
  doc.text(`会员 ${r.totals.members} 人（本会 ${r.totals.ownMembers}，对方 ${r.totals.partnerMembers}），随行家属 ${r.totals.companions} 人，床位 ${r.totals.beds}/${r.batch.capacity}，已签到 ${r.totals.checkedIn}`, { align: 'center' });
  doc.moveDown(0.6);

  const left = doc.page.margins.left;
  const header = () => {
    let x = left;
    doc.font('bold').fontSize(9);
    for (const c of COLS) {
      doc.text(c.title, x + 2, doc.y, { width: c.width - 4, lineBreak: false });
      x += c.width;
    }
    doc.moveDown(0.2);
    doc.moveTo(left, doc.y).lineTo(x, doc.y).stroke('#999999');
    doc.y += 4;
  };
  header();
  for (const line of rosterLines(r.rows)) {
    if (doc.y + ROW > doc.page.height - doc.page.margins.bottom - 20) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    let x = left;
    doc.font('body').fontSize(8.5);
    for (const c of COLS) {
      doc.text(line[c.key], x + 2, y, { width: c.width - 4, height: ROW - 2, ellipsis: true, lineBreak: false });
      x += c.width;
    }
    doc.y = y + ROW;
  }
  doc.moveDown(1).font('body').fontSize(8).fillColor('#555555');
  doc.text(`身份证号按会员授权以脱敏形式提供，核验时请查验本人证件。生成时间：${chinaDateTime(generatedAt)}（北京时间）`, left);
  doc.end();
  return done;
}
