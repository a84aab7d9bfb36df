import type { FileDto, RegistrationDto, ResultsDto } from '@uc/contracts';
import type { ContestEventRow } from '@uc/db';
import { AppError } from '../../errors.ts';
import { chinaDateTime } from '../../lib/dates.ts';
import { renderPdf, renderXlsx } from '../../lib/renderPool.ts';
import { tableSheet, type TableDoc } from '../../lib/tableDoc.ts';
import { XLSX_TYPE } from '../../lib/xlsx.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { assertOrganiser, visibleEvent } from './contest.access.ts';
import { findEntrants, findFederations, findJudges } from './contest.repo.ts';
import { eventMarks } from './theory.query.ts';
import { listRegistrations } from './registration.query.ts';
import { results } from './result.query.ts';

// The event's files for printing and filing (issue 9): the registration roster (报名名单), the
// score sheet (评分表, the organiser's: every judge's mark of every aspect, overrides shown) and
// the results notice (成绩公示表). Each reads through the same use case as the screen, so a party
// gets exactly what it may see there; downloaded through the downloads registry (contest.download.ts).

type Sheet = { name: string; doc: TableDoc };
export type ContestFileKind = 'roster' | 'scores' | 'results';
const heading = (e: ContestEventRow, title: string) => `${e.trade}${e.round === 'final' ? '（决赛）' : ''} · ${title}`;

/** One of the event's sheets as Excel or as a PDF (drawn in the render pool); the export is audited. */
export async function contestFile(ctx: ServiceCtx, eventId: string, kind: ContestFileKind, format: 'xlsx' | 'pdf'): Promise<FileDto> {
  const sheet = await { roster: rosterSheet, scores: scoresSheet, results: resultsSheet }[kind](ctx, eventId);
  const bytes = format === 'xlsx' ? await renderXlsx([tableSheet(sheet.doc)]) : await renderPdf({ kind: 'table', model: sheet.doc, generatedAt: ctx.now });
  await recordAudit(ctx, { type: 'contest.file_exported', entityType: 'contest_event', entityId: eventId, data: { kind, format, rows: sheet.doc.rows.length } });
  return { filename: `${sheet.name}.${format}`, contentType: format === 'xlsx' ? XLSX_TYPE : 'application/pdf', base64: bytes.toString('base64') };
}

async function rosterSheet(ctx: ServiceCtx, eventId: string): Promise<Sheet> {
  const { event } = await visibleEvent(ctx, eventId);
  const rows: RegistrationDto[] = await listRegistrations(ctx, eventId);
  return {
    name: `${event.trade}-报名名单`,
    doc: {
      title: heading(event, '报名名单'),
      subtitle: `比赛日期 ${event.eventDate} · ${event.venue} · 共 ${rows.length} 人`,
      footnote: '个人信息经本人同意提供给主办方，仅用于本次竞赛组织。',
      columns: [
        { header: '参赛号', width: 8 },
        { header: '姓名', width: 12 },
        { header: '所属工会', width: 18 },
        { header: '从业年限', width: 10 },
        { header: '证书', width: 24 },
        { header: '同意提供信息时间', width: 20 },
      ],
      rows: rows.map((r) => [r.number ?? '', r.memberName, r.federation.name, r.yearsInTrade, r.certificates.join('、'), chinaDateTime(new Date(r.consentAt))]),
    },
  };
}

async function resultsSheet(ctx: ServiceCtx, eventId: string): Promise<Sheet> {
  const { event } = await visibleEvent(ctx, eventId);
  const r: ResultsDto = await results(ctx, eventId);
  const note = r.publishedAt ? `公示时间 ${chinaDateTime(new Date(r.publishedAt))} · 申诉截止 ${chinaDateTime(new Date(r.appealUntil!))}` : '未公示（主办方内部）';
  return {
    name: `${event.trade}-成绩公示表`,
    doc: {
      title: heading(event, '成绩公示表'),
      subtitle: note,
      footnote: `总分 = 理论 × ${event.theoryWeight}% + 实操 × ${100 - event.theoryWeight}%；同分依次比较实操成绩、评价项得分、参赛号。对成绩有异议的，由选手所属总工会在申诉截止前书面提出。`,
      columns: [
        { header: '名次', width: 6 },
        { header: '参赛号', width: 8 },
        { header: '姓名', width: 12 },
        { header: '所属工会', width: 18 },
        { header: '理论', width: 8 },
        { header: '实操', width: 8 },
        { header: '总分', width: 8 },
        { header: '奖项', width: 10 },
        { header: '晋级', width: 6 },
      ],
      rows: r.rows.map((x) => [x.rank, x.number, x.name, x.federation.name, x.theory, x.practical, x.total, x.award ?? '', x.advanced ? '是' : '']),
    },
  };
}

/** Every mark as it stands (an override shown beside the original): the organiser's alone. */
async function scoresSheet(ctx: ServiceCtx, eventId: string): Promise<Sheet> {
  const { event, contest } = await visibleEvent(ctx, eventId);
  assertOrganiser(ctx, contest);
  if (!event.drawnAt) throw new AppError('CONTEST_STATE', { reason: 'not_drawn' });
  const [{ judged, theory }, entrants, judges] = await Promise.all([eventMarks(ctx, event), findEntrants(ctx, event.id), findJudges(ctx, event.id)]);
  // theory marks come from the exam sheet, not a judge: shown as 理论考试
  const marks = [...judged, ...theory.map((m) => ({ ...m, judgeUserId: '', measured: null }))];
  const feds = await findFederations(ctx, judges.map((j) => j.judgeTenantId));
  const numberOf = new Map(entrants.map((e) => [e.id, e.number]));
  const judgeOf = new Map(judges.map((j) => [j.userId, j]));
  const aspectOf = new Map(event.aspects.map((a) => [a.key, a]));
  const order = new Map(event.aspects.map((a, i) => [a.key, i]));
  // by contestant number, then the scheme's aspect order, then judge
  const rows = [...marks]
    .sort((a, b) => (numberOf.get(a.entrantId) ?? 0) - (numberOf.get(b.entrantId) ?? 0) || (order.get(a.aspect) ?? 99) - (order.get(b.aspect) ?? 99) || a.judgeUserId.localeCompare(b.judgeUserId))
    .map((m) => {
      const j = judgeOf.get(m.judgeUserId);
      const tolerance = aspectOf.get(m.aspect)?.tolerance;
      const measured = m.measured === null || !tolerance ? '' : `${m.measured}${tolerance.unit}`;
      return [numberOf.get(m.entrantId) ?? 0, aspectOf.get(m.aspect)?.label ?? m.aspect, j?.displayName ?? '理论考试（导入）', feds.get(j?.judgeTenantId ?? '')?.nameZh ?? '', measured, m.mark / 100, aspectOf.get(m.aspect)?.max ?? 0];
    });
  return {
    name: `${event.trade}-评分表`,
    doc: {
      title: heading(event, '评分表'),
      subtitle: `${event.lockedAt ? `评分已锁定 ${chinaDateTime(event.lockedAt)}` : '评分进行中'} · 分数为现行分数（含经审计的复核更正）`,
      footnote: '主办方内部文件：含裁判姓名及每位裁判的评分，不对外公示。',
      columns: [
        { header: '参赛号', width: 8 },
        { header: '评分项', width: 16 },
        { header: '裁判', width: 12 },
        { header: '裁判所属', width: 16 },
        { header: '测量值', width: 10 },
        { header: '分数', width: 8 },
        { header: '满分', width: 8 },
      ],
      rows,
    },
  };
}
