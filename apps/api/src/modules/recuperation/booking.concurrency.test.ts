import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { idNumberFor } from '../member/member.testkit.ts';
import { bedCounts, bookFor, makeBatch, makeMembers, makeWorld, quotaRow, type TestMember, type World } from './recuperation.testkit.ts';

// Many members at once, the morning a batch opens. On the PostgreSQL server (TEST_DATABASE_URL)
// these are real concurrent transactions on separate connections; on PGlite they interleave on
// one. Either way: never overbooked, the quota never overspent, one booking per member.

const HOLDING = `('offered', 'requested', 'approved', 'confirmed', 'completed', 'no_show')`;

describe('when hundreds book one batch at the same moment', () => {
  let h: Harness;
  let w: World;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeWorld(h);
  }, 120_000);

  /** 500 new members in the priority groups of the Zhejiang policy: frontline first, then model workers, then the rest */
  const makeCrowd = async (): Promise<TestMember[]> => [
    ...(await makeMembers(h, w.nb, 100, { frontline: true })),
    ...(await makeMembers(h, w.nb, 100, { honour: 'model_worker' })),
    ...(await makeMembers(h, w.nb, 300)),
  ];
  afterAll(() => h.close());

  async function quotaHolds() {
    const [q] = await h.t.query<{ n: number }>(`select count(*)::int as n from recuperation_booking where tenant_id = $1 and quota_places = 1 and status in ${HOLDING}`, [w.nb.id]);
    return q!.n;
  }

  it('500 members for 50 beds: exactly 50 beds taken, 450 waitlisted in priority-then-time order', async () => {
    const crowd = await makeCrowd();
    const batch = await makeBatch(w, { capacity: 50 });
    const shuffled = [...crowd].sort(() => Math.random() - 0.5);
    const results = await Promise.allSettled(shuffled.map((m) => bookFor(m, batch.id)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const statuses = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof bookFor>>>).value.booking.status);
    expect(statuses.filter((s) => s === 'requested')).toHaveLength(50);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(450);
    expect(await bedCounts(h, batch.id)).toEqual({ bedsTaken: 50, capacity: 50, held: 50 });

    const q = (await quotaRow(h, w.nb.id))!;
    expect(q.used).toBe(await quotaHolds());
    expect(q.used).toBeGreaterThanOrEqual(0);
    expect(q.used).toBeLessThanOrEqual(q.granted);

    // the waitlist as the host reads it: ranks never go down, and within a rank time never goes back
    const list = await w.hzStaff.recuperation.booking.list({ side: 'host', batchId: batch.id, status: 'waitlisted', limit: 500 });
    const positions = list.map((b) => b.waitlistPosition!).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    const rows = await h.t.query<{ priority_rank: number; requested_at: Date; member_id: string }>(
      `select priority_rank, requested_at, member_id from recuperation_booking where batch_id = $1 and status = 'waitlisted' order by priority_rank, requested_at, id`,
      [batch.id],
    );
    const groupOf = new Map(crowd.map((m, i) => [m.id, i < 100 ? 0 : i < 200 ? 1 : 3]));
    const ranks = rows.map((r) => r.priority_rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(rows.every((r) => groupOf.get(r.member_id) === r.priority_rank)).toBe(true);
    expect(new Set(list.map((b) => b.member.id)).size).toBe(450);
  }, 120_000);

  it('with companions filling beds: never more beds than capacity, beds held = beds taken', async () => {
    const crowd = await makeCrowd();
    // 50 of them already hold a place in an earlier batch of 2027
    const earlier = await makeBatch(w, { capacity: 50 });
    for (const m of crowd.filter((_, i) => i % 10 === 0)) expect((await bookFor(m, earlier.id)).booking.status).toBe('requested');
    const batch = await makeBatch(w, { capacity: 50 });
    const spouse = (i: number) => ({ name: `家属${i}`, relation: 'spouse' as const, idNumber: idNumberFor(900_000 + i) });
    const child = (i: number) => ({ name: `子女${i}`, relation: 'child' as const, idNumber: idNumberFor(950_000 + i) });
    const results = await Promise.allSettled(
      crowd.map((m, i) => bookFor(m, batch.id, { key: `companions-${m.id}`, companions: i % 3 === 0 ? [] : i % 3 === 1 ? [spouse(i)] : [spouse(i), child(i)] })),
    );
    const failures = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    // the 50 who hold a place in the first batch have used their 5 days of 2027: refused by the policy, never a crash
    expect(failures).toHaveLength(50);
    expect(failures.every((f) => (f.reason as { cause?: { code?: string } }).cause?.code === 'NOT_ELIGIBLE')).toBe(true);
    const counts = await bedCounts(h, batch.id);
    expect(counts.held).toBe(counts.bedsTaken);
    expect(counts.bedsTaken).toBeLessThanOrEqual(50);
    // it fills up: any bed left is fewer than the smallest waiting party
    const [minWaiting] = await h.t.query<{ m: number | null }>(`select min(beds)::int as m from recuperation_booking where batch_id = $1 and status = 'waitlisted'`, [batch.id]);
    expect(50 - counts.bedsTaken).toBeLessThan(minWaiting!.m ?? 1);
    const q = (await quotaRow(h, w.nb.id))!;
    expect(q.used).toBe(await quotaHolds());
    expect(q.used).toBeLessThanOrEqual(q.granted);
  }, 120_000);

  it('the same member submitting 20 times at once gets one booking', async () => {
    const batch = await makeBatch(w, { capacity: 5 });
    const [m] = await makeMembers(h, w.nb, 1);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => bookFor(m!, batch.id, { key: i % 2 ? 'the-same-key' : `key-number-${i}` })));
    expect(new Set(results.map((r) => r.booking.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const [n] = await h.t.query<{ n: number }>(`select count(*)::int as n from recuperation_booking where batch_id = $1`, [batch.id]);
    expect(n!.n).toBe(1);
    expect(await bedCounts(h, batch.id)).toEqual({ bedsTaken: 1, capacity: 5, held: 1 });
  }, 60_000);
});
