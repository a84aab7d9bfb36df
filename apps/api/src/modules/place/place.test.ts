import { withTenant } from '@uc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, type Harness, type TestFederation } from '../../test/harness.ts';
import { active } from '../mechanism/mechanism.testkit.ts';
import { availability, cancelPool, changePool, createPool, ensureQuota, fill, free, runPlaceOffers, setShares, type NewPool, type PlaceJobResult } from './index.ts';
import { ACTIVE, calls, claimFor, claimTable, counts, createClaimTable, ctxOf, dropped, HOLDING, holdOf, testConsumer } from './place.testkit.ts';

// The places engine on its own, through a consumer of its own (place.testkit.ts): pools with and
// without party shares, idempotent claims, the waitlist and its offers, the release of shares,
// cancellation, the quota line, and who may read a pool. Each test hosts its pools in a
// federation of its own. The races are in place.concurrency.test.ts.

let h: Harness;
let nb: TestFederation, sx: TestFederation;

beforeAll(async () => {
  h = await createHarness();
  nb = await makeFederation(h, 'nb');
  sx = await makeFederation(h, 'sx');
  await createClaimTable(h);
}, 120_000);
afterAll(() => h.close());
beforeEach(() => {
  calls.length = 0;
  dropped.clear();
});

/** A host federation of the test's own and a pool of it. */
async function hostWith(p: Omit<NewPool, 'kind'>) {
  const host = await makeFederation(h, 'host');
  const made = await withTenant(h.t.db, host.id, (tx) => createPool(ctxOf(h, tx, host.id), { kind: 'test.session', ...p }));
  const asHost = <T>(fn: (ctx: ReturnType<typeof ctxOf>) => Promise<T>) => withTenant(h.t.db, host.id, (tx) => fn(ctxOf(h, tx, host.id)));
  return { host: host.id, poolId: made.id, asHost };
}

const statusOf = async (id: string) => (await h.t.query<{ status: string }>(`select status from place_test_claim where id = $1`, [id]))[0]!.status;
/** the job's result for this test's own pools and claims (other tests' hosts run in the same job) */
const job = async (at: Date, mine: string[]) => {
  const r = await runPlaceOffers(h.t.db, at, h.env, [testConsumer]);
  const only = (ids: string[]) => ids.filter((id) => mine.includes(id));
  return { expired: only(r.expired), released: only(r.released), closed: only(r.closed), offered: only(r.offered) } satisfies PlaceJobResult;
};

describe('a pool without shares', () => {
  it('holds claims up to its capacity, then waits; a repeat returns the first claim', async () => {
    const { host, poolId } = await hostWith({ capacity: 2 });
    const a = await claimFor(h, nb.id, host, poolId);
    const b = await claimFor(h, host, host, poolId);
    const c = await claimFor(h, nb.id, host, poolId);
    expect([a.outcome, b.outcome, c.outcome]).toEqual(['held', 'held', 'waitlisted']);
    expect(c.row.status).toBe('waitlisted');
    // the same key again, and another key for the same member and pool: the first answer stands
    const again = await claimFor(h, nb.id, host, poolId, { memberId: a.row.memberId, key: a.row.idempotencyKey });
    const other = await claimFor(h, nb.id, host, poolId, { memberId: a.row.memberId, key: 'another' });
    expect([again.created, again.row.id, other.created, other.row.id]).toEqual([false, a.row.id, false, a.row.id]);
    expect(await counts(h, poolId)).toMatchObject({ pool: { capacity: 2, taken: 2, shared: 0 }, heldOnPool: 2 });
  });

  it('takes several units for one claim (1 + companions), never beyond the capacity', async () => {
    const { host, poolId, asHost } = await hostWith({ capacity: 5 });
    expect((await claimFor(h, nb.id, host, poolId, { units: 3 })).outcome).toBe('held');
    expect((await claimFor(h, nb.id, host, poolId, { units: 3 })).outcome).toBe('waitlisted');
    expect((await claimFor(h, nb.id, host, poolId, { units: 2 })).outcome).toBe('held');
    expect(await asHost((ctx) => availability(ctx, { hostTenantId: host, poolId }))).toMatchObject({ capacity: 5, held: 5, free: 0, shares: [] });
  });

  it('offers freed units down the waitlist by rank then time, skipping what does not fit and dropping whom the consumer drops', async () => {
    const { host, poolId } = await hostWith({ capacity: 2 });
    const holder = await claimFor(h, nb.id, host, poolId, { units: 2 });
    const late = await claimFor(h, nb.id, host, poolId, { rank: 3 });
    h.advance(1000);
    const big = await claimFor(h, nb.id, host, poolId, { rank: 0, units: 3 });
    const gone = await claimFor(h, host, host, poolId, { rank: 1 });
    const first = await claimFor(h, host, host, poolId, { rank: 2 });
    dropped.add(gone.row.memberId);
    await withTenant(h.t.db, nb.id, async (tx) => {
      const ctx = ctxOf(h, tx, nb.id);
      await free(ctx, holdOf(holder.row));
      return fill(ctx, testConsumer, host, poolId);
    });
    expect(calls).toEqual([`dropped:${gone.row.memberId}:ineligible`, `offered:${first.row.memberId}`, `offered:${late.row.memberId}`]);
    expect([await statusOf(big.row.id), await statusOf(first.row.id), await statusOf(late.row.id)]).toEqual(['waitlisted', 'offered', 'offered']);
    expect((await counts(h, poolId)).pool.taken).toBe(2);
  });

  it('refuses a capacity below what is held, and offers a larger one to the waitlist', async () => {
    const { host, poolId, asHost } = await hostWith({ capacity: 1 });
    await claimFor(h, nb.id, host, poolId);
    const waiting = await claimFor(h, nb.id, host, poolId);
    expect(await asHost((ctx) => changePool(ctx, poolId, { capacity: 0 }))).toEqual({ refusal: 'below_held', held: 1 });
    expect(await asHost((ctx) => changePool(ctx, poolId, { capacity: 2 }))).toMatchObject({ free: 1 });
    await asHost((ctx) => fill(ctx, testConsumer, host, poolId));
    expect(await statusOf(waiting.row.id)).toBe('offered');
  });

  it('lapses an offer past its time through the job, and offers the units to the next in line', async () => {
    const { host, poolId } = await hostWith({ capacity: 1 });
    const holder = await claimFor(h, nb.id, host, poolId);
    const next = await claimFor(h, nb.id, host, poolId);
    h.advance(1000);
    const after = await claimFor(h, nb.id, host, poolId);
    await withTenant(h.t.db, nb.id, async (tx) => {
      await free(ctxOf(h, tx, nb.id), holdOf(holder.row));
      await fill(ctxOf(h, tx, nb.id), testConsumer, host, poolId);
    });
    const mine = [next.row.id, after.row.id, poolId];
    expect(await statusOf(next.row.id)).toBe('offered');
    expect((await job(h.now(), mine)).expired).toEqual([]);
    const r = await job(new Date(h.now().getTime() + 25 * 3_600_000), mine);
    expect(r.expired).toEqual([next.row.id]);
    expect([await statusOf(next.row.id), await statusOf(after.row.id)]).toEqual(['cancelled', 'offered']);
    expect((await counts(h, poolId)).pool.taken).toBe(1);
  });

  it('cancels: no claim taken any more, every hold given back, the active claims returned to be closed', async () => {
    const { host, poolId, asHost } = await hostWith({ capacity: 2 });
    const a = await claimFor(h, nb.id, host, poolId);
    const b = await claimFor(h, host, host, poolId);
    const w = await claimFor(h, nb.id, host, poolId);
    const closed = await asHost((ctx) => cancelPool(ctx, claimTable, poolId, { active: ACTIVE, holding: HOLDING }));
    expect(closed.map((c) => c.id).sort()).toEqual([a.row.id, b.row.id, w.row.id].sort());
    expect(await counts(h, poolId)).toMatchObject({ pool: { taken: 0 } });
    const late = await claimFor(h, nb.id, host, poolId);
    expect(late.outcome).toBe('waitlisted');
    // the job closes the active claims the consumer left on the cancelled pool, once
    const mine = [a.row.id, b.row.id, w.row.id, late.row.id];
    expect((await job(h.now(), mine)).closed.sort()).toEqual([...mine].sort());
    expect((await job(h.now(), mine)).closed).toEqual([]);
  });
});

describe('a pool split into party shares', () => {
  it('lets each party draw on its own share only, and a party without one on the rest of the pool', async () => {
    const host = await makeFederation(h, 'host');
    const { poolId } = await withTenant(h.t.db, host.id, async (tx) => ({
      poolId: (await createPool(ctxOf(h, tx, host.id), { kind: 'test.session', capacity: 5, shares: [{ partyTenantId: host.id, units: 2 }, { partyTenantId: nb.id, units: 2 }] })).id,
    }));
    const nbClaims = [await claimFor(h, nb.id, host.id, poolId), await claimFor(h, nb.id, host.id, poolId), await claimFor(h, nb.id, host.id, poolId)];
    expect(nbClaims.map((c) => c.outcome)).toEqual(['held', 'held', 'waitlisted']);
    expect(nbClaims.map((c) => c.row.onShare)).toEqual([true, true, false]);
    expect((await claimFor(h, sx.id, host.id, poolId)).outcome).toBe('held');
    expect((await claimFor(h, sx.id, host.id, poolId)).outcome).toBe('waitlisted');
    expect(await counts(h, poolId)).toMatchObject({ pool: { taken: 1, shared: 4 }, heldOnPool: 1, heldOnShare: { [nb.id]: 2 } });
    const a = await withTenant(h.t.db, host.id, (tx) => availability(ctxOf(h, tx, host.id), { hostTenantId: host.id, poolId }));
    expect(a).toMatchObject({ capacity: 5, held: 3, free: 2 });
    expect(a.shares.find((s) => s.partyTenantId === host.id)).toMatchObject({ units: 2, taken: 0, free: 2 });
  });

  it('refuses shares over the capacity or below what a party holds', async () => {
    await expectCode(hostWith({ capacity: 3, shares: [{ partyTenantId: sx.id, units: 2 }, { partyTenantId: nb.id, units: 2 }] }), 'BAD_INPUT');
    const { host, poolId, asHost } = await hostWith({ capacity: 4, shares: [{ partyTenantId: nb.id, units: 2 }] });
    await claimFor(h, nb.id, host, poolId);
    await expectCode(asHost((ctx) => setShares(ctx, poolId, [{ partyTenantId: nb.id, units: 0 }])), 'BAD_INPUT');
    await asHost((ctx) => setShares(ctx, poolId, [{ partyTenantId: nb.id, units: 1 }, { partyTenantId: sx.id, units: 3 }]));
    expect(await counts(h, poolId)).toMatchObject({ pool: { shared: 4, taken: 0 } });
    expect(await asHost((ctx) => changePool(ctx, poolId, { capacity: 3 }))).toEqual({ refusal: 'below_held', held: 4 });
  });

  it('releases unused share units to the pool at the set time, once, and then any party may take them', async () => {
    const releaseAt = new Date(h.now().getTime() + 3_600_000);
    const { host, poolId } = await hostWith({ capacity: 4, shares: [{ partyTenantId: sx.id, units: 2 }, { partyTenantId: nb.id, units: 2 }], releaseAt });
    const held = await claimFor(h, nb.id, host, poolId);
    await claimFor(h, nb.id, host, poolId);
    const waiting = await claimFor(h, nb.id, host, poolId);
    const mine = [poolId, waiting.row.id];
    expect((await job(h.now(), mine)).released).toEqual([]);
    const later = new Date(releaseAt.getTime() + 1000);
    // Shaoxing's two unused seats go back to the pool, and to Ningbo's waiting member
    expect(await job(later, mine)).toMatchObject({ released: [poolId], offered: [waiting.row.id] });
    expect(await counts(h, poolId)).toMatchObject({ pool: { released: true, shared: 2, taken: 1 }, shares: expect.arrayContaining([{ party: sx.id, units: 0, taken: 0 }]) });
    expect((await job(later, mine)).released).toEqual([]);
    // a unit held on a share before the release goes back to the pool, for anyone
    await withTenant(h.t.db, nb.id, async (tx) => {
      await free(ctxOf(h, tx, nb.id), holdOf(held.row));
      await tx.execute(sql`update place_test_claim set status = 'cancelled' where id = ${held.row.id}`);
    });
    expect(await counts(h, poolId)).toMatchObject({ pool: { shared: 1, taken: 1 }, heldOnShare: { [nb.id]: 1 } });
    expect((await claimFor(h, host, host, poolId)).outcome).toBe('held');
    expect((await claimFor(h, sx.id, host, poolId)).outcome).toBe('held');
    expect((await claimFor(h, sx.id, host, poolId)).outcome).toBe('waitlisted');
  });
});

describe('a claim with a quota place', () => {
  it('takes the place with the units, gives it back with them, and rolls everything back when the line is used up', async () => {
    const { host, poolId } = await hostWith({ capacity: 5 });
    const quotaId = await withTenant(h.t.db, nb.id, (tx) =>
      ensureQuota({ db: tx, now: h.now() }, { kind: 'test', receiverTenantId: nb.id, hostTenantId: host, agreementTenantId: host, agreementId: crypto.randomUUID(), year: 2027, granted: 1 }),
    );
    const first = await claimFor(h, nb.id, host, poolId, { quota: { quotaId, allocationId: null } });
    expect(first.outcome).toBe('held');
    await expectCode(claimFor(h, nb.id, host, poolId, { quota: { quotaId, allocationId: null } }), 'QUOTA_EXHAUSTED');
    expect(await counts(h, poolId)).toMatchObject({ pool: { taken: 1 } });
    await withTenant(h.t.db, nb.id, (tx) => free(ctxOf(h, tx, nb.id), holdOf(first.row)));
    const [line] = await h.t.query<{ used: number; released: number }>(`select used, released from place_quota where id = $1`, [quotaId]);
    expect(line).toEqual({ used: 0, released: 1 });
  });
});

describe('who reads a pool', () => {
  it('shows it to its host and to a partner under an active agreement, and to nobody else (NOT_FOUND); only the host writes it', async () => {
    const hz = await makeFederation(h, 'hz');
    const hzStaff = await callerFor(h, await makeStaff(h, hz, ['admin', 'signatory']), hz);
    const nbStaff = await callerFor(h, await makeStaff(h, nb, ['admin', 'signatory']), nb);
    await active([hzStaff, nbStaff], [nb.slug]);
    const poolId = (await withTenant(h.t.db, hz.id, (tx) => createPool(ctxOf(h, tx, hz.id), { kind: 'test.session', capacity: 3, shares: [{ partyTenantId: nb.id, units: 1 }] }))).id;
    const read = (t: TestFederation) => withTenant(h.t.db, t.id, (tx) => availability(ctxOf(h, tx, t.id), { hostTenantId: hz.id, poolId }));
    expect((await read(hz)).capacity).toBe(3);
    expect((await read(nb)).shares).toHaveLength(1);
    await expectCode(read(sx), 'NOT_FOUND');
    await withTenant(h.t.db, nb.id, (tx) => tx.execute(sql`update place_pool set capacity = 100 where id = ${poolId}`));
    await withTenant(h.t.db, nb.id, (tx) => tx.execute(sql`update place_share set units = 3 where pool_id = ${poolId}`));
    expect(await read(hz)).toMatchObject({ capacity: 3, shares: [{ units: 1 }] });
  });
});
