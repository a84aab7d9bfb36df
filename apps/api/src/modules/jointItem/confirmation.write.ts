import type { MilestoneDto } from '@uc/contracts';
import { jointItems, jointMilestoneConfirmations, jointMilestones } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { auditToParties } from '../agreement/index.ts';
import { recordActivity } from './activity.write.ts';
import { itemForWrite } from './jointItem.access.ts';
import { isFullyConfirmed } from './jointItem.rules.ts';
import { confirmedParties, findMilestone, getMilestone } from './milestone.query.ts';

// Dual sign-off (DOMAIN §3): a milestone is done only when every party's lead has confirmed it.
// Race safety: the milestone row is locked (SELECT … FOR UPDATE) before anything is read, so two
// leads confirming at the same moment are serialised — the second sees the first's confirmation
// and is the one that completes it, exactly once. The confirmation's primary key (milestone,
// round, party) makes a double confirmation by one side impossible even without the lock.

export async function confirmMilestone(ctx: ServiceCtx, input: { id: string; round: number }): Promise<MilestoneDto> {
  const m = await findMilestone(ctx, input.id, { forUpdate: true });
  const { item, agreement, parties } = await itemForWrite(ctx, m.itemId);
  if (item.status === 'cancelled') throw new AppError('ITEM_TRANSITION', { itemStatus: item.status });
  // a confirmation given on a round that was reopened meanwhile must not count for the new one
  if (m.round !== input.round) throw new AppError('STALE_VERSION', { round: m.round });
  if (m.status === 'done') return getMilestone(ctx, m.id);
  const inserted = await ctx.db
    .insert(jointMilestoneConfirmations)
    .values({
      tenantId: m.tenantId,
      milestoneId: m.id,
      round: m.round,
      partyTenantId: ctx.tenantId,
      agreementId: m.agreementId,
      confirmedByUserId: ctx.actor.userId,
      confirmedByLabel: ctx.actor.label,
      confirmedAt: ctx.now,
    })
    .onConflictDoNothing()
    .returning({ round: jointMilestoneConfirmations.round });
  // this side had already confirmed this round: nothing changes
  if (!inserted.length) return getMilestone(ctx, m.id);

  const completed = isFullyConfirmed(
    parties.map((p) => p.tenantId),
    await confirmedParties(ctx, m),
  );
  if (completed) {
    await ctx.db
      .update(jointMilestones)
      .set({ status: 'done', doneAt: ctx.now, rowVersion: m.rowVersion + 1, updatedAt: ctx.now })
      .where(and(eq(jointMilestones.tenantId, m.tenantId), eq(jointMilestones.id, m.id), eq(jointMilestones.status, 'open')));
  }
  const party = parties.find((p) => p.tenantId === ctx.tenantId)!;
  await auditToParties(ctx, parties, {
    type: 'milestone.confirmed',
    entityType: 'joint_milestone',
    entityId: m.id,
    data: { agreementId: agreement.id, itemId: item.id, party: party.slug, round: m.round, completed },
  });
  await recordActivity(ctx, { agreement, itemId: item.id, milestoneId: m.id, type: 'milestone.confirmed', data: { title: m.title, party: party.slug, round: m.round } });
  if (completed) await recordActivity(ctx, { agreement, itemId: item.id, milestoneId: m.id, type: 'milestone.completed', data: { title: m.title, round: m.round } });
  return getMilestone(ctx, m.id);
}

/**
 * Either side reopens a milestone — done, or confirmed by some side — with a reason. A new round
 * starts: the earlier confirmations stay as history and no longer count. A finished item whose
 * milestone is reopened is in progress again.
 */
export async function reopenMilestone(ctx: ServiceCtx, input: { id: string; round: number; reason: string }): Promise<MilestoneDto> {
  const m = await findMilestone(ctx, input.id, { forUpdate: true });
  const { item, agreement, parties } = await itemForWrite(ctx, m.itemId, { forUpdate: true });
  if (m.round !== input.round) throw new AppError('STALE_VERSION', { round: m.round });
  if (m.status !== 'done' && !(await confirmedParties(ctx, m)).length) throw new AppError('ITEM_TRANSITION', { milestoneStatus: m.status });
  await ctx.db
    .update(jointMilestones)
    .set({ status: 'open', doneAt: null, round: m.round + 1, reopenReason: input.reason, rowVersion: m.rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(jointMilestones.tenantId, m.tenantId), eq(jointMilestones.id, m.id)));
  await auditToParties(ctx, parties, {
    type: 'milestone.reopened',
    entityType: 'joint_milestone',
    entityId: m.id,
    data: { agreementId: agreement.id, itemId: item.id, round: m.round + 1, reason: input.reason },
  });
  await recordActivity(ctx, { agreement, itemId: item.id, milestoneId: m.id, type: 'milestone.reopened', data: { title: m.title, reason: input.reason, round: m.round + 1 } });
  if (item.status === 'done') {
    await ctx.db
      .update(jointItems)
      .set({ status: 'in_progress', statusReason: input.reason, rowVersion: item.rowVersion + 1, updatedAt: ctx.now })
      .where(and(eq(jointItems.tenantId, item.tenantId), eq(jointItems.id, item.id)));
    await auditToParties(ctx, parties, { type: 'joint_item.status_changed', entityType: 'joint_item', entityId: item.id, data: { agreementId: agreement.id, from: 'done', to: 'in_progress', reason: input.reason } });
    await recordActivity(ctx, { agreement, itemId: item.id, type: 'item.status_changed', data: { from: 'done', to: 'in_progress', reason: input.reason, milestoneId: m.id } });
  }
  return getMilestone(ctx, m.id);
}
