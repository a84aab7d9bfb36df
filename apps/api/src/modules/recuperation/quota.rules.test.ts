import { describe, expect, it } from 'vitest';
import { available, poolLeft, reallocate, release, take, type Ledger } from '../place/index.ts';
import { placesPerYear } from './quota.rules.ts';

// The quota ledger's arithmetic: granted, allocated down the org tree, used, released.

const fresh = (granted = 10): Ledger => ({ granted, allocated: 0, used: 0, poolUsed: 0, released: 0 });

describe('quota arithmetic', () => {
  it('reads the places from the agreement recuperation section, only when enabled', () => {
    const commons = (enabled: boolean, placesPerYear?: number) => ({ commons: [{ kind: 'recuperation' as const, enabled, summary: '', figures: { placesPerYear }, items: [] }] });
    expect(placesPerYear(commons(true, 200), 'hangzhou')).toBe(200);
    expect(placesPerYear(commons(false, 200), 'hangzhou')).toBeNull();
    expect(placesPerYear(commons(true, 0), 'hangzhou')).toBeNull();
    expect(placesPerYear(commons(true), 'hangzhou')).toBeNull();
    expect(placesPerYear({ commons: [] }, 'hangzhou')).toBeNull();
  });

  it('reads each direction its own figure when the section sets one per granting party', () => {
    const content = { commons: [{ kind: 'recuperation' as const, enabled: true, summary: '', figures: { placesPerYear: 200, placesPerYearByHost: { hangzhou: 260 } }, items: [] }] };
    expect(placesPerYear(content, 'hangzhou')).toBe(260);
    expect(placesPerYear(content, 'ningbo')).toBe(200);
    const onlyByHost = { commons: [{ ...content.commons[0]!, figures: { placesPerYearByHost: { hangzhou: 260, ningbo: 0 } } }] };
    expect(placesPerYear(onlyByHost, 'hangzhou')).toBe(260);
    expect(placesPerYear(onlyByHost, 'ningbo')).toBeNull();
  });

  it('takes from the pool until it is empty, never beyond the grant', () => {
    let l = fresh(2);
    l = take(l, null)!.ledger;
    l = take(l, null)!.ledger;
    expect(l).toMatchObject({ used: 2, poolUsed: 2 });
    expect(available(l)).toBe(0);
    expect(take(l, null)).toBeNull();
  });

  it('takes from a unit share, which the pool cannot use', () => {
    const l = reallocate(fresh(10), null, 4);
    if (!('ledger' in l)) throw new Error('refused');
    expect(poolLeft(l.ledger)).toBe(6);
    let share = { places: 4, used: 0 };
    let ledger = l.ledger;
    for (let i = 0; i < 4; i++) ({ ledger, share } = take(ledger, share) as { ledger: Ledger; share: typeof share });
    expect(take(ledger, share)).toBeNull();
    expect(ledger).toMatchObject({ used: 4, poolUsed: 0, allocated: 4 });
    expect(take(ledger, null)!.ledger).toMatchObject({ used: 5, poolUsed: 1 });
  });

  it('releases back to where the place came from and counts it', () => {
    const t = take(fresh(5), { places: 2, used: 0 })!;
    const r = release(t.ledger, t.share);
    expect(r.ledger).toMatchObject({ used: 0, poolUsed: 0, released: 1 });
    expect(r.share).toEqual({ places: 2, used: 0 });
    expect(() => release(fresh(5), null)).toThrow();
  });

  it('never allocates more than granted, below what a unit holds, or away from the pool in use', () => {
    const l = { ...fresh(10), allocated: 6, used: 5, poolUsed: 3 };
    expect(reallocate(l, { places: 6, used: 2 }, 1)).toEqual({ refusal: 'below_used' });
    expect(reallocate(l, { places: 6, used: 2 }, 11)).toEqual({ refusal: 'over_granted' });
    expect(reallocate(l, null, 2)).toEqual({ refusal: 'pool_in_use' });
    expect(reallocate(l, null, 1)).toEqual({ ledger: { ...l, allocated: 7 } });
    expect(reallocate(l, { places: 6, used: 2 }, 2)).toEqual({ ledger: { ...l, allocated: 2 } });
  });
});
