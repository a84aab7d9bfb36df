import type { ReportDto } from '@uc/contracts';
import SVGtoPDF from 'svg-to-pdfkit';
import { openCjkPdf } from '../../lib/cjkPdf.ts';
import { sectionChartSvg } from './chart.pdf.ts';

// The annual cooperation report as a PDF in the structure union offices use: 总体情况, 五个共
// (figures, a chart, highlights), 机制运行, 存在问题, 下一步打算, each party's commentary and the
// confirmations, the content hash on every page. Pure: everything comes in the report.

const SECTION_NO = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function renderReportPdf(r: ReportDto, generatedAt: Date): Promise<Buffer> {
  const o = r.content.overview;
  const title = `${o.agreement.title} ${r.year}年度合作报告`;
  const { doc, finished } = openCjkPdf({ margins: { top: 56, bottom: 64, left: 56, right: 56 }, bufferPages: true, info: { Title: title, Author: '工会协作平台 Union Commons', Subject: `SHA-256 ${r.contentHash}`, CreationDate: generatedAt } });
  const left = doc.page.margins.left;
  const heading = (text: string) => {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.moveDown(0.6).font('bold').fontSize(13).fillColor('black').text(text, left).moveDown(0.3);
  };
  const para = (text: string) => {
    for (const p of text.split('\n').map((x) => x.trim()).filter(Boolean)) doc.font('body').fontSize(10.5).fillColor('black').text(p, left, undefined, { indent: 21, lineGap: 3, paragraphGap: 3 });
  };

  doc.font('bold').fontSize(17).text(title, { align: 'center' }).moveDown(0.3);
  if (o.agreement.number) doc.font('body').fontSize(10.5).fillColor('black').text(`协议编号：${o.agreement.number}`, { align: 'center' });
  doc.font('body').fontSize(10).fillColor('#555555').text(r.status === 'frozen' ? `双方已确认定稿（${r.frozenAt?.slice(0, 10)}）` : '草稿（待双方确认）', { align: 'center' });

  heading('一、总体情况');
  const parties = o.agreement.parties.map((p) => p.nameZh).join('、');
  para(`${parties}签订的《${o.agreement.title}》${o.agreement.number ? `（${o.agreement.number}）` : ''}，协议期${o.agreement.termStart ?? ''}至${o.agreement.termEnd ?? ''}。${r.year}年，双方在${o.sections.length}个方面开展合作：${o.sections.map((s) => s.title.zh).join('、')}。`);

  heading('二、“五个共”合作情况');
  o.sections.filter((s) => s.commons !== 'mechanism').forEach((s, i) => {
    doc.moveDown(0.3).font('bold').fontSize(11.5).text(`（${SECTION_NO[i]}）${s.title.zh}`, left);
    para(s.figures.map((f) => `${f.label.zh}${f.value}${f.unit?.zh ?? ''}`).join('；') + '。');
    for (const d of s.directions) para(`${d.label.zh}：${d.allowed === null ? '' : `额度${d.allowed}，`}已用${d.used}。`);
    const svg = sectionChartSvg(s);
    if (svg) {
      if (doc.y > doc.page.height - 280) doc.addPage();
      SVGtoPDF(doc, svg, left, doc.y + 4, { width: 460, height: 200, fontCallback: () => 'body' });
      doc.y += 210;
    }
    if (s.highlights.length) para(`亮点：${s.highlights.join('；')}。`);
  });

  const mech = o.sections.find((s) => s.commons === 'mechanism');
  heading('三、机制运行');
  para(mech ? mech.figures.map((f) => `${f.label.zh}${f.value}${f.unit?.zh ?? ''}`).join('；') + '。' + (mech.highlights.length ? `\n${mech.highlights.join('；')}。` : '') : '暂无记录。');
  heading('四、存在问题');
  para(r.content.problems || '无。');
  heading('五、下一步打算');
  para(r.content.plans || '无。');
  if (r.content.commentary.length) {
    heading('六、各方意见');
    for (const c of r.content.commentary) para(`${o.agreement.parties.find((p) => p.slug === c.party)?.nameZh ?? c.party}：${c.text}`);
  }
  if (r.confirmations.length) {
    heading('确认记录');
    for (const c of r.confirmations) para(`${o.agreement.parties.find((p) => p.slug === c.party)?.nameZh ?? c.party} ${c.userLabel} 于 ${c.at.slice(0, 16).replace('T', ' ')} 确认`);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(7.5).fillColor('#555555').text(`内容摘要 SHA-256 ${r.contentHash}    第 ${i + 1} / ${range.count} 页`, left, doc.page.height - 40, { align: 'center', width: doc.page.width - left * 2 });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return finished;
}
