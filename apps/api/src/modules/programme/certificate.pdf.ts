import QRCode from 'qrcode';
import { openCjkPdf } from '../../lib/cjkPdf.ts';

// A class's completion certificate (结业证书, decision 0057) as a landscape A4 page in Chinese: the
// member, the class, the sessions attended and the credit hours, both federations, the date of the
// day it was issued, its number and a QR code to the public check (/verify/certificate/<number>).
// Drawn in the render pool's worker (lib/render.worker.ts).

export interface ProgrammeCertificatePrint {
  number: string;
  memberName: string;
  home: string;
  eventTitle: string;
  topic: string;
  host: string;
  partner: string;
  sessions: number;
  attended: number;
  creditHours: number;
  from: string;
  to: string;
  /** the public check (/verify/certificate/<number>) the QR code leads to */
  verifyUrl: string;
}

const chinaDay = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

export async function renderProgrammeCertificatePdf(c: ProgrammeCertificatePrint): Promise<Buffer> {
  const { doc, finished } = openCjkPdf({ layout: 'landscape', margins: { top: 50, bottom: 40, left: 60, right: 60 }, info: { Title: `结业证书 ${c.number}` } });
  const { width, height } = doc.page;
  doc.lineWidth(4).strokeColor('#a8071a').rect(24, 24, width - 48, height - 48).stroke();
  doc.lineWidth(1).rect(32, 32, width - 64, height - 64).stroke();
  doc.fillColor('#a8071a').font('bold').fontSize(36).text('结 业 证 书', 0, 80, { align: 'center', width });
  doc.fillColor('#000').font('body').fontSize(18);
  doc.text(`${c.memberName} 同志（${c.home}）：`, 110, 170);
  doc.moveDown(0.8);
  const span = c.from === c.to ? chinaDay(c.from) : `${chinaDay(c.from)}至${chinaDay(c.to)}`;
  doc.text(`于${span}参加${c.host}与${c.partner}联合举办的「${c.eventTitle}」（主题：${c.topic}），全班共 ${c.sessions} 次课程，本人签到参加 ${c.attended} 次，累计 ${c.creditHours} 学时，完成规定学习内容，准予结业。`, 110, undefined, {
    indent: 36,
    width: width - 220,
    lineGap: 6,
  });
  doc.fontSize(16).text('特发此证。', 110, undefined, { indent: 36 });
  const qr = await QRCode.toBuffer(c.verifyUrl, { margin: 1, width: 240 });
  doc.fontSize(14).text(`${c.host}    ${c.partner}`, 0, height - 150, { align: 'right', width: width - 120 });
  doc.text(chinaDay(c.to), 0, height - 126, { align: 'right', width: width - 120 });
  doc.image(qr, 80, height - 190, { width: 100 });
  doc.fontSize(10).fillColor('#444').text(`证书编号：${c.number}`, 190, height - 150);
  doc.text('扫描二维码或访问以下地址查验：', 190, height - 134);
  doc.text(c.verifyUrl, 190, height - 118, { width: width - 520 });
  doc.end();
  return finished;
}
