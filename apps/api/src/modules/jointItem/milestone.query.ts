import type { MilestoneDto, MilestoneStatus } from '@uc/contracts';
import { jointMilestoneConfirmations, jointMilestones, jointMilestoneSides } from '@uc/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { agreementOf, findParties, ownedByMyAgreements, type PartyRow } from '../agreement/index.ts';
import { findJointItem } from './jointItem.repo.ts';
import { daysOverdue } from './jointItem.rules.ts';
import { loadPeople } from '../person/index.ts';

export type MilestoneRow = typeof jointMilestones.$inferSelect;

/** The milestone if the caller's federation is a party (row-level security); NOT_FOUND otherwise. */
export async function findMilestone(ctx: ServiceCtx, id: string, opts: { forUpdate?: boolean } = {}): Promise<MilestoneRow> {
  const q = ctx.db
    .select()
    .from(jointMilestones)
    .where(and(ownedByMyAgreements(ctx, jointMilestones.tenantId), eq(jointMilestones.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function findMilestonesOfItem(ctx: ServiceCtx, item: { tenantId: string; id: string }): Promise<MilestoneRow[]> {
  return ctx.db
    .select()
    .from(jointMilestones)
    .where(and(eq(jointMilestones.tenantId, item.tenantId), eq(jointMilestones.itemId, item.id)))
    .orderBy(asc(jointMilestones.dueDate), asc(jointMilestones.createdAt));
}

/** Tenant ids of the parties that confirmed the milestone in its current round. */
export async function confirmedParties(ctx: ServiceCtx, m: MilestoneRow): Promise<string[]> {
  const rows = await ctx.db
    .select({ p: jointMilestoneConfirmations.partyTenantId })
    .from(jointMilestoneConfirmations)
    .where(and(eq(jointMilestoneConfirmations.tenantId, m.tenantId), eq(jointMilestoneConfirmations.milestoneId, m.id), eq(jointMilestoneConfirmations.round, m.round)));
  return rows.map((r) => r.p);
}

export async function listMilestones(ctx: ServiceCtx, itemId: string): Promise<MilestoneDto[]> {
  const item = await findJointItem(ctx, itemId);
  const parties = await findParties(ctx, await agreementOf(ctx, item));
  return toMilestoneDtos(ctx, await findMilestonesOfItem(ctx, item), parties);
}

export async function getMilestone(ctx: ServiceCtx, id: string): Promise<MilestoneDto> {
  const m = await findMilestone(ctx, id);
  const parties = await findParties(ctx, await agreementOf(ctx, m));
  return (await toMilestoneDtos(ctx, [m], parties))[0]!;
}

/** Milestones of one agreement (one owner tenant) with each side's owner and confirmation in the current round. */
export async function toMilestoneDtos(ctx: ServiceCtx, rows: MilestoneRow[], parties: PartyRow[]): Promise<MilestoneDto[]> {
  if (!rows.length) return [];
  const tenantId = rows[0]!.tenantId;
  const ids = rows.map((r) => r.id);
  const sides = await ctx.db
    .select()
    .from(jointMilestoneSides)
    .where(and(eq(jointMilestoneSides.tenantId, tenantId), inArray(jointMilestoneSides.milestoneId, ids)));
  const confirmations = await ctx.db
    .select()
    .from(jointMilestoneConfirmations)
    .where(and(eq(jointMilestoneConfirmations.tenantId, tenantId), inArray(jointMilestoneConfirmations.milestoneId, ids)));
  const people = await loadPeople(ctx, confirmations.map((c) => c.confirmedByUserId), parties.map((p) => p.tenantId));
  const today = chinaDate(ctx.now);
  return rows.map((m) => {
    const late = daysOverdue(m.dueDate, today, m.status);
    return {
      id: m.id,
      itemId: m.itemId,
      agreementId: m.agreementId,
      title: m.title,
      dueDate: m.dueDate,
      status: m.status as MilestoneStatus,
      round: m.round,
      doneAt: m.doneAt?.toISOString() ?? null,
      overdue: late > 0,
      daysOverdue: late,
      reopenReason: m.reopenReason,
      sides: parties.map((p) => {
        const s = sides.find((x) => x.milestoneId === m.id && x.partyTenantId === p.tenantId);
        const c = confirmations.find((x) => x.milestoneId === m.id && x.partyTenantId === p.tenantId && x.round === m.round);
        return {
          partySlug: p.slug,
          partyNameZh: p.nameZh,
          partyNameEn: p.nameEn,
          ownerUserId: s?.ownerUserId ?? null,
          ownerName: s?.ownerName ?? '',
          confirmedAt: c?.confirmedAt.toISOString() ?? null,
          confirmedBy: c ? people.person(c.confirmedByUserId, c.partyTenantId) : null,
        };
      }),
      rowVersion: m.rowVersion,
      createdAt: m.createdAt.toISOString(),
    };
  });
}
