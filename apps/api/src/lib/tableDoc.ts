import { drawPdfTable, openCjkPdf, type PdfColumn } from './cjkPdf.ts';
import { chinaDateTime } from './dates.ts';
import type { SheetSpec } from './sheetWrite.ts';

// One printable table — a title, a line under it, columns and rows — written as Excel or as a
// landscape A4 PDF from the same data, so a sheet's file and its printout cannot say different
// things. Contest rosters, score sheets and results notices use it; the PDF is drawn in the render
// pool (lib/renderPool.ts, task 'table').

export interface TableDoc {
  title: string;
  subtitle: string;
  /** width in Excel characters; the PDF shares the page in the same proportions */
  columns: { header: string; width: number }[];
  rows: (string | number)[][];
  /** a line under the table (the PDF only): what the reader must know, e.g. the tie-break rule */
  footnote?: string;
}

/** The table as one sheet of .xlsx (a title row, the subtitle, the header, the rows), for the sheet pool's worker (renderXlsx). */
export function tableSheet(t: TableDoc): SheetSpec {
  return {
    name: t.title.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31),
    columns: t.columns.map((c) => ({ width: c.width })),
    fonts: { 1: { bold: true, size: 13 }, 3: { bold: true } },
    rows: [[t.title], [t.subtitle], t.columns.map((c) => c.header), ...t.rows],
  };
}

export function tablePdf(t: TableDoc, generatedAt: Date): Promise<Buffer> {
  const { doc, finished } = openCjkPdf({ layout: 'landscape', margins: { top: 40, bottom: 40, left: 40, right: 40 }, info: { Title: t.title } });
  doc.font('bold').fontSize(15).text(t.title, { align: 'center' });
  doc.moveDown(0.3).font('body').fontSize(10).text(t.subtitle, { align: 'center' });
  doc.moveDown(0.6);
  const usable = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const cols: PdfColumn<Record<string, string>>[] = t.columns.map((c, i) => ({ key: `c${i}`, title: c.header, width: (c.width / total) * usable }));
  drawPdfTable(doc, cols, t.rows.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, String(v)]))), { fontSize: 9, headerFontSize: 9.5, pad: 3 });
  doc.moveDown(1).font('body').fontSize(8).fillColor('#555555');
  if (t.footnote) doc.text(t.footnote, doc.page.margins.left);
  doc.text(`生成时间：${chinaDateTime(generatedAt)}（北京时间）· 工会协作平台`, doc.page.margins.left);
  doc.end();
  return finished;
}
