import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { federations, users, withoutTenant } from '@uc/db';
import { eq } from 'drizzle-orm';
import { callerFor, createHarness, type Harness } from '../test/harness.ts';
import { seedDemo } from './demo.ts';

// The demo contests: a published, finalised 电工 event with two appeals decided and certificates,
// a partly marked 养老护理员 event, and a 2027 contest open for registration.

describe('demo contests', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    h.setNow(new Date('2026-11-21T02:00:00Z'));
    await seedDemo(h.t.db, h.env);
  }, 300_000);
  afterAll(() => h.close());

  const callerOf = async (slug: string, local: string) => {
    const [fed] = await withoutTenant(h.t.db, (tx) => tx.select().from(federations).where(eq(federations.slug, slug)));
    const [user] = await withoutTenant(h.t.db, (tx) => tx.select().from(users).where(eq(users.email, `${local}@${slug}.demo`)));
    return callerFor(h, { id: user!.id, email: user!.email }, { id: fed!.id, slug, rootUnitId: '' });
  };

  it('shows both contests to both cities and the judging partner, with events at every stage', async () => {
    for (const slug of ['hangzhou', 'ningbo', 'shaoxing']) {
      const list = await (await callerOf(slug, 'admin')).contest.list();
      expect(list.map((c) => c.year).sort()).toEqual([2026, 2027]);
    }
    const nb = await callerOf('ningbo', 'admin');
    const c2026 = (await nb.contest.list()).find((c) => c.year === 2026)!;
    const detail = await nb.contest.get({ id: c2026.id });
    expect(detail.events.map((e) => [e.trade, e.stage])).toEqual([
      ['电工', 'finalised'],
      ['养老护理员', 'drawn'],
    ]);
    const results = await nb.contest.event.results({ eventId: detail.events[0]!.id });
    expect(results.rows).toHaveLength(12);
    expect(results.appeals.map((a) => a.status)).toEqual(['rejected']);
    // the organiser sees Hangzhou's own appeal too: its theory paper re-checked and corrected
    const hzResults = await (await callerOf('hangzhou', 'admin')).contest.event.results({ eventId: detail.events[0]!.id });
    expect(hzResults.appeals.map((a) => a.status).sort()).toEqual(['rejected', 'upheld']);
    const certs = await nb.contest.event.certificates({ eventId: detail.events[0]!.id });
    expect(certs.length).toBe(12);
    const judge = await callerOf('shaoxing', 'judge1');
    expect((await judge.contest.score.sheet({ eventId: detail.events[1]!.id })).contestants).toHaveLength(8);
  });
});
