import type { BatchDto, batchCreateInput, batchUpdateInput } from '@uc/contracts';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { isViolation, UNIQUE_VIOLATION } from '../../lib/dbErrors.ts';
import { changePool, createPool } from '../place/index.ts';
import { getBatch } from './batch.query.ts';
import { existsOwnRoute, insertBatch, lockBatch, updateBatchRow } from './recuperation.repo.ts';
import { offerUntilOf } from './recuperation.rules.ts';
import { POOL_KIND } from './recuperation.types.ts';
import { closeOnCancelledBatch, fillFromWaitlist } from './waitlist.write.ts';
import { bookingClaims } from './recuperation.repo.ts';
import { ACTIVE, HOLDING } from './recuperation.types.ts';
import { cancelPool } from '../place/index.ts';

/**
 * The host cancels a batch: the pool stops taking claims and every booking on it gives back its
 * beds and agreement place, is cancelled ('batch_cancelled'), and its member and their home
 * federation's staff are told, in this transaction.
 */
async function cancelBatch(ctx: ServiceCtx, batchId: string): Promise<void> {
  const active = await cancelPool(ctx, bookingClaims, batchId, { active: ACTIVE, holding: HOLDING });
  for (const c of active) await closeOnCancelledBatch(ctx, c.id, { alreadyFreed: true });
}

// The host creates and changes its batches. A batch's beds are a pool of the places engine with
// the batch's id: its capacity, the beds taken (moved by the booking transactions, bounded by a
// CHECK) and its status (docs/decisions/0009-booking-concurrency.md, 0020).

async function assertOwnRoute(ctx: ServiceCtx, routeId: string) {
  if (!(await existsOwnRoute(ctx, routeId))) throw new AppError('BAD_INPUT', { fields: { routeId: 'invalid_value' } });
}

const duplicateCode = (e: unknown) => isViolation(e, UNIQUE_VIOLATION, 'recuperation_batch_code_uq');
const asConflict = (e: unknown) => {
  throw duplicateCode(e) ? new AppError('CONFLICT', { fields: { code: 'duplicate_existing' } }) : e;
};

export async function createBatch(ctx: ServiceCtx, input: z.infer<typeof batchCreateInput>): Promise<BatchDto> {
  await assertOwnRoute(ctx, input.routeId);
  const { capacity, ...fields } = input;
  const row = await ctx.db
    .transaction(async (tx) => {
      const pool = await createPool({ ...ctx, db: tx }, { kind: POOL_KIND, capacity, offerUntil: offerUntilOf(input.startDate) });
      return insertBatch({ ...ctx, db: tx }, { id: pool.id, ...fields });
    })
    .catch(asConflict);
  await recordAudit(ctx, { type: 'recuperation.batch_saved', entityType: 'recuperation_batch', entityId: row.id, data: { code: row.code, created: true, capacity } });
  return getBatch(ctx, row.id);
}

/**
 * Changes a batch under its row lock: capacity never below the beds already held. Returns the
 * beds it freed for the waitlist (a larger capacity of an open batch); the caller offers them.
 */
export async function updateBatch(ctx: ServiceCtx, input: z.infer<typeof batchUpdateInput>): Promise<{ freedBeds: number }> {
  const { id, rowVersion, ...fields } = input;
  const locked = await lockBatch(ctx, ctx.tenantId, id);
  if (!locked) throw new AppError('NOT_FOUND');
  if (locked.rowVersion !== rowVersion) throw new AppError('STALE_VERSION');
  await assertOwnRoute(ctx, fields.routeId);
  const { capacity, status, ...own } = fields;
  if (status === 'cancelled' && locked.status !== 'cancelled') await cancelBatch(ctx, id);
  const changed = await changePool(ctx, id, { capacity, status, offerUntil: offerUntilOf(own.startDate) });
  if ('refusal' in changed) throw changed.refusal === 'not_found' ? new AppError('NOT_FOUND') : new AppError('BAD_INPUT', { fields: { capacity: 'too_small' }, bedsTaken: changed.held });
  await ctx.db.transaction((tx) => updateBatchRow({ ...ctx, db: tx }, id, { ...own, rowVersion: rowVersion + 1, updatedAt: ctx.now })).catch(asConflict);
  await recordAudit(ctx, { type: 'recuperation.batch_saved', entityType: 'recuperation_batch', entityId: id, data: { code: fields.code, created: false, capacity } });
  return { freedBeds: changed.free };
}

/** batch.update: the change, then the freed beds offered down the waitlist, then the batch as it is now. */
export async function saveBatch(ctx: ServiceCtx, input: z.infer<typeof batchUpdateInput>): Promise<BatchDto> {
  const { freedBeds } = await updateBatch(ctx, input);
  if (freedBeds > 0) await fillFromWaitlist(ctx, ctx.tenantId, input.id);
  return getBatch(ctx, input.id);
}
