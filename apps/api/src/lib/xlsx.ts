import { AppError } from '../errors.ts';
import { runSheetTask } from './renderPool.ts';
import type { GridRow } from './sheetRead.ts';

// Excel helpers every module's files share: the content type, a streaming writer, a cell as text.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export { xlsxWriter, type SheetSpec } from './sheetWrite.ts';
export { cellText, type GridRow } from './sheetRead.ts';

/** what an uploaded .xlsx may hold before anything inflates it (a decompression bomb is refused unread) */
export const XLSX_LIMITS = { maxEntries: 500, maxUncompressedBytes: 64 * 1024 * 1024, maxEntryRatio: 200 };

/**
 * Reads the zip's central directory (no inflating) and refuses, as BAD_INPUT, an archive with
 * too many entries, a declared uncompressed size over the limit, a suspicious compression ratio,
 * ZIP64 or a directory that does not parse. Sizes are the ones the archive declares; the zip
 * reader then inflates no more than that (decisions/0015).
 */
export function checkXlsxArchive(bytes: Buffer, limits = XLSX_LIMITS): void {
  const refuse = (reason: string): never => {
    throw new AppError('BAD_INPUT', { reason });
  };
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) refuse('not_xlsx');
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuse('not_xlsx');
  const entries = bytes.readUInt16LE(eocd + 10);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) refuse('xlsx_too_large');
  if (entries > limits.maxEntries) refuse('xlsx_too_large');
  let total = 0;
  let at = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) refuse('not_xlsx');
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    if (size === 0xffffffff) refuse('xlsx_too_large');
    if (size > 1024 * 1024 && size > Math.max(compressed, 1) * limits.maxEntryRatio) refuse('xlsx_too_large');
    total += size;
    if (total > limits.maxUncompressedBytes) refuse('xlsx_too_large');
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
}

/** rows above the data a header may take (a title may precede it): read beyond a reader's row limit */
const HEADER_ROWS = 5;
/** columns read per row: an office list has a few dozen */
export const MAX_COLUMNS = 256;

/**
 * The non-blank rows of an uploaded .xlsx's first sheet, as text (cells[0] is column A). The archive
 * is checked first (checkXlsxArchive); the sheet is then read in the sheet pool's worker thread
 * (lib/renderPool.ts: a bounded heap, a time limit), streamed, and the reading stops past
 * maxRows (+ a few header rows): too_many_rows. Anything unreadable is BAD_INPUT.
 */
export async function readSheet(bytes: Buffer, maxRows: number): Promise<GridRow[]> {
  checkXlsxArchive(bytes);
  const r = await runSheetTask({ kind: 'read', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), maxRows: maxRows + HEADER_ROWS, maxColumns: MAX_COLUMNS });
  if ('refused' in r) throw new AppError('BAD_INPUT', { reason: r.refused });
  if (!('rows' in r)) throw new Error('the sheet worker answered a read without rows');
  if (r.tooMany) throw new AppError('BAD_INPUT', { reason: 'too_many_rows', maxRows });
  return r.rows;
}

/** '身份证号*', ' 姓名（必填）' → '身份证号', '姓名' */
export const normalizeHeader = (v: string) => v.replace(/[（(][^）)]*[）)]/g, '').replace(/[\s*＊]/g, '');

export interface KeyedRow<K extends string> {
  /** the row number as Excel shows it (the header is row 1) */
  row: number;
  cells: Record<K, string>;
}

/**
 * The data rows of an uploaded workbook's first sheet, each cell as text under its column's key.
 * A column is found by its header (any of its names, normalised); blank rows are skipped. No sheet,
 * a required column missing or more than maxRows rows is BAD_INPUT, naming the columns.
 */
export async function readKeyedRows<K extends string>(bytes: Buffer, spec: { columns: Record<K, string | readonly string[]>; required: readonly K[]; maxRows: number }): Promise<KeyedRow<K>[]> {
  const sheet = await readSheet(bytes, spec.maxRows);
  const keys = Object.keys(spec.columns) as K[];
  const names = (k: K) => [spec.columns[k]].flat().map(normalizeHeader);
  const columnOf = new Map<K, number>();
  if (sheet[0]?.row === 1) {
    sheet[0].cells.forEach((cell, col) => {
      const text = normalizeHeader(cell);
      const key = keys.find((k) => names(k).includes(text));
      if (key && !columnOf.has(key)) columnOf.set(key, col);
    });
  }
  const missing = spec.required.filter((k) => !columnOf.has(k));
  if (missing.length) throw new AppError('BAD_INPUT', { reason: 'missing_columns', columns: missing.map((k) => names(k)[0]!) });
  const rows: KeyedRow<K>[] = [];
  for (const r of sheet) {
    if (r.row < 2) continue;
    const cells = {} as Record<K, string>;
    for (const k of keys) cells[k] = columnOf.has(k) ? (r.cells[columnOf.get(k)!] ?? '') : '';
    if (Object.values<string>(cells).every((v) => !v)) continue;
    if (rows.length >= spec.maxRows) throw new AppError('BAD_INPUT', { reason: 'too_many_rows', maxRows: spec.maxRows });
    rows.push({ row: r.row, cells });
  }
  return rows;
}
