import type { ContestImportDto, contestTheoryImportInput } from '@uc/contracts';
import type { ContestAspect, ContestEventRow } from '@uc/db';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { runRowImport } from '../../lib/rowImport.ts';
import { XLSX_TYPE } from '../../lib/xlsx.ts';
import type { ServiceCtx } from '../../service.ts';
import { assertOrganiser, visibleEvent } from './contest.access.ts';
import { findEntrants, findRegistrationsOfEvent, lockEvent } from './contest.repo.ts';
import { sameScheme } from './contest.rules.ts';
import { auditAll } from './contest.write.ts';
import { insertTheoryImport } from './theory.repo.ts';

// The exam system's theory sheet for a drawn event (issue 9): 参赛号, an optional 姓名 (checked
// against the contestant's registration), and one mark column per theory aspect (an event with
// one theory aspect also takes 理论成绩 / 成绩). A mark is points with at most two decimals from 0
// to the aspect's full marks, or 缺考 (absent: counted as zero). The sheet is the whole of the
// event's theory: every contestant must be on it. Any bad row and nothing is imported, each problem
// reported by row and column; a dry run only reports. An import is recorded (who, when, the file's
// SHA-256) with its marks under it, apart from the judges' marks; the latest import counts, and
// none is taken once the event's marks are locked (the event row is held FOR UPDATE, as the lock holds it).

const MAX_ROWS = 2000;
/** the lock mode named, not written inline (a literal last argument here reads as a message key) */
const FOR_UPDATE = 'update' as const;
const ABSENT = new Set(['缺考', '缺席', '弃考', 'ABSENT']);

export const theoryAspects = (event: Pick<ContestEventRow, 'aspects'>): ContestAspect[] => event.aspects.filter((a) => a.part === 'theory');

function columnsOf(aspects: ContestAspect[]) {
  const columns: Record<string, string | string[]> = { number: ['参赛号', '考号', '准考证号'], name: '姓名' };
  for (const a of aspects) columns[`a:${a.key}`] = aspects.length === 1 ? [a.label, '理论成绩', '成绩', '得分'] : a.label;
  return columns;
}

/** '86.5' → 8650 hundredths; null for 缺考; undefined when it is no mark at all. */
export function parseTheoryMark(text: string, max: number): number | null | undefined {
  if (ABSENT.has(text.toUpperCase())) return null;
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const hundredths = Number(text) * 100;
  const rounded = Math.round(hundredths);
  // two decimals at most (a float read from Excel may carry a tiny binary error)
  if (Math.abs(hundredths - rounded) > 1e-6 || rounded > max * 100) return undefined;
  return rounded;
}

export async function importTheory(ctx: ServiceCtx, input: z.output<typeof contestTheoryImportInput>): Promise<ContestImportDto> {
  const { event, contest } = await visibleEvent(ctx, input.eventId);
  assertOrganiser(ctx, contest);
  const aspects = theoryAspects(event);
  if (!aspects.length) throw new AppError('CONTEST_STATE', { reason: 'no_theory' });
  if (!event.drawnAt) throw new AppError('CONTEST_STATE', { reason: 'not_drawn' });
  if (event.lockedAt) throw new AppError('SCORES_LOCKED');
  const bytes = Buffer.from(input.fileBase64, 'base64');
  const columns = columnsOf(aspects);
  type Good = { row: number; entrantId: string; number: number; marks: { aspect: string; mark: number | null }[] };
  const show = (m: number | null) => (m === null ? '缺考' : String(m / 100));
  return runRowImport<string, Good>({
    bytes,
    columns,
    required: Object.keys(columns).filter((k) => k !== 'name'),
    maxRows: MAX_ROWS,
    dryRun: input.dryRun,
    locale: ctx.locale,
    check: async (rows, checks) => {
      const [entrants, regs] = await Promise.all([findEntrants(ctx, event.id), findRegistrationsOfEvent(ctx, event.id)]);
      const byNumber = new Map(entrants.map((e) => [e.number, e]));
      const nameOf = new Map(regs.map((r) => [r.id, r.memberName]));
      const seen = new Set<number>();
      const good: Good[] = [];
      for (const r of rows) {
        const row = checks.row(r.row);
        const bad = row.bad;
        const number = /^\d{1,6}$/.test(r.cells.number!) ? Number(r.cells.number) : null;
        const entrant = number === null ? undefined : byNumber.get(number);
        if (!r.cells.number) bad('number', 'required');
        else if (!entrant) bad('number', 'contest_theory_number_unknown');
        else if (seen.has(entrant.number)) bad('number', 'duplicate_in_file');
        else if (r.cells.name && nameOf.get(entrant.id) && r.cells.name !== nameOf.get(entrant.id)) bad('name', 'contest_theory_name_mismatch');
        if (entrant) seen.add(entrant.number);
        const marks = aspects.map((a) => {
          const text = r.cells[`a:${a.key}`]!;
          const mark = text ? parseTheoryMark(text, a.max) : undefined;
          if (!text) bad(`a:${a.key}`, 'required');
          else if (mark === undefined) bad(`a:${a.key}`, 'contest_theory_mark_invalid');
          return { aspect: a.key, mark: mark ?? null };
        });
        if (row.ok && entrant) good.push({ row: r.row, entrantId: entrant.id, number: entrant.number, marks });
      }
      // the sheet is the event's whole theory: a contestant missing from it is an error, not a zero
      const missing = entrants.filter((e) => !seen.has(e.number)).map((e) => e.number);
      if (missing.length) checks.report(0, 'number', 'contest_theory_missing', `：${missing.slice(0, 30).join('、')}${missing.length > 30 ? ' …' : ''}`);
      return good;
    },
    preview: (g) => ({ name: `${g.number} 号`, detail: g.marks.map((m) => show(m.mark)).join(' / ') }),
    apply: async (good) => {
      // the lock and an import are serialised on the event row: none is taken after the lock
      const held = (await lockEvent(ctx, ctx.tenantId, event.id, FOR_UPDATE))!;
      if (held.lockedAt) throw new AppError('SCORES_LOCKED');
      if (!sameScheme(held, event)) throw new AppError('CONTEST_STATE', { reason: 'scheme_changed' });
      const fileSha256 = createHash('sha256').update(bytes).digest('hex');
      const marks = good.flatMap((g) => g.marks.map((m) => ({ entrantId: g.entrantId, aspect: m.aspect, mark: m.mark })));
      const row = await insertTheoryImport(ctx, { eventId: event.id, fileName: input.fileName, fileSha256, rows: good.length, byUserId: ctx.actor.userId, at: ctx.now }, marks);
      await auditAll(ctx, contest.partyTenantIds, { type: 'contest.theory_imported', entityType: 'contest_event', entityId: event.id, data: { importId: row.id, rows: good.length, fileName: input.fileName, fileSha256 } });
    },
  });
}

/** The sheet to fill in (or to match the exam system's export to): every contestant's number, the mark columns empty. */
export async function theoryTemplate(ctx: ServiceCtx, eventId: string): Promise<{ filename: string; contentType: string; base64: string }> {
  const { event, contest } = await visibleEvent(ctx, eventId);
  assertOrganiser(ctx, contest);
  const aspects = theoryAspects(event);
  if (!aspects.length) throw new AppError('CONTEST_STATE', { reason: 'no_theory' });
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会协作平台 Union Commons';
  const ws = wb.addWorksheet('理论成绩');
  ws.columns = [{ header: '参赛号', width: 10 }, ...aspects.map((a) => ({ header: a.label, width: 14 }))];
  ws.getRow(1).font = { bold: true };
  for (const e of await findEntrants(ctx, event.id)) ws.addRow([e.number]);
  return { filename: `${event.trade}-理论成绩导入表.xlsx`, contentType: XLSX_TYPE, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}
