import { HEALTHS, JOINT_ITEM_STATUSES, JOINT_KINDS, type Health, type JointItemStatus, type JointKind } from '@uc/contracts';
import { AppError } from '../../errors.ts';
import { readSheet } from '../../lib/xlsx.ts';
import { HEALTH_LABELS, KIND_LABELS, STATUS_LABELS } from './jointItem.labels.ts';

// The work plan (工作清单) as union offices keep it in Excel. The same columns and cell formats
// are written by the export and read by the import, so a file round-trips.

export const SHEET_NAME = '工作清单';
export const COLUMNS = {
  no: '序号',
  title: '项目名称',
  kind: '类别',
  lead: '牵头单位',
  responsible: '责任人(双方)',
  schedule: '时间节点',
  progress: '进展情况',
  status: '状态',
  description: '项目内容',
} as const;
export type ColumnKey = keyof typeof COLUMNS;
export const COLUMN_ORDER = Object.keys(COLUMNS) as ColumnKey[];
export const REQUIRED: ColumnKey[] = ['title', 'kind', 'lead'];
export const WIDTHS: Record<ColumnKey, number> = { no: 6, title: 32, kind: 14, lead: 18, responsible: 30, schedule: 40, progress: 40, status: 8, description: 40 };
export const MAX_ROWS = 2000;

/** parts of a multi-line cell: one per line, or separated by ；/; */
export const splitLines = (v: string) => v.split(/[\n；;]+/).map((s) => s.trim()).filter(Boolean);

// 责任人(双方): "杭州市总工会：张三；宁波市总工会：李四"
export const formatResponsible = (sides: { unit: string; name: string }[]) => sides.filter((s) => s.name).map((s) => `${s.unit}：${s.name}`).join('；');
export function parseResponsible(v: string): { unit: string; name: string }[] | null {
  const out: { unit: string; name: string }[] = [];
  for (const part of splitLines(v)) {
    const m = /^(.+?)[：:]\s*(.+)$/.exec(part);
    if (!m) return null;
    out.push({ unit: m[1]!.trim(), name: m[2]!.trim() });
  }
  return out;
}

// 时间节点: first line "起止：2025-01-01 至 2027-12-31", then one line per milestone "2026-03-31 调研报告（已完成）"
export const DONE_MARK = '（已完成）';
const DATE = '(\\d{4}-\\d{2}-\\d{2})';
export function formatSchedule(start: string, end: string, milestones: { dueDate: string; title: string; done: boolean }[]): string {
  return [`起止：${start} 至 ${end}`, ...milestones.map((m) => `${m.dueDate} ${m.title}${m.done ? DONE_MARK : ''}`)].join('\n');
}
export interface ParsedSchedule {
  start: string | null;
  end: string | null;
  milestones: { dueDate: string; title: string; done: boolean }[];
}
export function parseSchedule(v: string): ParsedSchedule | null {
  const out: ParsedSchedule = { start: null, end: null, milestones: [] };
  for (const line of v.split(/\n+/).map((s) => s.trim()).filter(Boolean)) {
    const range = new RegExp(`^(?:起止[：:])?\\s*${DATE}\\s*(?:至|到|~|—|-)\\s*${DATE}$`).exec(line);
    if (range && out.start === null) {
      [out.start, out.end] = [range[1]!, range[2]!];
      continue;
    }
    const m = new RegExp(`^${DATE}\\s+(.+)$`).exec(line);
    if (!m || !isDate(m[1]!)) return null;
    const done = m[2]!.endsWith(DONE_MARK);
    const title = (done ? m[2]!.slice(0, -DONE_MARK.length) : m[2]!).trim();
    if (!title || title.length > 120) return null;
    out.milestones.push({ dueDate: m[1]!, title, done });
  }
  if (out.start && (!isDate(out.start) || !isDate(out.end!))) return null;
  return out;
}
export const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

// 进展情况: "完成 1/3 个时间节点（33%）" (derived, ignored on import), then "最新进展【存在风险】：…"
export const formatProgress = (done: number, total: number, percent: number, latest: { health: Health; text: string } | null) =>
  [`完成 ${done}/${total} 个时间节点（${percent}%）`, ...(latest ? [`最新进展【${HEALTH_LABELS[latest.health].zh}】：${latest.text}`] : [])].join('\n');
/** the latest update a progress cell carries, if any: "最新进展【label】：text", or free text (on track) */
export function parseProgress(v: string): { health: Health; text: string } | null {
  const text = v.replace(/^完成\s*\d+\/\d+\s*个时间节点（\d+%）\s*/, '').trim();
  if (!text) return null;
  const m = /^(?:最新进展)?【(.+?)】[：:]?\s*([\s\S]+)$/.exec(text);
  const health = m ? HEALTHS.find((h) => HEALTH_LABELS[h].zh === m[1]) : undefined;
  return health ? { health, text: m![2]!.trim() } : { health: 'on_track', text };
}

export const kindLabel = (k: JointKind) => KIND_LABELS[k].zh;
export const parseKind = (v: string): JointKind | undefined => JOINT_KINDS.find((k) => k === v || KIND_LABELS[k].zh === v || KIND_LABELS[k].en === v);
export const statusLabel = (s: JointItemStatus) => STATUS_LABELS[s].zh;
export const parseStatus = (v: string): JointItemStatus | undefined => JOINT_ITEM_STATUSES.find((s) => s === v || STATUS_LABELS[s].zh === v || STATUS_LABELS[s].en === v);

export interface SheetRow {
  row: number;
  cells: Record<ColumnKey, string>;
}

const normalizeHeader = (v: string) => v.replace(/[\s*＊]/g, '').replace('（', '(').replace('）', ')');

/** The data rows of the first sheet; the header is found among the first five rows (a title may precede it). */
export async function readWorkPlan(bytes: Buffer): Promise<SheetRow[]> {
  const sheet = await readSheet(bytes, MAX_ROWS);
  let headerRow = 0;
  const columnOf = new Map<ColumnKey, number>();
  for (const r of sheet) {
    if (r.row > 5 || headerRow) break;
    r.cells.forEach((cell, col) => {
      const key = COLUMN_ORDER.find((k) => normalizeHeader(COLUMNS[k]) === normalizeHeader(cell));
      if (key && !columnOf.has(key)) columnOf.set(key, col);
    });
    if (columnOf.has('title')) headerRow = r.row;
    else columnOf.clear();
  }
  const missing = REQUIRED.filter((k) => !columnOf.has(k));
  if (missing.length) throw new AppError('BAD_INPUT', { reason: 'missing_columns', columns: missing.map((k) => COLUMNS[k]) });
  const rows: SheetRow[] = [];
  for (const row of sheet) {
    if (row.row <= headerRow) continue;
    const cells = Object.fromEntries(COLUMN_ORDER.map((k) => [k, columnOf.has(k) ? (row.cells[columnOf.get(k)!] ?? '') : ''])) as Record<ColumnKey, string>;
    if (COLUMN_ORDER.every((k) => k === 'no' || !cells[k])) continue;
    if (rows.length >= MAX_ROWS) throw new AppError('BAD_INPUT', { reason: 'too_many_rows', maxRows: MAX_ROWS });
    rows.push({ row: row.row, cells });
  }
  return rows;
}
