import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

// Reading an uploaded workbook's first sheet as plain text, streamed: rows are taken one by one and
// the reading stops once there are more than the caller can take. It runs in the sheet pool's
// worker (lib/sheet.worker.ts): nothing of exceljs crosses back to the request thread, only text.

/** A cell's content as trimmed text, whatever Excel stored (text, number, rich text, formula, link, date). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

/** one row of a sheet as text: cells[0] is column A */
export interface GridRow {
  /** the row number as Excel shows it */
  row: number;
  cells: string[];
}

export interface SheetReadTask {
  kind: 'read';
  bytes: Uint8Array;
  /** rows with any text beyond which the reading stops (tooMany) */
  maxRows: number;
  /** columns read per row; the rest are ignored */
  maxColumns: number;
}

export type SheetReadResult = { rows: GridRow[]; tooMany: boolean } | { refused: 'no_sheet' | 'not_xlsx' };

/**
 * The non-blank rows of the first worksheet, as text; stops reading (tooMany) past maxRows.
 * A workbook exceljs cannot read is not_xlsx; one without a worksheet is no_sheet.
 */
export async function readFirstSheet(task: SheetReadTask): Promise<SheetReadResult> {
  const streamed = await streamFirstSheet(task);
  if (!('refused' in streamed) || streamed.refused !== 'not_xlsx') return streamed;
  // exceljs's streaming reader has failed now and then on a good file (once in a CI run: the same
  // sheet read fine just before); the archive is bounded already (checkXlsxArchive) and this runs
  // in the worker's bounded heap, so a whole-file read is the second try before refusing the file
  return loadFirstSheet(task);
}

async function streamFirstSheet(task: SheetReadTask): Promise<SheetReadResult> {
  const input = Readable.from([Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength)]);
  // styles are read for the number formats: a date cell is a date, not a serial number
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const rows: GridRow[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        if (!takeRow(rows, row, task)) return { rows, tooMany: true };
      }
      return { rows, tooMany: false };
    }
  } catch {
    return { refused: 'not_xlsx' };
  } finally {
    input.destroy();
  }
  return { refused: 'no_sheet' };
}

async function loadFirstSheet(task: SheetReadTask): Promise<SheetReadResult> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { refused: 'not_xlsx' };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { refused: 'no_sheet' };
  const rows: GridRow[] = [];
  for (let n = 1; n <= sheet.rowCount; n++) {
    const row = sheet.findRow(n);
    if (row && !takeRow(rows, row, task)) return { rows, tooMany: true };
  }
  return { rows, tooMany: false };
}

/** Adds a row's text unless it is blank; false once the rows are more than the task takes. */
function takeRow(rows: GridRow[], row: ExcelJS.Row, task: SheetReadTask): boolean {
  const cells: string[] = [];
  let blank = true;
  const last = Math.min(row.cellCount, task.maxColumns);
  for (let c = 1; c <= last; c++) {
    const text = cellText(row.getCell(c).value);
    cells.push(text);
    if (text) blank = false;
  }
  if (blank) return true;
  if (rows.length >= task.maxRows) return false;
  rows.push({ row: row.number, cells });
  return true;
}
