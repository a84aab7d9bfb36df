import PDFDocument from 'pdfkit';
import { cjkFonts } from './cjkFont.ts';

// One setup for every PDF the platform prints (agreement, cooperation report, certificate, roster):
// Noto Sans CJK registered as 'body' and 'bold', the document collected into one Buffer.
// Builders call openCjkPdf, draw, call doc.end() and return `finished`.

export type CjkPdfOptions = Omit<PDFKit.PDFDocumentOptions, 'lang' | 'info'> & { info: PDFKit.DocumentInfo };

export function openCjkPdf(options: CjkPdfOptions): { doc: PDFKit.PDFDocument; finished: Promise<Buffer> } {
  const fonts = cjkFonts();
  const doc = new PDFDocument({ size: 'A4', ...options, lang: 'zh-CN' });
  doc.registerFont('body', fonts.regular.path, fonts.regular.name);
  doc.registerFont('bold', fonts.bold.path, fonts.bold.name);
  doc.font('body');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, finished };
}

export interface PdfColumn<Row> {
  key: keyof Row & string;
  title: string;
  width: number;
}

export interface PdfTableOptions {
  fontSize?: number;
  headerFontSize?: number;
  /** padding inside each cell, left/right and top/bottom */
  pad?: number;
  /** room to keep free above the bottom margin (footers) */
  bottomReserve?: number;
}

/**
 * A table whose cells wrap (never cut with "…"): each row is as tall as its tallest cell, the header
 * row is drawn on one baseline (every title at the same y) and repeated on each new page.
 */
export function drawPdfTable<Row extends Record<string, string>>(doc: PDFKit.PDFDocument, cols: PdfColumn<Row>[], rows: Row[], o: PdfTableOptions = {}) {
  const size = o.fontSize ?? 8.5;
  const headSize = o.headerFontSize ?? 9;
  const pad = o.pad ?? 2;
  const reserve = o.bottomReserve ?? 20;
  const left = doc.page.margins.left;
  const right = left + cols.reduce((s, c) => s + c.width, 0);
  const bottom = () => doc.page.height - doc.page.margins.bottom - reserve;

  const cellHeight = (text: string, width: number) => (text ? doc.heightOfString(text, { width: width - 2 * pad }) : 0);
  const header = () => {
    doc.font('bold').fontSize(headSize);
    const h = Math.max(...cols.map((c) => cellHeight(c.title, c.width))) + 2 * pad;
    const y = doc.y;
    let x = left;
    for (const c of cols) {
      doc.text(c.title, x + pad, y + pad, { width: c.width - 2 * pad });
      x += c.width;
    }
    doc.moveTo(left, y + h).lineTo(right, y + h).stroke('#999999');
    doc.x = left;
    doc.y = y + h + 2;
  };
  header();
  for (const row of rows) {
    doc.font('body').fontSize(size);
    const h = Math.max(...cols.map((c) => cellHeight(row[c.key] ?? '', c.width))) + 2 * pad;
    if (doc.y + h > bottom()) {
      doc.addPage();
      header();
      doc.font('body').fontSize(size);
    }
    const y = doc.y;
    let x = left;
    for (const c of cols) {
      const v = row[c.key] ?? '';
      if (v) doc.text(v, x + pad, y + pad, { width: c.width - 2 * pad });
      x += c.width;
    }
    doc.moveTo(left, y + h).lineTo(right, y + h).lineWidth(0.3).stroke('#dddddd');
    doc.lineWidth(1);
    doc.x = left;
    doc.y = y + h;
  }
}
