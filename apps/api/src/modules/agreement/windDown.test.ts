import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { bedCounts, bookFor, makeBatch, makeMembers, makeWorld, quotaRow, type TestMember, type World } from '../recuperation/recuperation.testkit.ts';
import { applyFor, makeContest, makeContestants, makeContestWorld, makeEvent, memberCaller as contestMemberCaller, TODAY as CONTEST_TODAY } from '../contest/contest.testkit.ts';
import { makeOpenSession, makeProgrammeWorld, registerFor } from '../programme/programme.testkit.ts';
import { runAgreementWindDown } from './index.ts';

// The wind-down of an ended agreement (issue 12, decision 0038): what is waiting is cancelled with a
// notice, what is confirmed is honoured, open joint items close with the reason, both parties are
// told — once per party, however many passes run, at once or again.

describe('when an agreement ends', () => {
  let h: Harness;
  let w: World;
  let batch: Awaited<ReturnType<typeof makeBatch>>;
  let confirmed: TestMember, requested: TestMember, waiting: TestMember;
  const mine = async (m: TestMember) => (await m.caller.recuperation.booking.mine()).find((x) => x.batch.id === batch.id)!;
  const items = (agreementId: string) => h.t.query<{ status: string; status_reason: string }>(`select status, status_reason from joint_item where agreement_id = $1`, [agreementId]);
  const windDownNotices = async (staff: World['hzStaff']) => (await staff.notification.list()).items.filter((n) => n.kind === 'agreement.wound_down');
  const terminate = async (staff: World['hzStaff'], id: string) => {
    const g = await staff.agreement.get({ id });
    await staff.agreement.terminate({ id, rowVersion: g.rowVersion, reason: '双方协商一致终止' });
  };

  beforeAll(async () => {
    h = await createHarness();
    w = await makeWorld(h);
    batch = await makeBatch(w, { capacity: 2 });
    [confirmed, requested, waiting] = (await makeMembers(h, w.nb, 3)) as [TestMember, TestMember, TestMember];
    for (const m of [confirmed, requested, waiting]) await bookFor(m, batch.id);
    const first = await mine(confirmed);
    await w.nbStaff.recuperation.booking.approve({ id: first.id, rowVersion: first.rowVersion });
    await w.hzStaff.recuperation.booking.confirm({ id: first.id });
  });
  afterAll(() => h.close());

  it('cancels the bookings still waiting, keeps the confirmed stay, closes open joint items and tells both parties once', async () => {
    expect((await mine(requested)).status).toBe('requested');
    expect((await mine(waiting)).status).toBe('waitlisted');
    const openBefore = (await items(w.agreementId)).filter((i) => i.status !== 'done' && i.status !== 'cancelled').length;
    expect(openBefore, 'the work plan made joint items').toBeGreaterThan(0);

    await terminate(w.hzStaff, w.agreementId);
    const r = await runAgreementWindDown(h.t.db, h.now(), h.env);
    expect(r.wound.sort()).toEqual([`${w.hz.id}:${w.agreementId}`, `${w.nb.id}:${w.agreementId}`].sort());

    // the confirmed stay goes ahead; the others are cancelled as agreement_ended and told
    expect(await mine(confirmed)).toMatchObject({ status: 'confirmed' });
    for (const m of [requested, waiting]) {
      expect(await mine(m)).toMatchObject({ status: 'cancelled', cancelKind: 'agreement_ended' });
      expect((await m.caller.notification.list()).items.map((n) => n.kind)).toContain('booking.agreement_ended');
    }
    // what they held went back: one bed and one place in use, the confirmed one's
    expect(await bedCounts(h, batch.id)).toMatchObject({ bedsTaken: 1, held: 1 });
    expect((await quotaRow(h, w.nb.id))!.used).toBe(1);
    // every open joint item is cancelled with the reason
    const after = await items(w.agreementId);
    expect(after.filter((i) => i.status !== 'done' && i.status !== 'cancelled')).toEqual([]);
    expect(after.filter((i) => i.status === 'cancelled').every((i) => i.status_reason === '合作协议已终止，项目随之关闭')).toBe(true);

    // each party's staff hear what was done for them
    const [nbNotice] = await windDownNotices(w.nbStaff);
    expect(nbNotice!.body).toContain('取消尚未确认的疗休养报名 2 个');
    const [hzNotice] = await windDownNotices(w.hzStaff);
    expect(hzNotice!.body).toContain(`关闭未完成的共建项目 ${openBefore} 个`);

    // a second pass does nothing again
    expect((await runAgreementWindDown(h.t.db, h.now(), h.env)).wound).toEqual([]);
    expect(await windDownNotices(w.nbStaff)).toHaveLength(1);

    // and nothing new is taken: the host's batch is no longer visible to the ended partner at all
    const [late] = await makeMembers(h, w.nb, 1);
    await expectCode(bookFor(late!, batch.id), 'NOT_FOUND');
  });

  it('winds each party down exactly once when several workers race', async () => {
    const other = await makeWorld(h);
    const b2 = await makeBatch(other, { capacity: 1 });
    const ms = await makeMembers(h, other.nb, 3);
    for (const m of ms) await bookFor(m, b2.id);
    await terminate(other.hzStaff, other.agreementId);
    const passes = await Promise.all(Array.from({ length: 4 }, () => runAgreementWindDown(h.t.db, h.now(), h.env)));
    const wound = passes.flatMap((p) => p.wound).filter((k) => k.endsWith(other.agreementId));
    expect(wound.sort()).toEqual([`${other.hz.id}:${other.agreementId}`, `${other.nb.id}:${other.agreementId}`].sort());
    expect(await windDownNotices(other.nbStaff)).toHaveLength(1);
    const rows = await h.t.query<{ n: number }>(`select count(*)::int as n from agreement_wind_down where agreement_id = $1`, [other.agreementId]);
    expect(rows[0]!.n).toBe(2);
    expect(await bedCounts(h, b2.id)).toMatchObject({ bedsTaken: 0, held: 0 });
  });
});

describe('when an agreement with joint programmes ends', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('cancels the partner members still waiting for a seat, and keeps those holding one', async () => {
    const w = await makeProgrammeWorld(h);
    const session = await makeOpenSession(w, { capacity: 4, seatsPerCity: 2 });
    const nbMembers = await makeMembers(h, w.nb, 4);
    for (const m of nbMembers) await registerFor(m, session.sessionId);
    const statuses = async () => (await h.t.query<{ status: string }>(`select status from programme_registration where pool_id = $1 order by status`, [session.sessionId])).map((r) => r.status);
    expect(await statuses()).toEqual(['registered', 'registered', 'waitlisted', 'waitlisted']);

    const g = await w.hzStaff.agreement.get({ id: w.agreementId });
    await w.hzStaff.agreement.terminate({ id: w.agreementId, rowVersion: g.rowVersion, reason: '双方协商一致终止' });
    await runAgreementWindDown(h.t.db, h.now(), h.env);

    expect(await statuses()).toEqual(['cancelled', 'cancelled', 'registered', 'registered']);
    const told = await Promise.all(nbMembers.map(async (m) => (await m.caller.notification.list()).items.find((n) => n.kind === 'programme.registration_cancelled')?.body ?? null));
    expect(told.filter(Boolean)).toHaveLength(2);
    expect(told.find(Boolean)).toContain('原因：两地合作协议已结束。');
    const [hzNotice] = (await w.hzStaff.notification.list()).items.filter((n) => n.kind === 'agreement.wound_down');
    expect(hzNotice!.body).toContain('取消对方会员候补中的活动报名 2 个');
  });
});

describe('when an agreement with a joint contest ends', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('returns the applications still awaiting the home federation’s decision, with the reason, and keeps the entries made', async () => {
    h.setNow(CONTEST_TODAY);
    const w = await makeContestWorld(h);
    const contestId = (await makeContest(w)).id;
    const eventId = (await makeEvent(w, contestId, { quotaPerCity: 3 })).id;
    const ids = await makeContestants(h, w.nb, 3);
    const members = await Promise.all(ids.map((id) => contestMemberCaller(h, w.nb, id)));
    const apps = [];
    for (const m of members) apps.push(await applyFor(m, eventId));
    await w.nbStaff.contest.application.decide({ id: apps[0]!.id, decision: 'approve', reason: '' });

    const g = await w.hzStaff.agreement.get({ id: w.agreementId });
    await w.hzStaff.agreement.terminate({ id: w.agreementId, rowVersion: g.rowVersion, reason: '双方协商一致终止' });
    await runAgreementWindDown(h.t.db, h.now(), h.env);

    const rows = await h.t.query<{ status: string; decision_reason: string | null }>(`select status, decision_reason from contest_application where event_id = $1 order by status`, [eventId]);
    expect(rows).toEqual([
      { status: 'approved', decision_reason: null },
      { status: 'refused', decision_reason: '两地合作协议已结束' },
      { status: 'refused', decision_reason: '两地合作协议已结束' },
    ]);
    const told = (await members[1]!.notification.list()).items.find((n) => n.kind === 'contest.application_refused');
    expect(told!.body).toContain('两地合作协议已结束');
    const [nbNotice] = (await w.nbStaff.notification.list()).items.filter((n) => n.kind === 'agreement.wound_down');
    expect(nbNotice!.body).toContain('退回待审核的竞赛报名 2 个');
  });
});
