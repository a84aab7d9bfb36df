import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { MONDAY, makeRightsWorld, referredCase, type RightsWorld } from './rights.testkit.ts';

// A federation's service levels (issue 11): the admin schedules a policy and closes the department
// on a day; the clocks, derived every time, follow — a closure stops every clock the federation
// owns, a policy applies only to clocks that start after it takes effect, and nothing that already
// counted can be changed.

const DAY = 86_400_000;

describe('service levels: policies from a date and closure days', () => {
  let h: Harness;
  let w: RightsWorld;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeRightsWorld(h);
  }, 120_000);
  afterAll(() => h.close());

  const acceptClock = async (id: string) => (await w.nbCw.referral.get({ id })).clocks.find((c) => c.kind === 'accept')!;

  it('a closure day today stops the performer’s running clocks, whatever policy they started under', async () => {
    h.setNow(MONDAY); // 2026-11-23 09:00 in China
    const { referral } = await referredCase(w);
    h.setNow(new Date(MONDAY.getTime() + DAY)); // Tuesday 09:00: a whole working day gone
    expect((await acceptClock(referral.id)).elapsedDays).toBe(1);
    // the referrer's closure is not the performer's: nothing changes
    await w.hzAdmin.rightsSla.addClosure({ day: '2026-11-24', reason: '杭州防台风停止办公' });
    expect((await acceptClock(referral.id)).elapsedDays).toBe(1);
    await w.nbAdmin.rightsSla.addClosure({ day: '2026-11-24', reason: '台风停止办公' });
    // Monday 09:00 to midnight counts; Tuesday does not
    expect((await acceptClock(referral.id)).elapsedDays).toBeCloseTo(0.625, 1);
    // the same day again (a second click, another admin) is one closure, audited once
    await w.nbAdmin.rightsSla.addClosure({ day: '2026-11-24', reason: '重复' });
    const levels = await w.nbCw.rightsSla.get();
    expect(levels.closures.filter((c) => c.day === '2026-11-24')).toEqual([{ day: '2026-11-24', reason: '台风停止办公', removable: false }]);
    expect(levels.canManage).toBe(false);
    const audit = await h.t.query(`select 1 from audit_event where tenant_id = $1 and type = 'rights.closure_added' and data->>'day' = '2026-11-24'`, [w.nb.id]);
    expect(audit).toHaveLength(1);
    // what has begun is kept: today's closure cannot be taken back
    await expectCode(w.nbAdmin.rightsSla.removeClosure({ day: '2026-11-24' }), 'BAD_INPUT');
  });

  it('refuses a closure day gone by, one that is no working day anyway, and one years ahead, with the field named', async () => {
    h.setNow(new Date(MONDAY.getTime() + DAY));
    const refused = async (day: string, message: RegExp) => {
      const err = await w.nbAdmin.rightsSla.addClosure({ day, reason: '闭馆' }).then(
        () => null,
        (e: { cause?: { code?: string; details?: { fields?: Record<string, string> } } }) => e.cause,
      );
      expect(err?.code).toBe('BAD_INPUT');
      expect(err?.details?.fields?.day).toMatch(message);
    };
    await refused('2026-11-23', /今天及以后/);
    await refused('2026-11-28', /本就不是工作日/); // a Saturday
    await refused('2026-10-05', /今天及以后/);
    await refused('2029-01-04', /两年以内/);
    await w.nbAdmin.rightsSla.addClosure({ day: '2026-12-01', reason: '集中培训' });
    expect((await w.nbCw.rightsSla.get()).closures.find((c) => c.day === '2026-12-01')?.removable).toBe(true);
    await w.nbAdmin.rightsSla.removeClosure({ day: '2026-12-01' });
    await expectCode(w.nbAdmin.rightsSla.removeClosure({ day: '2026-12-01' }), 'NOT_FOUND');
    expect((await w.nbCw.rightsSla.get()).closures.map((c) => c.day)).not.toContain('2026-12-01');
  });

  it('a policy takes effect from a later date and only for clocks that start under it', async () => {
    h.setNow(new Date(MONDAY.getTime() + DAY)); // Tuesday
    const { referral: before } = await referredCase(w);
    await expectCode(w.nbAdmin.rightsSla.setPolicy({ effectiveFrom: '2026-11-24', acceptDays: 2, respondDays: 5, resolveDays: 20, followUpDays: 1 }), 'BAD_INPUT');
    const { id } = await w.nbAdmin.rightsSla.setPolicy({ effectiveFrom: '2026-11-25', acceptDays: 2, respondDays: 5, resolveDays: 20, followUpDays: 1 });
    // replacing the scheduled one for the same date keeps one row
    await w.nbAdmin.rightsSla.setPolicy({ effectiveFrom: '2026-11-25', acceptDays: 1, respondDays: 5, resolveDays: 20, followUpDays: 1 });
    let levels = await w.nbCw.rightsSla.get();
    expect(levels.policies.map((p) => [p.effectiveFrom, p.acceptDays, p.state])).toEqual([['2026-11-25', 1, 'scheduled']]);
    expect(levels.defaults.acceptDays).toBe(3);
    // caseworkers read the levels but do not set them
    await expectCode(w.nbCw.rightsSla.setPolicy({ effectiveFrom: '2026-12-01', acceptDays: 9, respondDays: 9, resolveDays: 9, followUpDays: 9 }), 'FORBIDDEN');
    await expectCode(w.nbCw.rightsSla.addClosure({ day: '2026-12-02', reason: 'x' }), 'FORBIDDEN');
    h.setNow(new Date(MONDAY.getTime() + 2 * DAY)); // Wednesday: in force
    levels = await w.nbCw.rightsSla.get();
    expect(levels.policies.map((p) => p.state)).toEqual(['in_force']);
    await expectCode(w.nbAdmin.rightsSla.removePolicy({ id }), 'BAD_INPUT');
    const { referral: after } = await referredCase(w);
    expect((await acceptClock(before.id)).budgetDays).toBe(3);
    expect((await acceptClock(after.id)).budgetDays).toBe(1);
    // a scheduled one can be withdrawn
    const { id: later } = await w.nbAdmin.rightsSla.setPolicy({ effectiveFrom: '2027-01-04', acceptDays: 4, respondDays: 7, resolveDays: 30, followUpDays: 2 });
    await w.nbAdmin.rightsSla.removePolicy({ id: later });
    expect((await w.nbCw.rightsSla.get()).policies.map((p) => p.effectiveFrom)).toEqual(['2026-11-25']);
    const types = await h.t.query<{ type: string }>(
      `select type from audit_event where tenant_id = $1 and type like 'rights.sla_policy%' and data->>'effectiveFrom' in ('2026-11-25', '2027-01-04') order by entry`,
      [w.nb.id],
    );
    expect(types.map((t) => t.type)).toEqual(['rights.sla_policy_set', 'rights.sla_policy_set', 'rights.sla_policy_set', 'rights.sla_policy_removed']);
  });

  it('each federation sets only its own: another’s policy is NOT_FOUND, and its levels are its own', async () => {
    h.setNow(new Date(MONDAY.getTime() + DAY));
    const { id } = await w.nbAdmin.rightsSla.setPolicy({ effectiveFrom: '2027-03-01', acceptDays: 3, respondDays: 7, resolveDays: 30, followUpDays: 1 });
    await expectCode(w.hzAdmin.rightsSla.removePolicy({ id }), 'NOT_FOUND');
    await w.hzAdmin.rightsSla.addClosure({ day: '2026-12-03', reason: '杭州集中培训' });
    const hz = await w.hzCw.rightsSla.get();
    expect(hz.policies).toEqual([]);
    const own = await h.t.query<{ day: string }>(`select to_char(day, 'YYYY-MM-DD') as day from rights_closure_day where tenant_id = $1 order by day`, [w.hz.id]);
    expect(hz.closures.map((c) => c.day)).toEqual(own.map((r) => r.day));
    expect((await w.nbCw.rightsSla.get()).closures.map((c) => c.day)).not.toContain('2026-12-03');
    expect((await w.hzAdmin.rightsSla.get()).canManage).toBe(true);
    await w.nbAdmin.rightsSla.removePolicy({ id });
  });
});
