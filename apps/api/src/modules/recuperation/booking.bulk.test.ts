import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeStaff, type Harness } from '../../test/harness.ts';
import type { Caller } from '../../test/caller.ts';
import { bedCounts, bookFor, makeBatch, makeMembers, makeWorld, quotaRow, ZHEJIANG, type World } from './recuperation.testkit.ts';

// Bulk approve / bulk return of requests: the same rules as one at a time, a result per row, and
// two officers deciding overlapping sets at once never approve a request twice nor overspend the quota.

describe('when an officer decides many requests at once', () => {
  let h: Harness;
  let w: World;

  beforeAll(async () => {
    h = await createHarness();
  });
  beforeEach(async () => {
    w = await makeWorld(h);
  });
  afterAll(() => h.close());

  async function requests(n: number, opts: { capacity?: number; startDate?: string } = {}) {
    const batchId = (await makeBatch(w, { capacity: opts.capacity ?? 20, startDate: opts.startDate })).id;
    const members = await makeMembers(h, w.nb, n);
    const ids: string[] = [];
    for (const m of members) ids.push((await bookFor(m, batchId)).booking.id);
    return { batchId, ids };
  }

  it('approves every eligible request and refuses the others row by row, with the code', async () => {
    const { ids } = await requests(4);
    await w.nbStaff.recuperation.booking.approve({ id: ids[0]! });
    // an id the officer cannot see refuses the whole request, and nothing is decided
    await expectCode(w.nbStaff.recuperation.booking.bulkDecide({ action: 'approve', ids: [...ids, randomUUID()] }), 'NOT_FOUND');
    expect((await w.nbStaff.recuperation.booking.get({ id: ids[1]! })).status).toBe('requested');
    const res = await w.nbStaff.recuperation.booking.bulkDecide({ action: 'approve', ids });
    expect(res).toMatchObject({ done: 3, refused: 1 });
    expect(res.rows.find((r) => r.id === ids[0])).toMatchObject({ outcome: 'refused', code: 'BOOKING_STATE' });
    for (const id of ids.slice(1)) expect((await w.nbStaff.recuperation.booking.get({ id })).status).toBe('approved');
    // the host's staff cannot decide the home federation's requests
    const fresh = await requests(1);
    const byHost = await w.hzStaff.recuperation.booking.bulkDecide({ action: 'approve', ids: fresh.ids });
    expect(byHost.rows[0]).toMatchObject({ outcome: 'refused', code: 'FORBIDDEN' });
    expect((await w.nbStaff.recuperation.booking.get({ id: fresh.ids[0]! })).status).toBe('requested');
  });

  it('refuses a request the policy now refuses, with the reasons, and approves the rest', async () => {
    const ok = await requests(1);
    const later = await requests(1, { startDate: '2027-05-10' });
    await w.nbStaff.recuperation.policy.create({ ...ZHEJIANG, effectiveFrom: '2027-04-01', budgetPerDayFen: 40_000 });
    const res = await w.nbStaff.recuperation.booking.bulkDecide({ action: 'approve', ids: [...later.ids, ...ok.ids] });
    expect(res.rows[0]).toMatchObject({ outcome: 'refused', code: 'NOT_ELIGIBLE', reasons: [{ code: 'budget_per_day' }] });
    expect(res.rows[1]).toMatchObject({ outcome: 'approved', code: null });
    expect((await w.nbStaff.recuperation.booking.get({ id: later.ids[0]! })).status).toBe('requested');
  });

  it('returns requests with one reason and gives their beds back', async () => {
    const { batchId, ids } = await requests(3, { capacity: 5 });
    expect((await bedCounts(h, batchId)).bedsTaken).toBe(3);
    const res = await w.nbStaff.recuperation.booking.bulkDecide({ action: 'reject', ids, reason: '单位另有安排' });
    expect(res).toMatchObject({ done: 3, refused: 0 });
    expect(res.rows.map((r) => r.outcome)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((await bedCounts(h, batchId)).bedsTaken).toBe(0);
    // a return needs its reason
    await expectCode(w.nbStaff.recuperation.booking.bulkDecide({ action: 'reject', ids, reason: ' ' }), 'BAD_REQUEST');
  });

  it('two officers approving overlapping sets at once: each request approved exactly once, quota never overspent', async () => {
    const { ids } = await requests(12);
    const other: Caller = await callerFor(h, await makeStaff(h, w.nb, ['officer']), w.nb);
    const a = ids.slice(0, 8);
    const b = [...ids.slice(4)].reverse();
    const [ra, rb] = await Promise.all([
      w.nbStaff.recuperation.booking.bulkDecide({ action: 'approve', ids: a }),
      other.recuperation.booking.bulkDecide({ action: 'approve', ids: b }),
    ]);
    const approvedBy = [...ra.rows, ...rb.rows].filter((r) => r.outcome === 'approved').map((r) => r.id);
    expect(approvedBy.sort()).toEqual([...ids].sort());
    expect([...ra.rows, ...rb.rows].filter((r) => r.outcome === 'refused').every((r) => r.code === 'BOOKING_STATE')).toBe(true);
    const [{ n }] = (await h.t.query<{ n: number }>(`select count(*)::int as n from recuperation_booking where id = any($1) and status = 'approved'`, [ids])) as [{ n: number }];
    expect(n).toBe(12);
    const q = (await quotaRow(h, w.nb.id))!;
    expect(q.used).toBeLessThanOrEqual(q.granted);
  });
});
