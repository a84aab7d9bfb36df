import { DUE_SOON_DAYS, JOINT_KINDS, type Health, type JointItemDto, type JointItemSource, type JointItemStatus, type JointKind, type ProjectPhase } from '@uc/contracts';
import { agreementParties, federations, jointItems, jointItemSides, jointMilestoneConfirmations, jointMilestones } from '@uc/db';
import { and, asc, eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { addDays, chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import type { PartyRow } from '../agreement/index.ts';
import { progressOf } from './jointItem.rules.ts';
import { ownedByMyAgreements } from '../agreement/index.ts';

export type JointItemRow = typeof jointItems.$inferSelect;
export type JointItemSideRow = typeof jointItemSides.$inferSelect;

/** The item if the caller's federation is a party to its agreement (row-level security decides); NOT_FOUND otherwise. */
export async function findJointItem(ctx: ServiceCtx, id: string, opts: { forUpdate?: boolean } = {}): Promise<JointItemRow> {
  const q = ctx.db
    .select()
    .from(jointItems)
    .where(and(ownedByMyAgreements(ctx, jointItems.tenantId), eq(jointItems.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function findItemsOfAgreement(ctx: ServiceCtx, agreement: { tenantId: string; id: string }): Promise<JointItemRow[]> {
  return ctx.db
    .select()
    .from(jointItems)
    .where(and(eq(jointItems.tenantId, agreement.tenantId), eq(jointItems.agreementId, agreement.id)));
}

/** Side rows of items that may belong to agreements of different owners (one statement for all). */
export async function findSides(ctx: ServiceCtx, items: JointItemRow[]): Promise<JointItemSideRow[]> {
  if (!items.length) return [];
  return ctx.db.select().from(jointItemSides).where(byOwner(jointItemSides.tenantId, jointItemSides.itemId, items));
}

export interface ItemStats {
  done: number;
  total: number;
  overdue: number;
  dueSoon: number;
  nextDue: string | null;
  /** open milestones another party confirmed in the current round and the caller's federation did not (0 unless asked for) */
  awaitingMine: number;
}
const NO_STATS: ItemStats = { done: 0, total: 0, overdue: 0, dueSoon: 0, nextDue: null, awaitingMine: 0 };

/**
 * Milestone figures per item as of today (China date): progress, overdue, due soon, next due date,
 * and with `awaitingMine` what waits on the caller's federation to confirm.
 */
export async function findItemStats(ctx: ServiceCtx, items: { tenantId: string; id: string }[], opts: { awaitingMine?: boolean } = {}): Promise<Map<string, ItemStats>> {
  const today = chinaDate(ctx.now);
  const soon = addDays(today, DUE_SOON_DAYS);
  const out = new Map<string, ItemStats>();
  if (!items.length) return out;
  const m = jointMilestones;
  const rows = await ctx.db
    .select({
      itemId: m.itemId,
      total: sql<number>`count(*)::int`,
      done: sql<number>`(count(*) filter (where ${m.status} = 'done'))::int`,
      overdue: sql<number>`(count(*) filter (where ${m.status} = 'open' and ${m.dueDate} < ${today}))::int`,
      dueSoon: sql<number>`(count(*) filter (where ${m.status} = 'open' and ${m.dueDate} between ${today} and ${soon}))::int`,
      nextDue: sql<string | null>`min(${m.dueDate}) filter (where ${m.status} = 'open')`,
      awaitingMine: opts.awaitingMine ? awaitingConfirmationBy(ctx.tenantId) : sql<number>`0`,
    })
    .from(m)
    .where(byOwner(m.tenantId, m.itemId, items))
    .groupBy(m.itemId);
  for (const r of rows) out.set(r.itemId, { done: r.done, total: r.total, overdue: r.overdue, dueSoon: r.dueSoon, nextDue: r.nextDue, awaitingMine: r.awaitingMine });
  return out;
}

/**
 * Open milestones of the group that another party confirmed in the current round and `party` did
 * not. Each probe is an equality lookup on the confirmation's primary key (tenant, milestone, round, party).
 */
function awaitingConfirmationBy(party: string): SQL<number> {
  const m = jointMilestones;
  const c = jointMilestoneConfirmations;
  const confirmed = (partyCond: SQL) =>
    sql`exists (select 1 from ${c} where ${c.tenantId} = ${m.tenantId} and ${c.milestoneId} = ${m.id} and ${c.round} = ${m.round} and ${partyCond})`;
  return sql<number>`(count(*) filter (where ${m.status} = 'open' and ${confirmed(sql`${c.partyTenantId} <> ${party}`)} and not ${confirmed(sql`${c.partyTenantId} = ${party}`)}))::int`;
}

/** The parties of several agreements (of any owners) in one statement, by agreement id, in party order. */
export async function findPartiesOfAgreements(ctx: ServiceCtx, list: { tenantId: string; id: string }[]): Promise<Map<string, PartyRow[]>> {
  const out = new Map<string, PartyRow[]>();
  if (!list.length) return out;
  const p = agreementParties;
  const rows = await ctx.db
    .select({ agreementId: p.agreementId, tenantId: p.tenantId, slug: federations.slug, nameZh: federations.nameZh, nameEn: federations.nameEn, role: p.role, position: p.position, suspended: sql<boolean>`${federations.status} = 'suspended'` })
    .from(p)
    .innerJoin(federations, eq(federations.id, p.tenantId))
    .where(byOwner(p.agreementTenantId, p.agreementId, list))
    .orderBy(asc(p.position));
  for (const { agreementId, ...party } of rows) out.set(agreementId, [...(out.get(agreementId) ?? []), party]);
  return out;
}

export const statsOf = (stats: Map<string, ItemStats>, itemId: string) => stats.get(itemId) ?? NO_STATS;

/**
 * `(tenant_id = A and id in (…)) or (tenant_id = B and id in (…))`: rows of several owners in one
 * statement, each branch a probe of a tenant-led index.
 */
export function byOwner(tenantCol: AnyColumn, idCol: AnyColumn, rows: { tenantId: string; id: string }[]): SQL {
  const by = new Map<string, string[]>();
  for (const r of rows) by.set(r.tenantId, [...(by.get(r.tenantId) ?? []), r.id]);
  return or(...[...by].map(([tenantId, ids]) => and(eq(tenantCol, tenantId), inArray(idCol, ids))))!;
}

/** Work-plan order: the five commons in their fixed order, then by start date. */
export function byPlanOrder(a: JointItemRow, b: JointItemRow): number {
  const k = JOINT_KINDS.indexOf(a.kind as JointKind) - JOINT_KINDS.indexOf(b.kind as JointKind);
  if (k) return k;
  if (a.startDate !== b.startDate) return a.startDate < b.startDate ? -1 : 1;
  return a.createdAt.getTime() - b.createdAt.getTime();
}

export function toJointItemDto(item: JointItemRow, sides: JointItemSideRow[], parties: PartyRow[], stats: ItemStats = NO_STATS): JointItemDto {
  const party = (tenantId: string) => parties.find((p) => p.tenantId === tenantId);
  return {
    id: item.id,
    agreementId: item.agreementId,
    kind: item.kind as JointKind,
    title: item.title,
    description: item.description,
    leadSlug: party(item.leadTenantId)?.slug ?? '',
    startDate: item.startDate,
    endDate: item.endDate,
    status: item.status as JointItemStatus,
    statusReason: item.statusReason,
    phase: item.phase as ProjectPhase | null,
    source: item.source as JointItemSource,
    sourceRef: item.sourceRef,
    createdBySlug: party(item.createdByTenantId)?.slug ?? '',
    createdByLabel: item.createdByLabel,
    // one side per party, in party order
    sides: parties.flatMap((p) => {
      const s = sides.find((x) => x.itemId === item.id && x.partyTenantId === p.tenantId);
      if (!s) return [];
      return [
        {
          partySlug: p.slug,
          partyNameZh: p.nameZh,
          partyNameEn: p.nameEn,
          responsibleUserId: s.responsibleUserId,
          responsibleName: s.responsibleName,
          responsibleContact: s.responsibleContact,
        },
      ];
    }),
    progress: progressOf(stats.done, stats.total),
    health: item.health as Health | null,
    overdueMilestones: stats.overdue,
    nextDueDate: stats.nextDue,
    rowVersion: item.rowVersion,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}
