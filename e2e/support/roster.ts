import { idNumberCheckChar } from '@uc/contracts';
import ExcelJS from 'exceljs';

export interface RosterRow {
  姓名: string;
  性别?: string;
  手机号?: string;
  身份证号: string;
  所属工会: string;
  荣誉?: string;
}

const HEADER: (keyof RosterRow)[] = ['姓名', '性别', '手机号', '身份证号', '所属工会', '荣誉'];

/**
 * A valid resident ID number: Beijing Dongcheng (110101, an area the demo data never uses, so no
 * clash with seeded members), the given birth date and sequence, and the MOD 11-2 check character.
 */
export function idNumber(birth: string, seq: number): string {
  const first17 = `110101${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** The same number with a wrong check character. */
export function withWrongCheck(id: string): string {
  const wrong = '0123456789X'.split('').find((c) => c !== id[17])!;
  return id.slice(0, 17) + wrong;
}

/** An .xlsx roster as an office fills the template in (ID numbers and mobiles as text). */
export async function rosterXlsx(rows: RosterRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('会员名册');
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(HEADER.map((h) => r[h] ?? ''));
  sheet.getColumn(3).numFmt = '@';
  sheet.getColumn(4).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
