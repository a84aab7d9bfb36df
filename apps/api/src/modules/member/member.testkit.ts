import { idNumberCheckChar } from '@uc/contracts';
import ExcelJS from 'exceljs';
import { COLUMN_ORDER, COLUMNS } from './member.xlsx.ts';
import { xlsxWriter } from '../../lib/xlsx.ts';

// Test helpers for the members module: valid ID numbers on demand, and .xlsx files built and
// read the way an office's spreadsheet program would.

const DAY = 86_400_000;
let counter = 0;

/** A valid 18-digit ID number (MOD 11-2 check character), different for each n. */
export function idNumberFor(n: number, area = '330106'): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(n / 900) * DAY).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${area}${birth}${String(100 + (n % 900)).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** A fresh valid ID number, unique within the test file. */
export const nextIdNumber = () => idNumberFor(1000 + counter++);

/** The same number with a wrong check character. */
export function badCheckDigit(id: string): string {
  const wrong = id[17] === '1' ? '2' : '1';
  return id.slice(0, 17) + wrong;
}

export const HEADER = COLUMN_ORDER.map((k) => COLUMNS[k]);

export type CellInput = string | number | null;

/** An .xlsx (base64) whose first sheet has the header and the rows; row i is Excel row i + 2. */
export async function xlsxBase64(rows: CellInput[][], opts: { header?: string[]; sheets?: string[] } = {}): Promise<string> {
  const { workbook, finish } = xlsxWriter();
  for (const name of opts.sheets ?? []) workbook.addWorksheet(name).commit();
  const sheet = workbook.addWorksheet('名册');
  sheet.addRow(opts.header ?? HEADER).commit();
  for (const r of rows) sheet.addRow(r).commit();
  sheet.commit();
  return (await finish()).toString('base64');
}

/** The first sheet's rows as text (row 1 first), as a spreadsheet would show them. */
export async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= HEADER.length; c++) cells.push(String(row.getCell(c).value ?? ''));
    out.push(cells);
  });
  return out;
}

/** rebuilds an .xlsx from rows read back (header included) */
export async function xlsxFromRows(rows: string[][]): Promise<string> {
  return xlsxBase64(rows.slice(1), { header: rows[0] });
}
