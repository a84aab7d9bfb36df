import { federations, withTenant } from '@uc/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type ServiceCtx } from '../../service.ts';
import { callerFor, createHarness, makeFederation, makeStaff, type Harness, type TestFederation } from '../../test/harness.ts';
import { createAgreement } from './agreement.write.ts';
import { agreementNumber, federationShortName } from './number.rules.ts';

// The agreement's human number (issue 16): 杭甬合〔2026〕1号, per initiating federation and year.
// On the PostgreSQL server (TEST_DATABASE_URL) the parallel creates race on separate connections.

describe('the agreement number', () => {
  let h: Harness;
  let A: TestFederation;
  let B: TestFederation;
  beforeAll(async () => {
    h = await createHarness();
    h.setNow(new Date('2026-03-02T02:00:00Z'));
    A = await makeFederation(h, 'hzn');
    B = await makeFederation(h, 'nbn');
    await h.t.db.update(federations).set({ shortName: '杭' }).where(eq(federations.id, A.id));
    await h.t.db.update(federations).set({ city: '宁波' }).where(eq(federations.id, B.id));
  });
  afterAll(() => h.close());

  it('is made of the parties’ short names, the year and the sequence', () => {
    expect(agreementNumber(['杭', '甬'], 2026, 1)).toBe('杭甬合〔2026〕1号');
    expect(federationShortName({ shortName: '', city: '宁波', nameZh: '宁波市总工会' })).toBe('甬');
    expect(federationShortName({ shortName: '', city: '湖州市', nameZh: '湖州市总工会' })).toBe('湖');
  });

  it('numbers parallel creates 1…n without a duplicate or a gap, even after a rolled-back create', async () => {
    const a = await callerFor(h, await makeStaff(h, A, ['admin', 'signatory']), A);
    const first = await a.agreement.get(await a.agreement.create({ partySlugs: [B.slug] }));
    expect(first.number).toBe('杭甬合〔2026〕1号');

    // a create that fails after taking its number gives the number back
    await expect(
      withTenant(h.t.db, A.id, async (tx) => {
        const ctx: ServiceCtx = { db: tx, tenantId: A.id, actor: { ...systemActor, roles: ['admin'] }, now: h.now(), locale: 'zh-CN', env: h.env };
        await createAgreement(ctx, { partySlugs: [B.slug], fromTemplate: 'blank' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    const made = await Promise.all(Array.from({ length: 12 }, () => a.agreement.create({ partySlugs: [B.slug], fromTemplate: 'blank' })));
    const numbers = (await a.agreement.list()).filter((g) => made.some((m) => m.id === g.id)).map((g) => g.number);
    expect(new Set(numbers).size).toBe(12);
    expect(numbers.map((n) => Number(/〕(\d+)号$/.exec(n)![1])).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));

    // a new year starts again at 1
    h.setNow(new Date('2027-01-05T02:00:00Z'));
    const next = await a.agreement.get(await a.agreement.create({ partySlugs: [B.slug], fromTemplate: 'blank' }));
    expect(next.number).toBe('杭甬合〔2027〕1号');
  }, 120_000);
});
