import type { MilestoneDto } from '@uc/contracts';
import { jointMilestones, jointMilestoneSides } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { auditToParties } from '../agreement/index.ts';
import { recordActivity } from './activity.write.ts';
import { assertLeadFederation, assertOwnSide, assertRowVersion, itemForWrite, type ItemScope } from './jointItem.access.ts';
import { assertStaffOf } from './jointItem.write.ts';
import { findMilestone, getMilestone, type MilestoneRow } from './milestone.query.ts';

// Milestones are planned by the lead federation (title, due date); each side names its own owner.

/** the item may still take milestone changes: not finished or cancelled */
function assertItemOpen(scope: ItemScope): void {
  if (scope.item.status === 'done' || scope.item.status === 'cancelled') throw new AppError('ITEM_TRANSITION', { itemStatus: scope.item.status });
}

export async function createMilestone(ctx: ServiceCtx, input: { itemId: string; title: string; dueDate: string; ownerUserId: string | null; ownerName: string }): Promise<MilestoneDto> {
  const scope = await itemForWrite(ctx, input.itemId);
  const { item, agreement, parties } = scope;
  assertLeadFederation(ctx, item);
  assertItemOpen(scope);
  if (input.ownerUserId) await assertStaffOf(ctx, input.ownerUserId);
  const [m] = await ctx.db
    .insert(jointMilestones)
    .values({ tenantId: item.tenantId, agreementId: item.agreementId, itemId: item.id, title: input.title, dueDate: input.dueDate, createdByTenantId: ctx.tenantId, createdAt: ctx.now, updatedAt: ctx.now })
    .returning();
  await ctx.db.insert(jointMilestoneSides).values(
    parties.map((p) => ({
      tenantId: item.tenantId,
      milestoneId: m!.id,
      agreementId: item.agreementId,
      partyTenantId: p.tenantId,
      ...(p.tenantId === ctx.tenantId ? { ownerUserId: input.ownerUserId, ownerName: input.ownerName } : {}),
      updatedAt: ctx.now,
    })),
  );
  const data = { agreementId: agreement.id, itemId: item.id, title: input.title, dueDate: input.dueDate };
  await auditToParties(ctx, parties, { type: 'milestone.created', entityType: 'joint_milestone', entityId: m!.id, data });
  await recordActivity(ctx, { agreement, itemId: item.id, milestoneId: m!.id, type: 'milestone.created', data: { title: input.title, dueDate: input.dueDate } });
  return getMilestone(ctx, m!.id);
}

/** The milestone locked, its version checked, and the item's scope, for a lead-federation change. */
async function milestoneForLeadWrite(ctx: ServiceCtx, id: string, rowVersion: number): Promise<{ m: MilestoneRow; scope: ItemScope }> {
  const m = await findMilestone(ctx, id, { forUpdate: true });
  const scope = await itemForWrite(ctx, m.itemId);
  assertLeadFederation(ctx, scope.item);
  assertRowVersion(m.rowVersion, rowVersion);
  // a confirmed milestone is history: reopen it first
  if (m.status === 'done') throw new AppError('ITEM_TRANSITION', { milestoneStatus: m.status });
  return { m, scope };
}

export async function updateMilestone(ctx: ServiceCtx, input: { id: string; rowVersion: number; title?: string | undefined; dueDate?: string | undefined }): Promise<MilestoneDto> {
  const { m, scope } = await milestoneForLeadWrite(ctx, input.id, input.rowVersion);
  const next = { title: input.title ?? m.title, dueDate: input.dueDate ?? m.dueDate };
  const changes = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== m[k]);
  if (!changes.length) return getMilestone(ctx, m.id);
  await ctx.db
    .update(jointMilestones)
    .set({ ...next, rowVersion: m.rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(jointMilestones.tenantId, m.tenantId), eq(jointMilestones.id, m.id)));
  const { agreement, parties, item } = scope;
  await auditToParties(ctx, parties, { type: 'milestone.updated', entityType: 'joint_milestone', entityId: m.id, data: { agreementId: agreement.id, itemId: item.id, changes } });
  const diff = Object.fromEntries(changes.map((k) => [k, { from: m[k], to: next[k] }]));
  await recordActivity(ctx, { agreement, itemId: item.id, milestoneId: m.id, type: 'milestone.updated', data: { title: next.title, changes, ...diff } });
  return getMilestone(ctx, m.id);
}

export async function deleteMilestone(ctx: ServiceCtx, input: { id: string; rowVersion: number }): Promise<{ id: string }> {
  const { m, scope } = await milestoneForLeadWrite(ctx, input.id, input.rowVersion);
  // its sides, confirmations and alerts go with it (ON DELETE CASCADE)
  await ctx.db.delete(jointMilestones).where(and(eq(jointMilestones.tenantId, m.tenantId), eq(jointMilestones.id, m.id)));
  const { agreement, parties, item } = scope;
  await auditToParties(ctx, parties, { type: 'milestone.deleted', entityType: 'joint_milestone', entityId: m.id, data: { agreementId: agreement.id, itemId: item.id, title: m.title } });
  await recordActivity(ctx, { agreement, itemId: item.id, milestoneId: m.id, type: 'milestone.deleted', data: { title: m.title, dueDate: m.dueDate } });
  return { id: m.id };
}

/** A side names its own owner; another side is FORBIDDEN (and refused by joint_milestone_side_own_side). */
export async function setMilestoneOwner(ctx: ServiceCtx, input: { id: string; partySlug: string; ownerUserId: string | null; ownerName: string }): Promise<MilestoneDto> {
  const m = await findMilestone(ctx, input.id);
  const { agreement, parties, item } = await itemForWrite(ctx, m.itemId);
  const party = assertOwnSide(ctx, parties, input.partySlug);
  if (input.ownerUserId) await assertStaffOf(ctx, input.ownerUserId);
  await ctx.db
    .update(jointMilestoneSides)
    .set({ ownerUserId: input.ownerUserId, ownerName: input.ownerName, updatedAt: ctx.now })
    .where(and(eq(jointMilestoneSides.tenantId, m.tenantId), eq(jointMilestoneSides.milestoneId, m.id), eq(jointMilestoneSides.partyTenantId, party.tenantId)));
  await auditToParties(ctx, parties, { type: 'milestone.owner_set', entityType: 'joint_milestone', entityId: m.id, data: { agreementId: agreement.id, itemId: item.id, party: party.slug } });
  await recordActivity(ctx, { agreement, itemId: item.id, milestoneId: m.id, type: 'milestone.owner_set', data: { title: m.title, party: party.slug, ownerName: input.ownerName } });
  return getMilestone(ctx, m.id);
}
