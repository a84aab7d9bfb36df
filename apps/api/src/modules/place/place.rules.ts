import type { PoolAvailability, PoolRow, PoolStatus, ShareRow } from './place.types.ts';

// The engine's arithmetic, pure. The SQL in pool.repo.ts and quota.repo.ts makes the same moves
// as conditional UPDATEs, and the CHECK constraints on place_pool, place_share, place_quota and
// place_allocation hold them whatever the code does.

// ---- pools and shares ---------------------------------------------------------------------
// A pool's capacity is lent to party shares (shared = Σ share.units) or taken straight from the
// pool by claims (taken): taken + shared ≤ capacity. A party with a share draws on it alone until
// the pool's release; at the release every share shrinks to what it holds and the rest goes back
// to the pool, for any party. A party without a share always draws on the pool.

type PoolCounts = Pick<PoolRow, 'capacity' | 'taken' | 'shared' | 'status' | 'releasedAt'>;
type ShareCounts = Pick<ShareRow, 'partyTenantId' | 'units' | 'taken'>;

/** Units the pool itself can still give (not lent to a share). */
export const poolFree = (p: Pick<PoolRow, 'capacity' | 'taken' | 'shared'>) => p.capacity - p.taken - p.shared;

/** Where a party's claim draws its units: its share (until the release) or the pool. */
export function counterFor(pool: Pick<PoolRow, 'releasedAt'>, share: ShareCounts | undefined): 'share' | 'pool' {
  return share && !pool.releasedAt ? 'share' : 'pool';
}

export function availability(pool: PoolCounts, shares: ShareCounts[]): PoolAvailability {
  const held = pool.taken + shares.reduce((n, s) => n + s.taken, 0);
  return {
    capacity: pool.capacity,
    held,
    free: pool.status === 'open' ? pool.capacity - held : 0,
    status: pool.status as PoolStatus,
    released: !!pool.releasedAt,
    shares: shares.map((s) => ({ partyTenantId: s.partyTenantId, units: s.units, taken: s.taken, free: pool.releasedAt ? 0 : s.units - s.taken })),
  };
}

export type SharesRefusal = 'below_taken' | 'over_capacity' | 'released';

/**
 * New shares for a pool: each at least what its party holds, all of them and the pool's own
 * claims within the capacity. A party left out keeps what it holds (its share shrinks to that).
 */
export function planShares(
  pool: Pick<PoolRow, 'capacity' | 'taken' | 'releasedAt'>,
  current: ShareCounts[],
  wanted: { partyTenantId: string; units: number }[],
): { shares: { partyTenantId: string; units: number }[]; shared: number } | { refusal: SharesRefusal; partyTenantId?: string } {
  if (pool.releasedAt) return { refusal: 'released' };
  const parties = new Set([...current.map((s) => s.partyTenantId), ...wanted.map((w) => w.partyTenantId)]);
  const shares: { partyTenantId: string; units: number }[] = [];
  for (const party of parties) {
    const taken = current.find((s) => s.partyTenantId === party)?.taken ?? 0;
    const units = wanted.find((w) => w.partyTenantId === party)?.units ?? taken;
    if (units < taken) return { refusal: 'below_taken', partyTenantId: party };
    shares.push({ partyTenantId: party, units });
  }
  const shared = shares.reduce((n, s) => n + s.units, 0);
  if (pool.taken + shared > pool.capacity) return { refusal: 'over_capacity' };
  return { shares, shared };
}

/** The capacity may not drop below what is held and lent. */
export const capacityFits = (pool: Pick<PoolRow, 'taken' | 'shared'>, capacity: number) => capacity >= pool.taken + pool.shared;

// ---- the quota ledger (名额台账) -------------------------------------------------------------
// granted by the agreement, allocated down the receiver's org tree, used, released. A member of
// a unit with an allocation uses it; anyone else uses the ledger's own pool (granted − allocated).

export interface Ledger {
  granted: number;
  allocated: number;
  used: number;
  poolUsed: number;
  released: number;
}

/** An org unit's allocation of a quota. */
export interface Allocation {
  places: number;
  used: number;
}

export const available = (l: Ledger) => l.granted - l.used;
/** places of the federation's pool (not handed to any unit) still free */
export const poolLeft = (l: Ledger) => l.granted - l.allocated - l.poolUsed;

/** Takes one place for a member of a unit with the given allocation (or of the pool); null when none is left there. */
export function take(l: Ledger, share: Allocation | null): { ledger: Ledger; share: Allocation | null } | null {
  if (l.used + 1 > l.granted) return null;
  if (share) {
    if (share.used + 1 > share.places) return null;
    return { ledger: { ...l, used: l.used + 1 }, share: { ...share, used: share.used + 1 } };
  }
  if (poolLeft(l) < 1) return null;
  return { ledger: { ...l, used: l.used + 1, poolUsed: l.poolUsed + 1 }, share: null };
}

/** Gives a place back (cancelled before the deadline, refused, an offer that lapsed). */
export function release(l: Ledger, share: Allocation | null): { ledger: Ledger; share: Allocation | null } {
  if (l.used < 1 || (share ? share.used < 1 : l.poolUsed < 1)) throw new Error('quota: releasing a place that was not taken');
  const ledger = { ...l, used: l.used - 1, poolUsed: share ? l.poolUsed : l.poolUsed - 1, released: l.released + 1 };
  return { ledger, share: share ? { ...share, used: share.used - 1 } : null };
}

export type ReallocateRefusal = 'below_used' | 'over_granted' | 'pool_in_use';

/**
 * Sets a unit's allocation to `places`. It may not drop below what its members hold, the
 * allocations may not exceed the grant, and the pool must keep the places its own members hold.
 */
export function reallocate(l: Ledger, share: Allocation | null, places: number): { ledger: Ledger } | { refusal: ReallocateRefusal } {
  const current = share?.places ?? 0;
  if (share && places < share.used) return { refusal: 'below_used' };
  const allocated = l.allocated - current + places;
  if (allocated > l.granted) return { refusal: 'over_granted' };
  if (l.poolUsed > l.granted - allocated) return { refusal: 'pool_in_use' };
  return { ledger: { ...l, allocated } };
}
