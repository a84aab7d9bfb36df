import { BOOKING_STATUSES } from '@uc/contracts';
import { federations, users, withoutTenant } from '@uc/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, type Harness } from '../test/harness.ts';
import { seedDemo } from './demo.ts';

// The demo recuperation data: bases of both cities, a quota ledger under the 杭甬 agreement,
// bookings in every state, a batch with a waitlist, and a demo member free to book.

describe('demo recuperation data', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    h.setNow(new Date('2026-11-21T02:00:00Z'));
    await seedDemo(h.t.db, h.env);
  }, 180_000);
  afterAll(() => h.close());

  const callerOf = async (slug: string, local: string) => {
    const [fed] = await withoutTenant(h.t.db, (tx) => tx.select().from(federations).where(eq(federations.slug, slug)));
    const [user] = await withoutTenant(h.t.db, (tx) => tx.select().from(users).where(eq(users.email, `${local}@${slug}.demo`)));
    return callerFor(h, { id: user!.id, email: user!.email }, { id: fed!.id, slug, rootUnitId: '' });
  };

  it('has bookings in every state, a waitlist, and matching bed counts', async () => {
    const statuses = await h.t.query<{ status: string }>(`select distinct status from recuperation_booking`);
    expect(statuses.map((s) => s.status).sort()).toEqual([...BOOKING_STATUSES].sort());
    const beds = await h.t.query<{ code: string; beds_taken: number; held: number; waiting: number }>(`
      select b.code, p.taken as beds_taken,
        coalesce(sum(k.beds) filter (where k.status in ('offered', 'requested', 'approved', 'confirmed', 'completed', 'no_show')), 0)::int as held,
        count(k.id) filter (where k.status = 'waitlisted')::int as waiting
      from recuperation_batch b join place_pool p on p.tenant_id = b.tenant_id and p.id = b.id
      left join recuperation_booking k on k.host_tenant_id = b.tenant_id and k.batch_id = b.id group by b.code, p.taken`);
    for (const b of beds) expect(b.beds_taken, b.code).toBe(b.held);
    expect(beds.find((b) => b.code === 'HZ-QDH-2704')).toMatchObject({ beds_taken: 6, waiting: 2 });
  });

  it('shows the ledger both ways to both cities, and the demo member a bookable Hangzhou batch', async () => {
    const hz = await callerOf('hangzhou', 'admin');
    const nb = await callerOf('ningbo', 'admin');
    const toNb = (await nb.recuperation.quota.list({ year: 2027 })).find((q) => q.direction === 'granted_to_us')!;
    expect(toNb).toMatchObject({ granted: 200, allocated: 100, host: { slug: 'hangzhou' } });
    expect(toNb.used).toBeGreaterThan(0);
    const fromHz = (await hz.recuperation.quota.list({ year: 2027 })).find((q) => q.direction === 'granted_by_us')!;
    expect(fromHz).toMatchObject({ used: toNb.used, granted: 200 });

    const member = await callerOf('ningbo', 'member');
    const catalogue = await member.recuperation.catalog.list({ hostSlug: 'hangzhou' });
    expect(catalogue.map((b) => b.code)).toEqual(expect.arrayContaining(['HZ-XH-2612', 'HZ-XH-2703', 'HZ-QDH-2704']));
    const detail = await member.recuperation.catalog.batch({ batchId: catalogue.find((b) => b.code === 'HZ-XH-2703')!.id });
    expect(detail.eligibility).toMatchObject({ eligible: true });
    expect(await member.recuperation.booking.mine()).toEqual([]);
    for (const slug of ['hangzhou', 'ningbo', 'shaoxing']) expect((await (await callerOf(slug, 'admin')).audit.verify()).ok).toBe(true);
  });

  it('gives each city a traveller who may book a partner batch, and says why a batch is not for a member', async () => {
    for (const [slug, host] of [['ningbo', 'hangzhou'], ['hangzhou', 'ningbo']] as const) {
      const traveller = await callerOf(slug, 'traveller');
      const list = await traveller.recuperation.catalog.list({ hostSlug: host, openOnly: true });
      expect(list.some((b) => b.verdict?.eligible), slug).toBe(true);
      expect(await traveller.recuperation.booking.mine()).toEqual([]);
    }
    // staff get no verdict: the list is theirs to read, not to book
    expect((await (await callerOf('ningbo', 'officer')).recuperation.catalog.list({})).every((b) => b.verdict === null)).toBe(true);
    // a federation with no agreement is shown no partner batch at all (filtered by the catalogue)
    expect(await (await callerOf('shaoxing', 'member')).recuperation.catalog.list({ openOnly: true })).toEqual([]);
    // once a 2027 stay is asked for, the other 2027 batches say why they are closed to this member
    const traveller = await callerOf('ningbo', 'traveller');
    const before = await traveller.recuperation.catalog.list({ hostSlug: 'hangzhou', openOnly: true });
    await traveller.recuperation.booking.book({ batchId: before.find((b) => b.code === 'HZ-XH-2703')!.id, companions: [], consent: { accepted: true, shareMobile: false }, idempotencyKey: 'travel-test-1' });
    const after = await traveller.recuperation.catalog.list({ hostSlug: 'hangzhou', openOnly: true });
    const verdict = (code: string) => after.find((b) => b.code === code)!.verdict!;
    expect(verdict('HZ-XH-2612')).toEqual({ eligible: true, reasons: [] });
    expect(verdict('HZ-LA-2701').eligible).toBe(false);
    expect(verdict('HZ-LA-2701').reasons.map((r) => r.message).join('')).toMatch(/超过每年/);
  });

  it('has a batch in its check-in window with a confirmed booking to check in', async () => {
    const rows = await h.t.query<{ status: string; code: string }>(
      `select k.status, b.code from recuperation_booking k join recuperation_batch b on b.tenant_id = k.host_tenant_id and b.id = k.batch_id where b.code = 'HZ-LA-NOW'`,
    );
    expect(rows.map((r) => r.status)).toEqual(['confirmed']);
  });
});
