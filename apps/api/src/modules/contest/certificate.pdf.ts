import QRCode from 'qrcode';
import { openCjkPdf } from '../../lib/cjkPdf.ts';

// The certificate (荣誉证书) as a landscape A4 page in Chinese: masked name, contest, event, award,
// title, issuers, date, its number, and a QR code to the public verification page (which
// recomputes the hash printed at the bottom).

export interface CertificatePrint {
  number: string;
  maskedName: string;
  contestTitle: string;
  trade: string;
  award: string;
  title: string | null;
  issuedOn: string;
  issuers: string[];
  hash: string;
  verifyUrl: string;
}

const chinaDay = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

export async function renderCertificatePdf(c: CertificatePrint): Promise<Buffer> {
  const qr = await QRCode.toBuffer(c.verifyUrl, { margin: 1, width: 240 });
  const { doc, finished: done } = openCjkPdf({ layout: 'landscape', margins: { top: 50, bottom: 40, left: 60, right: 60 }, info: { Title: `荣誉证书 ${c.number}` } });
  const { width, height } = doc.page;
  doc.lineWidth(4).strokeColor('#c8102e').rect(24, 24, width - 48, height - 48).stroke();
  doc.lineWidth(1).rect(32, 32, width - 64, height - 64).stroke();
  doc.fillColor('#c8102e').font('bold').fontSize(36).text('荣 誉 证 书', 0, 80, { align: 'center', width });
  doc.fillColor('#000').font('body').fontSize(18);
  doc.text(`${c.maskedName} 同志：`, 110, 170);
  doc.moveDown(0.8);
  doc.text(`在${c.contestTitle}「${c.trade}」赛项中，荣获`, { indent: 36 });
  doc.font('bold').fontSize(28).fillColor('#c8102e').text(c.award, { align: 'center', width: width - 220 });
  if (c.title) doc.font('body').fontSize(18).fillColor('#000').text(`并授予“${c.title}”称号。`, { align: 'center', width: width - 220 });
  doc.fillColor('#000').font('body').fontSize(16).text('特发此证，以资鼓励。', 110, 340, { indent: 36 });
  doc.fontSize(14).text(c.issuers.join('    '), 0, 400, { align: 'right', width: width - 120 });
  doc.text(chinaDay(c.issuedOn), 0, 424, { align: 'right', width: width - 120 });
  doc.image(qr, 80, height - 190, { width: 110 });
  doc.fontSize(10).fillColor('#444').text(`证书编号：${c.number}`, 200, height - 170);
  doc.text('扫码或访问以下地址查验证书真伪：', 200, height - 152);
  doc.text(c.verifyUrl, 200, height - 136);
  doc.fontSize(8).text(`摘要（SHA-256）：${c.hash}`, 200, height - 112, { width: width - 280 });
  doc.end();
  return done;
}
