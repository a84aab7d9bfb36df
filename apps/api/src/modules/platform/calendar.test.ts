import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeUser, type Harness } from '../../test/harness.ts';
import { makeRightsWorld, referredCase, type RightsWorld } from '../rights/rights.testkit.ts';
import { createOperator } from './operator.write.ts';

// The national calendar for a year the calendar package does not know (issue 11): the operator
// enters the State Council's notice, and every federation's clocks count those days from then on;
// the rights desk says which years are still unknown.

describe('the national calendar entered by the platform operator', () => {
  let h: Harness;
  let w: RightsWorld;
  let operator: Awaited<ReturnType<typeof callerFor>>;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeRightsWorld(h);
    const user = await makeUser(h);
    await createOperator(h.t.db, { email: user.email, displayName: '省总信息中心' }, h.now());
    operator = await callerFor(h, user, null);
  }, 120_000);
  afterAll(() => h.close());

  it('names the years it knows and does not; refuses a slip in the notice; counts the entered holiday in every clock', async () => {
    h.setNow(new Date('2026-12-31T02:00:00Z')); // Thursday 31 December 10:00 in China
    const before = await operator.platform.calendar();
    expect(before.map((y) => [y.year, y.source])).toEqual([
      [2025, 'package'],
      [2026, 'package'],
      [2027, 'unknown'],
    ]);
    expect((await w.nbCw.rightsSla.get()).unknownYears).toEqual([2027]);
    // only the operator enters it
    await expectCode(w.nbAdmin.platform.setCalendarYear({ year: 2027, days: [] }), 'FORBIDDEN');
    // slips in the notice are refused whole, each line named: another year, a day twice, a make-up day on a weekday
    const slip = await operator.platform
      .setCalendarYear({
        year: 2027,
        days: [
          { day: '2028-01-01', work: false, name: '元旦' },
          { day: '2027-01-01', work: false, name: '元旦' },
          { day: '2027-01-01', work: false, name: '元旦' },
          { day: '2027-02-17', work: true, name: '春节调休' },
        ],
      })
      .then(
        () => null,
        (e: { cause?: { code?: string; details?: { fields?: Record<string, string> } } }) => e.cause,
      );
    expect(slip?.code).toBe('BAD_INPUT');
    expect(Object.keys(slip?.details?.fields ?? {}).sort()).toEqual(['days.0.day', 'days.2.day', 'days.3.day']);
    expect((await operator.platform.calendar()).find((y) => y.year === 2027)?.source).toBe('unknown');

    const { referral } = await referredCase(w);
    await operator.platform.setCalendarYear({ year: 2027, days: [{ day: '2027-01-01', work: false, name: '元旦' }] });
    const entered = (await operator.platform.calendar()).find((y) => y.year === 2027)!;
    expect(entered).toMatchObject({ source: 'entered', days: [{ day: '2027-01-01', work: false, name: '元旦' }] });
    expect((await w.nbCw.rightsSla.get()).unknownYears).toEqual([]);
    // Monday 4 January 10:00: Thursday's 14 hours and Monday's 10 count; New Year's Day and the weekend do not
    h.setNow(new Date('2027-01-04T02:00:00Z'));
    const accept = (await w.nbCw.referral.get({ id: referral.id })).clocks.find((c) => c.kind === 'accept')!;
    expect(accept.elapsedDays).toBeCloseTo(1, 1);
    // a closure cannot be set on the entered holiday: it is no working day already
    h.setNow(new Date('2026-12-31T02:00:00Z'));
    await expectCode(w.nbAdmin.rightsSla.addClosure({ day: '2027-01-01', reason: '闭馆' }), 'BAD_INPUT');
    // each entry is on the platform's chain
    const audit = (await operator.platform.audit()).filter((e) => e.type === 'platform.calendar_set');
    expect(audit).toHaveLength(1);
  });
});
