import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { makeRightsWorld, referredCase, type RightsWorld } from './rights.testkit.ts';

// Two Ningbo caseworkers act on the same referral at the same moment. On the PostgreSQL server
// (TEST_DATABASE_URL) these are real concurrent transactions on separate connections; on PGlite
// they interleave on one. Either way: one wins, the other gets STALE_VERSION, nothing is lost.

const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? ((r.reason as { cause?: { code?: string } }).cause?.code ?? 'unknown') : 'ok');

describe('when two caseworkers change one referral at once', () => {
  let h: Harness;
  let w: RightsWorld;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeRightsWorld(h);
  }, 60_000);
  afterAll(() => h.close());

  it('accept against return: exactly one wins, the other is told the referral changed', async () => {
    for (let round = 0; round < 5; round++) {
      const { referral } = await referredCase(w);
      const results = await Promise.allSettled([
        w.nbCw.referral.accept({ id: referral.id, rowVersion: 1 }),
        w.nbCw2.referral.return({ id: referral.id, rowVersion: 1, reason: '不属于本地管辖' }),
      ]);
      expect(results.map(codeOf).sort()).toEqual(['STALE_VERSION', 'ok']);
      const r = await w.hzCw.referral.get({ id: referral.id });
      expect(r.rowVersion).toBe(2);
      expect(r.events.map((e) => e.seq)).toEqual([1, 2]);
      const winner = results[0]!.status === 'fulfilled' ? 'accepted' : 'returned';
      expect(r.status).toBe(winner);
    }
  }, 60_000);

  it('both sides at once (Ningbo puts it on hold while Hangzhou records the worker’s withdrawal): both steps land in order, none lost', async () => {
    const { referral, consentId } = await referredCase(w);
    await w.nbCw.referral.accept({ id: referral.id, rowVersion: 1 });
    const results = await Promise.allSettled([
      w.nbCw.referral.hold({ id: referral.id, rowVersion: 2, reason: '等待材料' }),
      w.hzCw.rightsCase.withdrawConsent({ consentId, reason: '本人撤回' }),
    ]);
    expect(results.map(codeOf)).toEqual(['ok', 'ok']);
    const r = await w.hzCw.referral.get({ id: referral.id });
    expect(r.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(r.events.map((e) => e.type).slice(2).sort()).toEqual(['consent_withdrawn', 'hold']);
    expect(r.status).toBe('on_hold');
  }, 60_000);
});
