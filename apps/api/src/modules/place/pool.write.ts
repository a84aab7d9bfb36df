import { AppError } from '../../errors.ts';
import { findHoldsOnPool } from './claim.repo.ts';
import { free } from './claim.write.ts';
import { capacityFits, planShares, poolFree } from './place.rules.ts';
import type { ClaimHoldRow, ClaimTable, PlaceCtx, PoolRef, PoolRow, PoolStatus } from './place.types.ts';
import { findSharesByPool, insertPool, insertShares, lockPool, updatePool, writeShares } from './pool.repo.ts';

// Pools as their host keeps them: created with the consumer's row, resized, split into party
// shares, released, cancelled. Every change holds the pool's row lock (taken first, before any
// share or claim), so it never races a claim into an overbooked state.

export interface NewPool {
  /** the consumer's row id, when it exists already (else one is made) */
  id?: string;
  kind: string;
  capacity: number;
  /** per-party shares (seats per city, entrants per city); absent: one pool for everyone */
  shares?: { partyTenantId: string; units: number }[];
  /** when unused share units go back to the pool for any party */
  releaseAt?: Date | null;
  /** freed units are offered down the waitlist until then */
  offerUntil?: Date | null;
  status?: PoolStatus;
}

/** Creates a pool of the caller's federation (the host). BAD_INPUT when the shares exceed the capacity. */
export async function createPool(ctx: PlaceCtx, p: NewPool): Promise<PoolRow> {
  const plan = planShares({ capacity: p.capacity, taken: 0, releasedAt: null }, [], p.shares ?? []);
  if ('refusal' in plan) throw new AppError('BAD_INPUT', { fields: { shares: plan.refusal } });
  const { shares: _s, ...values } = p;
  const pool = await insertPool(ctx, { ...values, shared: plan.shared });
  await insertShares(ctx, pool.id, plan.shares);
  return pool;
}

export type PoolChangeRefusal = { refusal: 'not_found' } | { refusal: 'below_held'; held: number };

/**
 * Changes a pool of the caller's federation under its row lock: the capacity never below what is
 * held and lent to shares. Returns the pool and how many units are free for the waitlist now
 * (the caller offers them: fill()).
 */
export async function changePool(
  ctx: PlaceCtx,
  poolId: string,
  set: { capacity?: number; status?: PoolStatus; offerUntil?: Date | null; releaseAt?: Date | null },
): Promise<{ pool: PoolRow; free: number } | PoolChangeRefusal> {
  const ref = { hostTenantId: ctx.tenantId, poolId };
  const locked = await lockPool(ctx, ref);
  if (!locked) return { refusal: 'not_found' };
  if (set.capacity !== undefined && !capacityFits(locked, set.capacity)) return { refusal: 'below_held', held: locked.taken + locked.shared };
  const pool = await updatePool(ctx, ref, set);
  return { pool, free: pool.status === 'open' ? poolFree(pool) : 0 };
}

/**
 * Sets the parties' shares of a pool of the caller's federation, under its lock: each at least
 * what its party holds, all within the capacity (BAD_INPUT otherwise); before the release only.
 */
export async function setShares(ctx: PlaceCtx, poolId: string, shares: { partyTenantId: string; units: number }[]): Promise<PoolRow> {
  const ref = { hostTenantId: ctx.tenantId, poolId };
  const locked = await lockPool(ctx, ref);
  if (!locked) throw new AppError('NOT_FOUND');
  const plan = planShares(locked, await findSharesByPool(ctx, ref), shares);
  if ('refusal' in plan) throw new AppError('BAD_INPUT', { fields: { shares: plan.refusal }, ...(plan.partyTenantId ? { partyTenantId: plan.partyTenantId } : {}) });
  await writeShares(ctx, ref, plan.shares);
  return updatePool(ctx, ref, { shared: plan.shared });
}

/**
 * Cancels a pool of the caller's federation: no claim is taken any more, and every claim holding
 * units gives them (and its quota place) back. Returns the claims still active on it, with what
 * they held, for the consumer to close and tell (their statuses are the consumer's).
 */
export async function cancelPool(ctx: PlaceCtx, claims: ClaimTable, poolId: string, statuses: { active: readonly string[]; holding: readonly string[] }): Promise<ClaimHoldRow[]> {
  const ref: PoolRef = { hostTenantId: ctx.tenantId, poolId };
  const locked = await lockPool(ctx, ref);
  if (!locked) throw new AppError('NOT_FOUND');
  if (locked.status !== 'cancelled') await updatePool(ctx, ref, { status: 'cancelled' });
  const active = await findHoldsOnPool(ctx, claims, ref, statuses.active);
  for (const c of active) {
    if (statuses.holding.includes(c.status)) await free(ctx, { ...ref, partyTenantId: c.tenantId, units: c.units, onShare: c.onShare, quota: quotaOf(c) });
  }
  return active;
}

export const quotaOf = (c: Pick<ClaimHoldRow, 'tenantId' | 'quotaId' | 'allocationId' | 'quotaPlaces'>) =>
  c.quotaPlaces && c.quotaId ? { receiverTenantId: c.tenantId, quotaId: c.quotaId, allocationId: c.allocationId } : null;
