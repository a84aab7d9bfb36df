import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

// Writing a workbook from plain rows (issue 14): an export reads its rows in the request and the
// file is written in the sheet pool's worker (lib/sheet.worker.ts, renderXlsx in renderPool.ts),
// as the PDFs are drawn in the render pool. What crosses to the worker is plain data.

/** A streaming workbook writer that collects the file in memory (rows are flushed as they are committed). */
export function xlsxWriter() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  return {
    workbook,
    async finish(): Promise<Buffer> {
      await workbook.commit();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}

export type SheetCell = string | number | null;

export interface SheetSpec {
  name: string;
  /** a header (written as row 1 when any column has one), a width, '@' for text (an 18-digit ID number must not become a number) */
  columns: { header?: string; width?: number; numFmt?: string }[];
  /** the first row stays in view as the sheet scrolls */
  frozenHeader?: boolean;
  /** fonts by row number (1 is the first row) */
  fonts?: Record<number, { bold?: boolean; size?: number }>;
  /** rows (by number) whose first cell spans every column, e.g. a title */
  spanRows?: number[];
  /** rows from this number on wrap their text and align to the top (long descriptions) */
  wrapFrom?: number;
  rows: SheetCell[][];
}

export interface SheetWriteTask {
  kind: 'write';
  sheets: SheetSpec[];
}

export async function writeWorkbook(task: SheetWriteTask): Promise<Buffer> {
  const { workbook, finish } = xlsxWriter();
  workbook.creator = '工会协作平台 Union Commons';
  for (const s of task.sheets) {
    const sheet = workbook.addWorksheet(s.name, s.frozenHeader ? { views: [{ state: 'frozen', ySplit: 1 }] } : {});
    sheet.columns = s.columns.map((c) => ({ ...(c.header !== undefined ? { header: c.header } : {}), ...(c.width ? { width: c.width } : {}), ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
    const headed = s.columns.some((c) => c.header !== undefined);
    if (headed && s.fonts?.[1]) sheet.getRow(1).font = s.fonts[1];
    let n = headed ? 1 : 0;
    for (const r of s.rows) {
      const row = sheet.addRow(r);
      n++;
      const font = s.fonts?.[n];
      if (font) row.font = font;
      if (s.wrapFrom !== undefined && n >= s.wrapFrom) row.alignment = { vertical: 'top', wrapText: true };
      if (s.spanRows?.includes(n) && s.columns.length > 1) sheet.mergeCells(n, 1, n, s.columns.length);
      row.commit();
    }
    sheet.commit();
  }
  return finish();
}
