import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { runRightsSla } from './sla.job.ts';
import { MONDAY, makeRightsWorld, referredCase, type RightsWorld } from './rights.testkit.ts';

// The hotline's hour clocks (issue 11, DOMAIN §3.2; docs/decisions/0055): a referral of a case that
// came in on 12351 runs dispatch (30 min), first response (2 h) and follow-up (24 h) in business
// hours besides the day clocks; the SLA pass warns and escalates each once; the admin sets the
// hours and the figures with the policy's effective date. The harness clock moves in real time
// from where it is set, so instants are compared with a minute's tolerance.

const MIN = 60_000;

describe('hour clocks of hotline referrals', () => {
  let h: Harness;
  let w: RightsWorld;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeRightsWorld(h);
  }, 120_000);
  afterAll(() => h.close());

  it('shows the hour clocks of a hotline referral to both sides, and none for a walk-in case', async () => {
    h.setNow(MONDAY); // Monday 23 November 2026, 09:00 in China: the office is open
    const { referral } = await referredCase(w);
    expect((await w.hzCw.referral.get({ id: referral.id })).hourClocks.map((c) => c.kind)).toEqual(['dispatch', 'first_response', 'hotline_follow_up']);
    h.setNow(new Date(MONDAY.getTime() + 10 * MIN));
    for (const caller of [w.hzCw, w.nbCw]) {
      const r = await caller.referral.get({ id: referral.id });
      const dispatch = r.hourClocks.find((c) => c.kind === 'dispatch')!;
      expect(dispatch).toMatchObject({ state: 'running', budgetMinutes: 30, breached: false, warning: false });
      expect(dispatch.elapsedMinutes).toBeGreaterThanOrEqual(9);
      expect(dispatch.elapsedMinutes).toBeLessThanOrEqual(11);
      // due about 09:30 China time (01:30 UTC)
      expect(Math.abs(Date.parse(dispatch.dueAt!) - Date.parse('2026-11-23T01:30:00Z'))).toBeLessThan(2 * MIN);
      expect(r.hourClocks.find((c) => c.kind === 'hotline_follow_up')).toMatchObject({ state: 'not_started', budgetMinutes: 1440 });
    }
    // the performer names a handler: dispatch stops; the first action stops the first response
    await w.nbCw.referral.accept({ id: referral.id, rowVersion: 1 });
    await w.nbCw.referral.start({ id: referral.id, rowVersion: 2, assignee: '张律师' });
    await w.nbCw.referral.action({ id: referral.id, rowVersion: 3, kind: 'call', date: '2026-11-23', note: '已电话联系当事人' });
    const r = await w.nbCw.referral.get({ id: referral.id });
    expect(r.hourClocks.find((c) => c.kind === 'dispatch')).toMatchObject({ state: 'stopped', breached: false });
    expect(r.hourClocks.find((c) => c.kind === 'first_response')).toMatchObject({ state: 'stopped', breached: false });
    // a walk-in case runs the day clocks only
    const walkIn = await referredCase(w, { source: 'walk_in' });
    const walkInDto = await w.nbCw.referral.get({ id: walkIn.referral.id });
    expect(walkInDto.hourClocks).toEqual([]);
    expect(walkInDto.clocks).toHaveLength(4);
  });

  it('warns of the dispatch 15 minutes before, escalates its breach to both sides once, however often and however many run it', async () => {
    h.setNow(MONDAY);
    const { referral } = await referredCase(w);
    const start = h.now();
    const mine = (r: Awaited<ReturnType<typeof runRightsSla>>) => r.alerted.filter((a) => a.referralId === referral.id);
    // 20 business minutes: dispatch has 10 left, a warning to Ningbo; first response (2 h) is far off
    const warnAt = new Date(start.getTime() + 20 * MIN);
    expect(mine(await runRightsSla(h.t.db, warnAt, h.env))).toEqual([{ referralId: referral.id, clock: 'dispatch', level: 'warning' }]);
    expect(mine(await runRightsSla(h.t.db, warnAt, h.env))).toEqual([]);
    // 40 minutes: breached, once even with two passes at the same moment
    const breachAt = new Date(start.getTime() + 40 * MIN);
    const runs = await Promise.all([runRightsSla(h.t.db, breachAt, h.env), runRightsSla(h.t.db, breachAt, h.env)]);
    expect(runs.flatMap(mine)).toEqual([{ referralId: referral.id, clock: 'dispatch', level: 'breach' }]);
    expect(mine(await runRightsSla(h.t.db, breachAt, h.env))).toEqual([]);
    const link = (n: { link: string | null }) => !!n.link?.endsWith(referral.id);
    const kinds = async (c: RightsWorld['hzCw']) => (await c.notification.list()).items.filter(link).map((n) => n.kind);
    expect((await kinds(w.nbCw)).filter((k) => k.startsWith('rights.hotline')).sort()).toEqual(['rights.hotline_breach', 'rights.hotline_warning']);
    expect((await kinds(w.nbAdmin)).filter((k) => k === 'rights.hotline_breach')).toHaveLength(1);
    expect((await kinds(w.hzCw)).filter((k) => k.startsWith('rights.hotline'))).toEqual(['rights.hotline_breach']);
    const notice = (await w.nbCw.notification.list()).items.find((n) => link(n) && n.kind === 'rights.hotline_breach')!;
    expect(`${notice.title} ${notice.body}`).toContain('热线派单');
    expect(notice.body).toContain('30 分钟');
    const [row] = await h.t.query<{ n: number }>(`select count(*)::int as n from rights_sla_alert where referral_id = $1 and clock = 'dispatch'`, [referral.id]);
    expect(row!.n).toBe(2);
  });

  it('counts a call at 17:20 on the business hours, not the clock: ten minutes that evening, the rest the next morning', async () => {
    const evening = new Date('2026-11-23T09:20:00Z'); // 17:20 in China
    h.setNow(evening);
    const { referral } = await referredCase(w);
    h.setNow(new Date('2026-11-23T15:00:00Z')); // 23:00 in China: closed since 17:30
    const dispatch = (await w.nbCw.referral.get({ id: referral.id })).hourClocks.find((c) => c.kind === 'dispatch')!;
    expect(dispatch.elapsedMinutes).toBeGreaterThanOrEqual(9);
    expect(dispatch.elapsedMinutes).toBeLessThanOrEqual(10);
    expect(dispatch.warning).toBe(false);
    // due at 08:50 on Tuesday (00:50 UTC), within a minute of the referral's real-time creation
    expect(Math.abs(Date.parse(dispatch.dueAt!) - Date.parse('2026-11-24T00:50:00Z'))).toBeLessThan(2 * MIN);
  });

  it('lets the admin set the business hours and the hour figures from a future date, and refuses ill-formed hours (the input is checked: BAD_REQUEST with the field)', async () => {
    h.setNow(MONDAY);
    await expectCode(w.sxCw.rightsSla.setPolicy({ effectiveFrom: '2026-12-01', acceptDays: 3, respondDays: 7, resolveDays: 30, followUpDays: 1, businessHours: ['12:00-08:30'] }), 'BAD_REQUEST');
    await expectCode(
      w.sxCw.rightsSla.setPolicy({ effectiveFrom: '2026-12-01', acceptDays: 3, respondDays: 7, resolveDays: 30, followUpDays: 1, businessHours: ['08:30-12:00', '11:00-17:00'] }),
      'BAD_REQUEST',
    );
    await expectCode(w.sxCw.rightsSla.setPolicy({ effectiveFrom: '2026-12-01', acceptDays: 3, respondDays: 7, resolveDays: 30, followUpDays: 1, dispatchMinutes: 0 }), 'BAD_REQUEST');
    await w.sxCw.rightsSla.setPolicy({
      effectiveFrom: '2026-12-01',
      acceptDays: 3,
      respondDays: 7,
      resolveDays: 30,
      followUpDays: 1,
      businessHours: ['09:00-12:00', '13:00-17:00'],
      dispatchMinutes: 20,
      firstResponseMinutes: 60,
      hotlineFollowUpMinutes: 480,
    });
    const levels = await w.sxCw.rightsSla.get();
    expect(levels.defaults).toMatchObject({ businessHours: ['08:30-12:00', '13:30-17:30'], dispatchMinutes: 30, firstResponseMinutes: 120, hotlineFollowUpMinutes: 1440 });
    expect(levels.policies.find((p) => p.effectiveFrom === '2026-12-01')).toMatchObject({
      state: 'scheduled',
      businessHours: ['09:00-12:00', '13:00-17:00'],
      dispatchMinutes: 20,
      firstResponseMinutes: 60,
      hotlineFollowUpMinutes: 480,
    });
    // a policy without the hour figures takes DOMAIN §3.2's
    await w.sxCw.rightsSla.setPolicy({ effectiveFrom: '2026-12-02', acceptDays: 3, respondDays: 7, resolveDays: 30, followUpDays: 1 });
    expect((await w.sxCw.rightsSla.get()).policies.find((p) => p.effectiveFrom === '2026-12-02')).toMatchObject({ dispatchMinutes: 30, businessHours: ['08:30-12:00', '13:30-17:30'] });
  });
});
