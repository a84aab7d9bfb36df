import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../lib/dates.ts';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, TEST_PASSWORD, type Harness, type TestFederation } from '../test/harness.ts';
import { runAgreementExpiry } from './agreement.expiry.ts';
import type { Caller } from '../test/caller.ts';


/** 00:05 in China on that calendar date, when the daily job runs (still the day before in UTC) */
const chinaMorning = (date: string) => new Date(`${date}T00:05:00+08:00`);

describe('agreements.expiry job', () => {
  let h: Harness;
  let A: TestFederation, B: TestFederation;
  let a: Caller, b: Caller, bLead: Caller;

  beforeAll(async () => {
    h = await createHarness();
    [A, B] = [await makeFederation(h, 'hz'), await makeFederation(h, 'nb')];
    a = await callerFor(h, await makeStaff(h, A, ['admin', 'signatory']), A);
    b = await callerFor(h, await makeStaff(h, B, ['admin', 'signatory']), B);
    bLead = await callerFor(h, await makeStaff(h, B, ['lead']), B);
  });
  afterAll(() => h.close());

  /** an agreement both parties signed, in force until termEnd */
  async function activeUntil(termEnd: string) {
    const { id } = await a.agreement.create({ partySlugs: [B.slug], fromTemplate: 'twin-city-five-commons', termStart: '2024-01-01', termEnd });
    let g = await a.agreement.get({ id });
    await a.agreement.openNegotiation({ id, rowVersion: g.rowVersion });
    await a.agreement.sendForSignature({ id, rowVersion: (await a.agreement.get({ id })).rowVersion });
    g = await a.agreement.get({ id });
    for (const c of [a, b]) {
      await c.agreement.sign({ id, versionId: g.currentVersion.id, contentHash: g.currentVersion.contentHash!, password: TEST_PASSWORD, idempotencyKey: crypto.randomUUID() });
    }
    g = await a.agreement.get({ id });
    expect(g).toMatchObject({ status: 'active', termEnd });
    return g;
  }

  const run = (date: string) => runAgreementExpiry(h.t.db, chinaMorning(date), h.env);
  const notices = async (c: Caller, kind: string, id: string) => (await c.notification.list()).items.filter((n) => n.kind === kind && n.link?.endsWith(id));
  const outboxCount = async () => Number((await h.t.query<{ n: string }>(`select count(*) as n from outbox`))[0]!.n);

  describe('when the term has ended', () => {
    it('keeps an agreement whose term ends today and expires one whose term ended yesterday, once', async () => {
      const today = '2031-03-10';
      const endsToday = await activeUntil(today);
      const endedYesterday = await activeUntil(addDays(today, -1));

      const first = await run(today);
      expect(first.expired).toContain(endedYesterday.id);
      expect(first.expired).not.toContain(endsToday.id);
      expect((await a.agreement.get({ id: endsToday.id })).status).toBe('active');
      const expired = await b.agreement.get({ id: endedYesterday.id });
      expect(expired).toMatchObject({ status: 'expired', amendment: null });
      expect(expired.rowVersion).toBe(endedYesterday.rowVersion + 1);

      // audited to each party as a lifecycle step, and every party told
      for (const c of [a, b]) {
        const steps = (await c.audit.list({ limit: 50, type: 'agreement.step' })).items.filter((e) => e.entityId === endedYesterday.id && e.data.step === 'expire');
        expect(steps).toHaveLength(1);
        expect(steps[0]).toMatchObject({ actor: { kind: 'system' }, data: { from: 'active', to: 'expired' } });
        expect(await c.audit.verify()).toMatchObject({ ok: true });
        expect(await notices(c, 'agreement.expired', endedYesterday.id)).toHaveLength(1);
      }
      expect(await notices(bLead, 'agreement.expired', endedYesterday.id)).toHaveLength(1);

      const mails = await outboxCount();
      const second = await run(today);
      expect(second.expired).toEqual([]);
      expect(await outboxCount()).toBe(mails);
      expect(await notices(a, 'agreement.expired', endedYesterday.id)).toHaveLength(1);

      // a step prepared on the active agreement is refused now
      await expectCode(a.agreement.terminate({ id: endedYesterday.id, rowVersion: expired.rowVersion, reason: '到期后终止' }), 'INVALID_TRANSITION');
      // the day after its last day, the other one expires too
      expect((await run(addDays(today, 1))).expired).toContain(endsToday.id);
    });
  });

  describe('when the term ends within 30 days', () => {
    it('sends one expiring notice per party however often the job runs, and none earlier', async () => {
      const termEnd = '2032-06-30';
      const g = await activeUntil(termEnd);

      expect((await run(addDays(termEnd, -31))).noticed).not.toContain(g.id);
      expect(await notices(a, 'agreement.expiring', g.id)).toHaveLength(0);

      const mailsBefore = await outboxCount();
      expect((await run(addDays(termEnd, -30))).noticed).toContain(g.id);
      for (const c of [a, b, bLead]) {
        const n = await notices(c, 'agreement.expiring', g.id);
        expect(n).toHaveLength(1);
        expect(n[0]!.body).toContain(termEnd);
      }
      const mailsAfter = await outboxCount();
      expect(mailsAfter).toBe(mailsBefore + 3);

      for (const date of [addDays(termEnd, -30), addDays(termEnd, -10), termEnd]) {
        expect((await run(date)).noticed).not.toContain(g.id);
      }
      expect(await outboxCount()).toBe(mailsAfter);
      expect(await notices(b, 'agreement.expiring', g.id)).toHaveLength(1);
      expect((await a.agreement.get({ id: g.id })).status).toBe('active');
    });
  });
});
