import type { Health } from '@uc/contracts';
import { jointItemUpdates, jointMilestones } from '@uc/db';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { chinaDate } from '../../lib/dates.ts';
import { renderXlsx } from '../../lib/renderPool.ts';
import type { SheetSpec } from '../../lib/sheetWrite.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { findParties, findVisibleAgreement, listAgreements } from '../agreement/index.ts';
import { listJointItems } from './jointItem.query.ts';
import { COLUMN_ORDER, COLUMNS, formatProgress, formatResponsible, formatSchedule, kindLabel, SHEET_NAME, statusLabel, WIDTHS } from './workPlan.xlsx.ts';

/** The agreement's work plan as .xlsx: a title row, the header, one row per item in plan order. */
export async function exportWorkPlan(ctx: ServiceCtx, agreementId: string): Promise<{ filename: string; base64: string }> {
  const { agreement: a, count, sheet } = await workPlanSheet(ctx, agreementId, SHEET_NAME);
  const bytes = await renderXlsx([sheet]);
  await recordAudit(ctx, { type: 'joint_item.work_plan_exported', entityType: 'agreement', entityId: a.id, data: { count } });
  return { filename: `工作清单-${a.title}.xlsx`, base64: bytes.toString('base64') };
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ] */
const sheetName = (n: number, title: string) => `${n}. ${title}`.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/**
 * The joint items of every agreement this federation is a party to, one sheet per agreement that
 * has items (in the same columns as one agreement's work plan), newest agreement first.
 */
export async function exportAllWorkPlans(ctx: ServiceCtx): Promise<{ filename: string; base64: string }> {
  const sheets: SheetSpec[] = [];
  let count = 0;
  for (const a of await listAgreements(ctx, {})) {
    if (a.status === 'draft') continue;
    const items = await listJointItems(ctx, a.id);
    if (!items.length) continue;
    const one = await workPlanSheet(ctx, a.id, sheetName(sheets.length + 1, a.title));
    sheets.push(one.sheet);
    count += one.count;
  }
  if (!sheets.length) sheets.push({ name: SHEET_NAME, columns: [{}], rows: [['暂无联合项目']] });
  const bytes = await renderXlsx(sheets);
  await recordAudit(ctx, { type: 'joint_item.work_plan_exported', entityType: 'agreement', entityId: null, data: { count } });
  return { filename: `全部协议工作清单-${chinaDate(ctx.now)}.xlsx`, base64: bytes.toString('base64') };
}

/** One agreement's work plan as a sheet for the sheet pool's worker: a title row over every column, the header, one row per item. */
async function workPlanSheet(ctx: ServiceCtx, agreementId: string, name: string): Promise<{ agreement: Awaited<ReturnType<typeof findVisibleAgreement>>; count: number; sheet: SheetSpec }> {
  const a = await findVisibleAgreement(ctx, agreementId);
  const parties = await findParties(ctx, a);
  const items = await listJointItems(ctx, agreementId);
  const ids = items.map((i) => i.id);
  const milestones = !ids.length
    ? []
    : await ctx.db
        .select({ itemId: jointMilestones.itemId, title: jointMilestones.title, dueDate: jointMilestones.dueDate, status: jointMilestones.status })
        .from(jointMilestones)
        .where(and(eq(jointMilestones.tenantId, a.tenantId), inArray(jointMilestones.itemId, ids)))
        .orderBy(asc(jointMilestones.dueDate), asc(jointMilestones.createdAt));
  const updates = !ids.length
    ? []
    : await ctx.db
        .selectDistinctOn([jointItemUpdates.itemId], { itemId: jointItemUpdates.itemId, health: jointItemUpdates.health, body: jointItemUpdates.body })
        .from(jointItemUpdates)
        .where(and(eq(jointItemUpdates.tenantId, a.tenantId), inArray(jointItemUpdates.itemId, ids)))
        .orderBy(jointItemUpdates.itemId, desc(jointItemUpdates.createdAt));

  const nameOf = (slug: string) => parties.find((p) => p.slug === slug)?.nameZh ?? slug;
  const rows = items.map((i, n) => {
    const latest = updates.find((u) => u.itemId === i.id);
    const cells: Record<(typeof COLUMN_ORDER)[number], string | number> = {
      no: n + 1,
      title: i.title,
      kind: kindLabel(i.kind),
      lead: nameOf(i.leadSlug),
      responsible: formatResponsible(i.sides.map((s) => ({ unit: s.partyNameZh, name: s.responsibleName }))),
      schedule: formatSchedule(
        i.startDate,
        i.endDate,
        milestones.filter((m) => m.itemId === i.id).map((m) => ({ dueDate: m.dueDate, title: m.title, done: m.status === 'done' })),
      ),
      progress: formatProgress(i.progress.done, i.progress.total, i.progress.percent, latest ? { health: latest.health as Health, text: latest.body } : null),
      status: statusLabel(i.status),
      description: i.description,
    };
    return COLUMN_ORDER.map((k) => cells[k]);
  });
  const sheet: SheetSpec = {
    name,
    columns: COLUMN_ORDER.map((key) => ({ width: WIDTHS[key] })),
    fonts: { 1: { bold: true, size: 14 }, 2: { bold: true } },
    spanRows: [1],
    wrapFrom: 3,
    rows: [[`《${a.title}》工作清单`], COLUMN_ORDER.map((k) => COLUMNS[k]), ...rows],
  };
  return { agreement: a, count: items.length, sheet };
}
