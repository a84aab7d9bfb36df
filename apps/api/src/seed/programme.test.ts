import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.ts';
import { seedDemo } from './demo.ts';

// The demo programmes: both cities' venues, a series with a held session (attendance from both
// cities) and open ones, a three-session class; figures derived from check-ins.

describe('demo programme data', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    h.setNow(new Date('2026-11-21T02:00:00Z'));
    await seedDemo(h.t.db, h.env);
  }, 240_000);
  afterAll(() => h.close());

  it('has venues, events, sessions and check-ins from both cities, never over a share', async () => {
    const [v] = await h.t.query<{ n: number }>(`select count(*)::int as n from programme_venue`);
    expect(v!.n).toBe(4);
    const events = await h.t.query<{ kind: string; status: string; sessions: number }>(`select e.kind, e.status, count(s.id)::int as sessions from programme_event e join programme_session s on s.event_id = e.id group by e.tenant_id, e.id, e.kind, e.status order by e.kind`);
    expect(events).toEqual([
      { kind: 'lecture', status: 'open', sessions: 3 },
      { kind: 'training', status: 'open', sessions: 3 },
    ]);
    const [att] = await h.t.query<{ n: number; people: number; cities: number }>(`select count(*)::int as n, count(distinct member_id)::int as people, count(distinct tenant_id)::int as cities from programme_registration where checked_in_at is not null`);
    expect(att).toEqual({ n: 14, people: 14, cities: 2 });
    const [bad] = await h.t.query<{ n: number }>(`select count(*)::int as n from place_share s join place_pool p on p.tenant_id = s.tenant_id and p.id = s.pool_id where p.kind = 'programme.session' and s.taken > s.units`);
    expect(bad!.n).toBe(0);
  });
});
