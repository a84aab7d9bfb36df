import { PassThrough } from 'node:stream';
import { HONOUR_KINDS } from '@uc/contracts';
import ExcelJS from 'exceljs';

// The member roster as union offices keep it in Excel: the same Chinese columns for import,
// export and the template.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const COLUMNS = {
  name: '姓名',
  gender: '性别',
  mobile: '手机号',
  idNumber: '身份证号',
  orgUnit: '所属工会',
  honours: '荣誉',
} as const;
export type ColumnKey = keyof typeof COLUMNS;
export const COLUMN_ORDER: ColumnKey[] = ['name', 'gender', 'mobile', 'idNumber', 'orgUnit', 'honours'];
export const REQUIRED_COLUMNS: ColumnKey[] = ['name', 'idNumber', 'orgUnit'];

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

export const GENDER_LABELS = { male: '男', female: '女' } as const;

const WIDTHS: Record<ColumnKey, number> = { name: 12, gender: 6, mobile: 14, idNumber: 22, orgUnit: 36, honours: 24 };
/** ID numbers and mobiles are text: as numbers Excel would round an 18-digit ID number */
const TEXT_COLUMNS = new Set<ColumnKey>(['mobile', 'idNumber']);

export function columnSpecs(): Partial<ExcelJS.Column>[] {
  return COLUMN_ORDER.map((key) => ({
    header: COLUMNS[key],
    key,
    width: WIDTHS[key],
    ...(TEXT_COLUMNS.has(key) ? { style: { numFmt: '@' } } : {}),
  }));
}

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
