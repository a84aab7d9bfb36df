import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { makeMembers, makeOpenSession, makeProgrammeWorld, registerFor, type ProgrammeWorld, type TestMember } from './programme.testkit.ts';

// The rush for the last seats of a session, and a ticket scanned at two doors at once. On the
// PostgreSQL server (TEST_DATABASE_URL) each call is its own transaction on its own connection;
// on PGlite they interleave on one. Either way: never over a city's share, never over capacity,
// one registration per member, and an attendance counted once.

describe('when both cities rush one session', () => {
  let h: Harness;
  let w: ProgrammeWorld;
  let nb: TestMember[];
  let hz: TestMember[];

  beforeAll(async () => {
    h = await createHarness();
    w = await makeProgrammeWorld(h);
    nb = await makeMembers(h, w.nb, 60);
    hz = await makeMembers(h, w.hz, 60);
  }, 120_000);
  afterAll(() => h.close());

  async function seats(sessionId: string) {
    const [p] = await h.t.query<{ capacity: number; taken: number; shared: number }>(`select capacity, taken, shared from place_pool where id = $1`, [sessionId]);
    const shares = await h.t.query<{ party: string; units: number; taken: number }>(`select party_tenant_id as party, units, taken from place_share where pool_id = $1`, [sessionId]);
    const held = await h.t.query<{ party: string; n: number }>(`select tenant_id as party, count(*)::int as n from programme_registration where pool_id = $1 and status in ('offered', 'registered') group by tenant_id`, [sessionId]);
    return { pool: p!, shares, held: Object.fromEntries(held.map((x) => [x.party, x.n])) as Record<string, number> };
  }

  it('120 members, each twice at once, for 2 × 15 seats: exactly 15 per city, one registration per member', async () => {
    const { sessionId } = await makeOpenSession(w, { capacity: 30, seatsPerCity: 15 });
    const crowd = [...nb, ...hz].flatMap((m) => [m, m]).sort(() => Math.random() - 0.5);
    const results = await Promise.allSettled(crowd.map((m) => registerFor(m, sessionId)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const s = await seats(sessionId);
    expect(s.held).toEqual({ [w.nb.id]: 15, [w.hz.id]: 15 });
    for (const x of s.shares) expect(x.taken).toBeLessThanOrEqual(x.units);
    expect(s.shares.map((x) => x.taken).sort()).toEqual([15, 15]);
    expect(s.pool.taken + s.pool.shared).toBeLessThanOrEqual(s.pool.capacity);
    const [rows] = await h.t.query<{ n: number; members: number }>(`select count(*)::int as n, count(distinct member_id)::int as members from programme_registration where pool_id = $1`, [sessionId]);
    expect(rows).toEqual({ n: 120, members: 120 });
  }, 120_000);

  it('a ticket scanned at two doors at once counts one attendance', async () => {
    const { sessionId, eventId } = await makeOpenSession(w, { capacity: 10 });
    const t = (await registerFor(nb[0]!, sessionId)).ticket;
    const scans = await Promise.all(Array.from({ length: 6 }, () => w.hzStaff.programme.session.checkIn({ sessionId, token: t.token! })));
    expect(scans.filter((s) => s.outcome === 'checked_in')).toHaveLength(1);
    expect(scans.filter((s) => s.outcome === 'already')).toHaveLength(5);
    expect(await w.hzStaff.programme.event.attendance({ id: eventId })).toMatchObject({ attendances: 1, people: 1, sessionsHeld: 1 });
  }, 60_000);
});
