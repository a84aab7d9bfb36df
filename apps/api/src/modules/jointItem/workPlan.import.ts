import type { Health, JointItemStatus, JointKind, WorkPlanImportDto } from '@uc/contracts';
import { validationMessage } from '@uc/contracts/i18n';
import { jointItems, jointItemUpdates, jointMilestones, jointMilestoneSides } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { type AgreementRow, assertCanWrite, findAgreement, findParties, type PartyRow } from '../agreement/index.ts';
import { recordActivity } from './activity.write.ts';
import { ITEM_STATES, ITEM_WRITERS } from './jointItem.access.ts';
import { insertJointItem } from './jointItem.write.ts';
import { findItemsOfAgreement } from './jointItem.repo.ts';
import { COLUMN_ORDER, COLUMNS, isDate, parseKind, parseProgress, parseResponsible, parseSchedule, parseStatus, readWorkPlan, type ColumnKey, type ParsedSchedule, type SheetRow } from './workPlan.xlsx.ts';

type RowError = WorkPlanImportDto['errors'][number];
interface Planned {
  kind: JointKind;
  title: string;
  description: string;
  lead: PartyRow;
  schedule: ParsedSchedule & { start: string; end: string };
  sides: Map<string, { responsibleName: string }>;
  status: JointItemStatus;
  progress: { health: Health; text: string } | null;
}

/**
 * Imports a work plan (.xlsx) into an agreement in force. Every row is checked first; if any is
 * bad nothing is imported and each bad cell is reported. Otherwise the items, their sides,
 * milestones and latest progress are created in this one transaction (an error rolls all back).
 * Milestones marked （已完成） are recorded as done: the file is the offices' agreed record; the
 * partner can reopen any of them.
 */
export async function importWorkPlan(ctx: ServiceCtx, input: { agreementId: string; fileBase64: string }): Promise<WorkPlanImportDto> {
  const a = await findAgreement(ctx, input.agreementId, { forUpdate: true });
  assertCanWrite(ctx, a, ITEM_STATES, ITEM_WRITERS);
  const parties = await findParties(ctx, a);
  const rows = await readWorkPlan(Buffer.from(input.fileBase64, 'base64'));
  const errors: RowError[] = [];
  const existing = new Set((await findItemsOfAgreement(ctx, a)).map((i) => `${i.kind}\u0000${i.title}`));
  const seen = new Set<string>();
  const good: Planned[] = [];
  for (const r of rows) {
    const bad = (key: ColumnKey, code: string) => errors.push({ row: r.row, column: COLUMNS[key], code, message: validationMessage(code, ctx.locale) });
    const planned = checkRow(r, a, parties, bad);
    if (!planned) continue;
    const key = `${planned.kind}\u0000${planned.title}`;
    if (existing.has(key)) bad('title', 'item_exists');
    else if (seen.has(key)) bad('title', 'duplicate_in_file');
    else good.push(planned);
    seen.add(key);
  }
  if (errors.length) {
    errors.sort((x, y) => x.row - y.row || COLUMN_ORDER.findIndex((k) => COLUMNS[k] === x.column) - COLUMN_ORDER.findIndex((k) => COLUMNS[k] === y.column));
    return { ok: false, imported: 0, totalRows: rows.length, errors };
  }
  for (const p of good) await createPlanned(ctx, a, parties, p);
  await recordAudit(ctx, { type: 'joint_item.work_plan_imported', entityType: 'agreement', entityId: a.id, data: { count: good.length } });
  await recordActivity(ctx, { agreement: a, itemId: null, type: 'work_plan.imported', data: { count: good.length } });
  return { ok: true, imported: good.length, totalRows: rows.length, errors: [] };
}

function checkRow(r: SheetRow, a: AgreementRow, parties: PartyRow[], bad: (key: ColumnKey, code: string) => void): Planned | null {
  const c = r.cells;
  const before = { n: 0 };
  const fail = (key: ColumnKey, code: string) => (bad(key, code), before.n++);
  if (!c.title) fail('title', 'required');
  else if (c.title.length > 120) fail('title', 'too_big');
  if (c.description.length > 2000) fail('description', 'too_big');
  const kind = parseKind(c.kind);
  if (!c.kind) fail('kind', 'required');
  else if (!kind) fail('kind', 'kind_unknown');
  const partyOf = (v: string) => parties.find((p) => p.nameZh === v || p.nameEn === v || p.slug === v);
  const lead = partyOf(c.lead);
  if (!c.lead) fail('lead', 'required');
  else if (!lead) fail('lead', 'party_unknown');
  const status = c.status ? parseStatus(c.status) : 'not_started';
  if (!status) fail('status', 'status_unknown');

  const sides = new Map<string, { responsibleName: string }>();
  const responsible = parseResponsible(c.responsible);
  if (!responsible || responsible.some((x) => x.name.length > 50)) fail('responsible', 'responsible_invalid');
  for (const x of responsible ?? []) {
    const p = partyOf(x.unit);
    if (!p) fail('responsible', 'party_unknown');
    else sides.set(p.tenantId, { responsibleName: x.name });
  }

  const parsed = parseSchedule(c.schedule);
  if (!parsed) fail('schedule', 'schedule_invalid');
  const start = parsed?.start ?? a.termStart;
  const end = parsed?.end ?? a.termEnd;
  if (parsed && (!isDate(start) || !isDate(end))) fail('schedule', 'date');
  else if (parsed && start > end) fail('schedule', 'term_order');

  if (before.n || !kind || !lead || !status || !parsed) return null;
  return { kind, title: c.title, description: c.description, lead, schedule: { ...parsed, start, end }, sides, status, progress: parseProgress(c.progress) };
}

async function createPlanned(ctx: ServiceCtx, a: AgreementRow, parties: PartyRow[], p: Planned): Promise<void> {
  const item = await insertJointItem(
    ctx,
    a,
    parties,
    { kind: p.kind, title: p.title, description: p.description, leadTenantId: p.lead.tenantId, startDate: p.schedule.start, endDate: p.schedule.end, source: 'import', sourceRef: null },
    { planSides: p.sides, status: p.status },
  );
  for (const m of p.schedule.milestones) {
    const [row] = await ctx.db
      .insert(jointMilestones)
      .values({
        tenantId: a.tenantId,
        agreementId: a.id,
        itemId: item.id,
        title: m.title,
        dueDate: m.dueDate,
        status: m.done ? 'done' : 'open',
        doneAt: m.done ? ctx.now : null,
        createdByTenantId: ctx.tenantId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: jointMilestones.id });
    await ctx.db.insert(jointMilestoneSides).values(parties.map((x) => ({ tenantId: a.tenantId, milestoneId: row!.id, agreementId: a.id, partyTenantId: x.tenantId, updatedAt: ctx.now })));
  }
  if (p.progress) {
    await ctx.db.insert(jointItemUpdates).values({
      tenantId: a.tenantId,
      agreementId: a.id,
      itemId: item.id,
      partyTenantId: ctx.tenantId,
      authorUserId: ctx.actor.userId,
      authorLabel: ctx.actor.label,
      health: p.progress.health,
      body: p.progress.text,
      createdAt: ctx.now,
    });
    await ctx.db.update(jointItems).set({ health: p.progress.health }).where(and(eq(jointItems.tenantId, a.tenantId), eq(jointItems.id, item.id)));
  }
}
