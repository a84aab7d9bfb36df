import { withTenant } from '@uc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, makeFederation, type Harness, type TestFederation } from '../../test/harness.ts';
import { createPool, runPlaceOffers, type NewPool } from './index.ts';
import { claimFor, counts, createClaimTable, ctxOf, testConsumer } from './place.testkit.ts';

// The engine's counters under real concurrency. On the PostgreSQL server (TEST_DATABASE_URL)
// every claim is its own transaction on its own connection; on PGlite they interleave on one.
// Whatever the order: never over a share, never over the pool, the counters equal what the
// claims hold, and a release happens once however many workers run the job.

let h: Harness;
let nb: TestFederation, sx: TestFederation, gx: TestFederation;

beforeAll(async () => {
  h = await createHarness();
  [nb, sx, gx] = [await makeFederation(h, 'nb'), await makeFederation(h, 'sx'), await makeFederation(h, 'gx')];
  await createClaimTable(h);
}, 120_000);
afterAll(() => h.close());

async function hostWith(p: Omit<NewPool, 'kind'>) {
  const host = await makeFederation(h, 'host');
  const made = await withTenant(h.t.db, host.id, (tx) => createPool(ctxOf(h, tx, host.id), { kind: 'test.session', ...p }));
  return { host: host.id, poolId: made.id };
}

const shuffle = <T>(xs: T[]) => xs.map((x) => [Math.random(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);

/** The counters against the claims: nothing over, nothing lost. */
async function consistent(poolId: string) {
  const c = await counts(h, poolId);
  for (const s of c.shares) {
    expect(s.taken).toBeLessThanOrEqual(s.units);
    expect(c.heldOnShare[s.party] ?? 0).toBe(s.taken);
  }
  expect(c.heldOnPool).toBe(c.pool.taken);
  expect(c.shares.reduce((n, s) => n + s.units, 0)).toBe(c.pool.shared);
  expect(c.pool.taken + c.pool.shared).toBeLessThanOrEqual(c.pool.capacity);
  return c;
}

describe('the last units, claimed by many at once', () => {
  it('gives each party exactly its share and the others exactly the rest of the pool', async () => {
    const { host, poolId } = await hostWith({ capacity: 30, shares: [{ partyTenantId: nb.id, units: 10 }, { partyTenantId: sx.id, units: 10 }] });
    const crowd = shuffle([...Array.from({ length: 60 }, () => nb.id), ...Array.from({ length: 60 }, () => sx.id), ...Array.from({ length: 60 }, () => gx.id)]);
    const results = await Promise.allSettled(crowd.map((party) => claimFor(h, party, host, poolId)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const held = (party: string) => results.filter((r, i) => crowd[i] === party && r.status === 'fulfilled' && r.value.outcome === 'held').length;
    expect([held(nb.id), held(sx.id), held(gx.id)]).toEqual([10, 10, 10]);
    const c = await consistent(poolId);
    expect(c).toMatchObject({ pool: { taken: 10, shared: 20 }, heldOnShare: { [nb.id]: 10, [sx.id]: 10 } });
  }, 120_000);

  it('never holds more units than the capacity when claims take several at once', async () => {
    const { host, poolId } = await hostWith({ capacity: 25 });
    const sizes = Array.from({ length: 100 }, (_, i) => 1 + (i % 3));
    const results = await Promise.all(shuffle(sizes).map((units) => claimFor(h, nb.id, host, poolId, { units })));
    const c = await consistent(poolId);
    const held = results.filter((r) => r.outcome === 'held').reduce((n, r) => n + r.row.units, 0);
    expect(held).toBe(c.pool.taken);
    expect(c.pool.taken).toBeLessThanOrEqual(25);
    // it fills up: what is left is less than the smallest claim that waits
    expect(25 - c.pool.taken).toBeLessThan(Math.min(...results.filter((r) => r.outcome === 'waitlisted').map((r) => r.row.units)));
  }, 120_000);
});

describe('the release of shares', () => {
  it('happens once with several workers running the job at once, and offers the freed units once', async () => {
    const releaseAt = new Date(h.now().getTime() + 60_000);
    const { host, poolId } = await hostWith({ capacity: 12, shares: [{ partyTenantId: nb.id, units: 4 }, { partyTenantId: sx.id, units: 8 }], releaseAt });
    for (let i = 0; i < 4; i++) await claimFor(h, nb.id, host, poolId);
    await claimFor(h, sx.id, host, poolId);
    const waiting = await Promise.all(Array.from({ length: 10 }, () => claimFor(h, nb.id, host, poolId)));
    expect(waiting.every((w) => w.outcome === 'waitlisted')).toBe(true);
    const at = new Date(releaseAt.getTime() + 1000);
    const runs = await Promise.all(Array.from({ length: 6 }, () => runPlaceOffers(h.t.db, at, h.env, [testConsumer])));
    expect(runs.flatMap((r) => r.released).filter((id) => id === poolId)).toEqual([poolId]);
    const offered = runs.flatMap((r) => r.offered).filter((id) => waiting.some((w) => w.row.id === id));
    // Shaoxing held 1 of its 8: the other 7 went to the pool and to Ningbo's first seven waiting, each once
    expect(offered).toHaveLength(7);
    expect(new Set(offered).size).toBe(7);
    expect(await consistent(poolId)).toMatchObject({ pool: { released: true, shared: 5, taken: 7 } });
  }, 120_000);

  it('keeps every counter within its limit when claims on shares race the release', async () => {
    const releaseAt = new Date(h.now().getTime() - 1000);
    const { host, poolId } = await hostWith({ capacity: 20, shares: [{ partyTenantId: nb.id, units: 5 }, { partyTenantId: sx.id, units: 5 }], releaseAt });
    const crowd = shuffle([...Array.from({ length: 30 }, () => nb.id), ...Array.from({ length: 30 }, () => sx.id)]);
    const [results] = await Promise.all([
      Promise.all(crowd.map((party) => claimFor(h, party, host, poolId))),
      runPlaceOffers(h.t.db, h.now(), h.env, [testConsumer]),
      runPlaceOffers(h.t.db, h.now(), h.env, [testConsumer]),
    ]);
    const c = await consistent(poolId);
    expect(c.pool.released).toBe(true);
    const holding = c.heldOnPool + Object.values(c.heldOnShare).reduce((n, x) => n + x, 0);
    expect(holding).toBeLessThanOrEqual(20);
    expect(results.filter((r) => r.outcome === 'held').length).toBeLessThanOrEqual(holding);
  }, 120_000);
});
