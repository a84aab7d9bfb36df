import { describe, expect, it } from 'vitest';
import { availability, capacityFits, counterFor, planShares, poolFree } from './place.rules.ts';

// The engine's seat arithmetic, pure: where a claim draws from, what is free, how shares are set.
// (The quota ledger's arithmetic: recuperation/quota.rules.test.ts.)

const pool = (over: Partial<{ capacity: number; taken: number; shared: number; status: string; releasedAt: Date | null }> = {}) => ({
  capacity: 10,
  taken: 0,
  shared: 0,
  status: 'open',
  releasedAt: null as Date | null,
  ...over,
});

describe('pool arithmetic', () => {
  it('draws a party with a share on it until the release, and anyone else on the pool', () => {
    const share = { partyTenantId: 'nb', units: 4, taken: 1 };
    expect(counterFor(pool(), share)).toBe('share');
    expect(counterFor(pool({ releasedAt: new Date() }), share)).toBe('pool');
    expect(counterFor(pool(), undefined)).toBe('pool');
  });

  it('counts the pool free only outside the shares lent and the units taken', () => {
    expect(poolFree(pool({ taken: 3, shared: 4 }))).toBe(3);
    expect(capacityFits({ taken: 3, shared: 4 }, 7)).toBe(true);
    expect(capacityFits({ taken: 3, shared: 4 }, 6)).toBe(false);
  });

  it('reports what is held on the pool and the shares, and nothing free once closed', () => {
    const shares = [
      { partyTenantId: 'hz', units: 4, taken: 4 },
      { partyTenantId: 'nb', units: 4, taken: 1 },
    ];
    expect(availability(pool({ taken: 1, shared: 8 }), shares)).toEqual({
      capacity: 10,
      held: 6,
      free: 4,
      status: 'open',
      released: false,
      shares: [
        { partyTenantId: 'hz', units: 4, taken: 4, free: 0 },
        { partyTenantId: 'nb', units: 4, taken: 1, free: 3 },
      ],
    });
    expect(availability(pool({ status: 'closed' }), []).free).toBe(0);
    expect(availability(pool({ releasedAt: new Date() }), shares).shares.map((s) => s.free)).toEqual([0, 0]);
  });
});

describe('setting shares', () => {
  it('keeps each share at least what its party holds, and all within the capacity', () => {
    const current = [{ partyTenantId: 'nb', units: 4, taken: 3 }];
    expect(planShares(pool(), current, [{ partyTenantId: 'nb', units: 2 }])).toEqual({ refusal: 'below_taken', partyTenantId: 'nb' });
    expect(planShares(pool({ taken: 2 }), current, [{ partyTenantId: 'nb', units: 4 }, { partyTenantId: 'hz', units: 5 }])).toEqual({ refusal: 'over_capacity' });
    expect(planShares(pool({ releasedAt: new Date() }), current, [])).toEqual({ refusal: 'released' });
  });

  it('shrinks a party left out to what it holds', () => {
    expect(planShares(pool(), [{ partyTenantId: 'nb', units: 4, taken: 3 }], [{ partyTenantId: 'hz', units: 5 }])).toEqual({
      shares: [
        { partyTenantId: 'nb', units: 3 },
        { partyTenantId: 'hz', units: 5 },
      ],
      shared: 8,
    });
  });
});
