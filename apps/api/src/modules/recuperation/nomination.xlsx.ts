import type { FileDto } from '@uc/contracts';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors.ts';
import { XLSX_TYPE, readSheet } from '../../lib/xlsx.ts';

// The nomination list as staff fill it in (姓名, 身份证号) and as the API reads it back.

export const MAX_ROWS = 500;

/** The list staff fill in: 姓名 and 身份证号 (as text, or Excel would round it). */
export async function nominationTemplate(): Promise<FileDto> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('推荐名单');
  sheet.columns = [
    { header: '姓名', key: 'name', width: 14 },
    { header: '身份证号', key: 'idNumber', width: 24, style: { numFmt: '@' } },
  ];
  return { filename: '疗休养推荐名单模板.xlsx', contentType: XLSX_TYPE, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

/** The rows of an .xlsx whose first sheet has 身份证号 (required) and 姓名 (optional): at most MAX_ROWS. */
export async function readNominationSheet(bytes: Buffer): Promise<{ row: number; idNumber: string; name: string }[]> {
  const sheet = await readSheet(bytes, MAX_ROWS);
  const header = new Map<string, number>();
  if (sheet[0]?.row === 1) sheet[0].cells.forEach((c, col) => header.set(c.replace(/[\s*＊]/g, ''), col));
  const idCol = header.get('身份证号');
  const nameCol = header.get('姓名');
  if (idCol === undefined) throw new AppError('BAD_INPUT', { reason: 'missing_columns', columns: ['身份证号'] });
  const wanted: { row: number; idNumber: string; name: string }[] = [];
  for (const r of sheet) {
    if (r.row < 2) continue;
    const idNumber = (r.cells[idCol] ?? '').toUpperCase();
    const name = nameCol === undefined ? '' : (r.cells[nameCol] ?? '');
    if (idNumber || name) wanted.push({ row: r.row, idNumber, name });
    if (wanted.length > MAX_ROWS) throw new AppError('BAD_INPUT', { reason: 'too_many_rows', maxRows: MAX_ROWS });
  }
  return wanted;
}
