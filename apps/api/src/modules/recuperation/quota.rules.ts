import type { AgreementContent } from '@uc/contracts';

// Quota arithmetic (名额台账), pure: the SQL in recuperation.repo.ts makes the same moves as conditional
// updates, and the CHECK constraints on recuperation_quota / recuperation_allocation hold them.

export interface Ledger {
  granted: number;
  allocated: number;
  used: number;
  poolUsed: number;
  released: number;
}

export interface Share {
  places: number;
  used: number;
}

/** Places per year the agreement's recuperation section grants each party's members; null when it grants none. */
export function placesPerYear(content: Pick<AgreementContent, 'commons'> | null | undefined): number | null {
  const section = content?.commons.find((c) => c.kind === 'recuperation' && c.enabled);
  const n = section?.figures.placesPerYear;
  return typeof n === 'number' && n > 0 ? n : null;
}

export const available = (l: Ledger) => l.granted - l.used;
/** places of the federation's pool (not handed to any unit) still free */
export const poolLeft = (l: Ledger) => l.granted - l.allocated - l.poolUsed;

/** Takes one place for a member of a unit with the given share (or of the pool); null when none is left there. */
export function take(l: Ledger, share: Share | null): { ledger: Ledger; share: Share | null } | null {
  if (l.used + 1 > l.granted) return null;
  if (share) {
    if (share.used + 1 > share.places) return null;
    return { ledger: { ...l, used: l.used + 1 }, share: { ...share, used: share.used + 1 } };
  }
  if (poolLeft(l) < 1) return null;
  return { ledger: { ...l, used: l.used + 1, poolUsed: l.poolUsed + 1 }, share: null };
}

/** Gives a place back (cancelled before the deadline, refused, an offer that lapsed). */
export function release(l: Ledger, share: Share | null): { ledger: Ledger; share: Share | null } {
  if (l.used < 1 || (share ? share.used < 1 : l.poolUsed < 1)) throw new Error('quota: releasing a place that was not taken');
  const ledger = { ...l, used: l.used - 1, poolUsed: share ? l.poolUsed : l.poolUsed - 1, released: l.released + 1 };
  return { ledger, share: share ? { ...share, used: share.used - 1 } : null };
}

export type ReallocateRefusal = 'below_used' | 'over_granted' | 'pool_in_use';

/**
 * Sets a unit's share to `places`. It may not drop below what its members hold, the shares may
 * not exceed the grant, and the pool must keep the places its own members already hold.
 */
export function reallocate(l: Ledger, share: Share | null, places: number): { ledger: Ledger } | { refusal: ReallocateRefusal } {
  const current = share?.places ?? 0;
  if (share && places < share.used) return { refusal: 'below_used' };
  const allocated = l.allocated - current + places;
  if (allocated > l.granted) return { refusal: 'over_granted' };
  if (l.poolUsed > l.granted - allocated) return { refusal: 'pool_in_use' };
  return { ledger: { ...l, allocated } };
}
