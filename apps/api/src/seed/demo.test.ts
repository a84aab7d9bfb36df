import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { federations, users, withoutTenant } from '@uc/db';
import { eq } from 'drizzle-orm';
import { callerFor, createHarness, type Harness } from '../test/harness.ts';
import { HANGYONG_TITLE } from './agreements.ts';
import { seedDemo } from './demo.ts';

describe('demo data', () => {
  let h: Harness;
  let firstRun: string;
  // each test reads the seeded world; none changes it, so the order does not matter
  beforeAll(async () => {
    h = await createHarness();
    firstRun = await seedDemo(h.t.db, h.env);
  }, 120_000);
  afterAll(() => h.close());

  const callerOf = async (slug: string, local: string) => {
    const [fed] = await withoutTenant(h.t.db, (tx) => tx.select().from(federations).where(eq(federations.slug, slug)));
    const [user] = await withoutTenant(h.t.db, (tx) => tx.select().from(users).where(eq(users.email, `${local}@${slug}.demo`)));
    return callerFor(h, { id: user!.id, email: user!.email }, { id: fed!.id, slug, rootUnitId: '' });
  };

  it('seeds three federations and the agreements once, idempotently', async () => {
    expect(firstRun).toBe('seeded hangzhou, ningbo, shaoxing, agreements, mechanisms');
    expect(await seedDemo(h.t.db, h.env)).toBe('already present');
    const hz = await callerOf('hangzhou', 'admin');
    const home = await hz.federation.home();
    // 300 generated members, and the front desk's traveller@hangzhou.demo (travellers.ts)
    expect(home.counts.members).toBe(301);
    const list = await hz.agreement.list();
    expect(list.map((a) => [a.title, a.status]).sort()).toEqual(
      [
        [HANGYONG_TITLE, 'active'],
        ['杭州市总工会 绍兴市总工会 杭绍同城化工会合作协议', 'negotiating'],
      ].sort(),
    );
    const nb = await callerOf('ningbo', 'lead');
    const hangyong = (await nb.agreement.list()).find((a) => a.title === HANGYONG_TITLE)!;
    expect(hangyong.status).toBe('active');
    expect(await nb.agreement.verify({ id: hangyong.id })).toMatchObject({ matches: true, signaturesMatch: true });
  }, 120_000);

  it('gives the 杭甬 agreement liaison pairs at every level with both sides filled in, and joint meetings (the README promises them)', async () => {
    const nb = await callerOf('ningbo', 'officer');
    const g = (await nb.agreement.list()).find((a) => a.title === HANGYONG_TITLE)!;
    const pairs = await nb.liaison.list({ agreementId: g.id });
    expect(pairs.map((p) => p.level).sort()).toEqual(['department', 'district', 'industry', 'vice_chair']);
    for (const p of pairs) expect(p.contacts.every((c) => c.contactName !== '')).toBe(true);
    const meetings = await nb.meeting.list({ agreementId: g.id });
    expect(meetings.map((m) => [m.status, m.hostSlug]).sort()).toEqual([
      ['held', 'hangzhou'],
      ['planned', 'ningbo'],
    ]);
  });

  it('never shows the 杭甬 agreement to shaoxing', async () => {
    const sx = await callerOf('shaoxing', 'admin');
    const titles = (await sx.agreement.list()).map((a) => a.title);
    expect(titles).not.toContain(HANGYONG_TITLE);
    expect(titles).toHaveLength(1);
    for (const slug of ['hangzhou', 'ningbo', 'shaoxing']) expect((await (await callerOf(slug, 'admin')).audit.verify()).ok).toBe(true);
  });

  it('has an officer limited to 上城区, made by a scoped invitation, who lists only that district’s members', async () => {
    const admin = await callerOf('hangzhou', 'admin');
    const row = (await admin.staff.list()).find((s) => s.email === 'district@hangzhou.demo')!;
    expect(row).toMatchObject({ roles: ['officer'], orgUnit: { name: '上城区总工会' } });
    expect((await admin.staff.invitations()).find((i) => i.email === 'district@hangzhou.demo')).toMatchObject({ status: 'accepted', orgUnit: { name: '上城区总工会' } });
    const scoped = await callerOf('hangzhou', 'district');
    const mine = await scoped.member.list({ pageSize: 200 });
    const all = await admin.member.list({ pageSize: 200, orgUnitId: row.orgUnit!.id });
    expect(mine.total).toBe(all.total);
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan((await admin.member.list({ pageSize: 1 })).total);
  });
});
