import { HONOUR_KINDS } from '@uc/contracts';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors.ts';
import { normalizeHeader, readSheet } from '../../lib/xlsx.ts';

// The member roster as union offices keep it in Excel: the same Chinese columns for import,
// export and the template.

export const COLUMNS = {
  name: '姓名',
  gender: '性别',
  mobile: '手机号',
  idNumber: '身份证号',
  orgUnit: '所属工会',
  orgUnitCode: '组织编码',
  honours: '荣誉',
} as const;
export type ColumnKey = keyof typeof COLUMNS;
export const COLUMN_ORDER: ColumnKey[] = ['name', 'gender', 'mobile', 'idNumber', 'orgUnit', 'honours', 'orgUnitCode'];
export const REQUIRED_COLUMNS: ColumnKey[] = ['name', 'idNumber'];
/** a unit is named by 所属工会 (a name or a path 上级/下级) or by 组织编码: one of the two columns must be there */
export const UNIT_COLUMNS: ColumnKey[] = ['orgUnit', 'orgUnitCode'];
/** separates the levels of a unit path in 所属工会: 湖滨街道总工会/杭州市公交集团工会 */
export const PATH_SPLIT = /\s*[/／>＞]\s*/;

type HonourKind = (typeof HONOUR_KINDS)[number];
export const HONOUR_LABELS: Record<HonourKind, string> = {
  model_worker: '劳模',
  may_day_medal: '五一劳动奖章',
  skilled_worker: '技术能手',
  frontline: '一线职工',
};
export const HONOUR_BY_LABEL = new Map(Object.entries(HONOUR_LABELS).map(([k, v]) => [v, k as HonourKind]));
/** honours are written with a Chinese comma; any comma, 、 or semicolon separates them on import */
export const HONOUR_SEPARATOR = '，';
export const HONOUR_SPLIT = /[,，、;；\s]+/;

/**
 * The template's example row. Its ID number is the sample printed in GB 11643 (the standard's
 * example, not a person's), so a row carrying it is the example left in, whatever its name says.
 */
export const TEMPLATE_EXAMPLE = { name: '张三', gender: '男', mobile: '13800138000', idNumber: '11010519491231002X', honours: '劳模，一线职工' };

export const GENDER_LABELS = { male: '男', female: '女' } as const;

const WIDTHS: Record<ColumnKey, number> = { name: 12, gender: 6, mobile: 14, idNumber: 22, orgUnit: 36, orgUnitCode: 14, honours: 24 };
/** ID numbers and mobiles are text: as numbers Excel would round an 18-digit ID number */
const TEXT_COLUMNS = new Set<ColumnKey>(['mobile', 'idNumber', 'orgUnitCode']);

export function columnSpecs(): Partial<ExcelJS.Column>[] {
  return COLUMN_ORDER.map((key) => ({
    header: COLUMNS[key],
    key,
    width: WIDTHS[key],
    ...(TEXT_COLUMNS.has(key) ? { style: { numFmt: '@' } } : {}),
  }));
}

export const MAX_IMPORT_ROWS = 20_000;

export interface SheetRow {
  /** the row number as Excel shows it (the header is row 1) */
  row: number;
  cells: Record<ColumnKey, string>;
}

/**
 * The data rows of the workbook's first sheet, by column, as text. Blank rows are skipped.
 * Anything that is not a readable .xlsx with the required header columns is BAD_INPUT.
 */
export async function readRosterSheet(bytes: Buffer): Promise<SheetRow[]> {
  const sheet = await readSheet(bytes, MAX_IMPORT_ROWS);

  const columnOf = new Map<ColumnKey, number>();
  if (sheet[0]?.row === 1) {
    sheet[0].cells.forEach((cell, col) => {
      const text = normalizeHeader(cell);
      const key = COLUMN_ORDER.find((k) => COLUMNS[k] === text);
      if (key && !columnOf.has(key)) columnOf.set(key, col);
    });
  }
  const missing = REQUIRED_COLUMNS.filter((k) => !columnOf.has(k));
  if (!UNIT_COLUMNS.some((k) => columnOf.has(k))) missing.push('orgUnit');
  if (missing.length) throw new AppError('BAD_INPUT', { reason: 'missing_columns', columns: missing.map((k) => COLUMNS[k]) });

  const rows: SheetRow[] = [];
  for (const row of sheet) {
    if (row.row < 2) continue;
    const cells = {} as Record<ColumnKey, string>;
    let blank = true;
    for (const key of COLUMN_ORDER) {
      const col = columnOf.get(key);
      cells[key] = col === undefined ? '' : (row.cells[col] ?? '');
      if (cells[key]) blank = false;
    }
    if (blank) continue;
    if (rows.length >= MAX_IMPORT_ROWS) throw new AppError('BAD_INPUT', { reason: 'too_many_rows', maxRows: MAX_IMPORT_ROWS });
    rows.push({ row: row.row, cells });
  }
  return rows;
}
