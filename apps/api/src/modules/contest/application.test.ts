import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { AFTER_CLOSE, applyFor, enter, makeContest, makeContestants, makeContestWorld, makeEvent, memberCaller, TODAY, type Caller, type ContestWorld } from './contest.testkit.ts';

// Members apply from their phones (基层工会推荐 → 市总审核, decision 0033): their home federation's
// staff approve — taking an entrant place through the same engine claim as a staff registration,
// within the city's quota — or refuse with a reason the member is told; the member or the staff
// withdraw before the window closes, which frees the place.

describe('a member applies for a contest event and their federation decides', () => {
  let h: Harness;
  let w: ContestWorld;
  let contestId: string;
  // each test has an event of its own (quota 2 per city) and five Ningbo members with their logins
  let eventId: string;
  let nbMembers: string[];
  let m: Caller[];
  let trade = 0;

  const registered = async () => (await w.nbStaff.contest.get({ id: contestId })).events.find((e) => e.id === eventId)!.cities.find((c) => c.slug === w.nb.slug)!.registered;
  const share = async () => (await h.t.query<{ taken: number }>(`select taken from place_share where pool_id = $1 and party_tenant_id = $2`, [eventId, w.nb.id]))[0]!.taken;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeContestWorld(h);
    contestId = (await makeContest(w)).id;
  }, 120_000);
  afterAll(() => h.close());

  beforeEach(async () => {
    h.setNow(TODAY);
    eventId = (await makeEvent(w, contestId, { quotaPerCity: 2, trade: `工种${trade++}` })).id;
    nbMembers = await makeContestants(h, w.nb, 5);
    m = [];
    for (const id of nbMembers) m.push(await memberCaller(h, w.nb, id));
  }, 60_000);

  it('lists the open events of the member’s federation and takes an application once, with consent', async () => {
    h.setNow(TODAY);
    const open = (await m[0]!.contest.application.open()).find((e) => e.eventId === eventId)!;
    expect(open).toMatchObject({ minYearsInTrade: 2, applicationStatus: null, organiser: expect.any(String) });
    const key = `apply-${nbMembers[0]}`;
    const first = await applyFor(m[0]!, eventId, { key });
    expect(first).toMatchObject({ status: 'applied', memberName: expect.any(String), number: null, canWithdraw: true, contestTitle: expect.stringContaining('杭甬') });
    // a retry (same key), and a second application for the same event, answer the first
    expect((await applyFor(m[0]!, eventId, { key })).id).toBe(first.id);
    expect((await applyFor(m[0]!, eventId)).id).toBe(first.id);
    expect((await m[0]!.contest.application.mine()).map((a) => a.status)).toEqual(['applied']);
    expect((await m[0]!.contest.application.open()).find((e) => e.eventId === eventId)!.applicationStatus).toBe('applied');
    // nothing is held until the federation approves
    expect(await registered()).toBe(0);
    const consent = await h.t.query<{ consent_at: Date | string }>(`select consent_at from contest_application where id = $1`, [first.id]);
    expect(new Date(consent[0]!.consent_at).toISOString()).toBe(first.appliedAt);
  });

  it('refuses what the rules or the window refuse, and hides the event from the judging partner’s members', async () => {
    h.setNow(TODAY);
    await expectCode(applyFor(m[1]!, eventId, { yearsInTrade: 1 }), 'NOT_ELIGIBLE');
    const [young] = await makeContestants(h, w.nb, 1, '2010-01-01');
    await expectCode(applyFor(await memberCaller(h, w.nb, young!), eventId), 'NOT_ELIGIBLE');
    const [sxMember] = await makeContestants(h, w.sx, 1);
    const sx = await memberCaller(h, w.sx, sxMember!);
    expect(await sx.contest.application.open()).toEqual([]);
    await expectCode(applyFor(sx, eventId), 'NOT_FOUND');
    h.setNow(AFTER_CLOSE);
    await expectCode(applyFor(m[1]!, eventId), 'CONTEST_CLOSED');
    expect((await m[1]!.contest.application.open()).map((e) => e.eventId)).not.toContain(eventId);
    // a member is not staff: they neither list nor decide applications
    await expectCode(m[1]!.contest.application.list({}), 'FORBIDDEN');
  });

  it('approval takes a place on the same claim as staff registration, within the city quota; refusal tells the member', async () => {
    h.setNow(TODAY);
    const a0 = await applyFor(m[0]!, eventId);
    const a1 = await applyFor(m[1]!, eventId);
    const a2 = await applyFor(m[2]!, eventId);
    expect((await w.nbStaff.contest.application.list({ eventId, status: 'applied' })).map((a) => a.id).sort()).toEqual([a0.id, a1.id, a2.id].sort());
    // the organiser's staff see no other federation's applications
    expect(await w.hzStaff.contest.application.list({ eventId })).toEqual([]);
    await expectCode(w.hzStaff.contest.application.decide({ id: a1.id, decision: 'approve' }), 'NOT_FOUND');
    // one place by staff registration, one by approval: the quota of 2 is full
    await enter(w.nbStaff, eventId, nbMembers[3]!);
    const ok = await w.nbStaff.contest.application.decide({ id: a0.id, decision: 'approve' });
    expect(ok.status).toBe('approved');
    expect(await w.nbStaff.contest.application.decide({ id: a0.id, decision: 'approve' })).toEqual(ok);
    expect(await registered()).toBe(2);
    expect(await share()).toBe(2);
    await expectCode(w.nbStaff.contest.application.decide({ id: a1.id, decision: 'approve' }), 'QUOTA_EXHAUSTED');
    expect((await m[1]!.contest.application.mine())[0]!.status).toBe('applied');
    // the organiser's roster shows the approved entrant with the consent given on the phone
    const roster = await w.hzStaff.contest.registration.list({ eventId });
    expect(roster.map((r) => r.memberName).sort()).toEqual((await w.nbStaff.contest.registration.list({ eventId })).map((r) => r.memberName).sort());
    expect(roster).toHaveLength(2);
    // refusing needs a reason, and the member is told it
    await expectCode(w.nbStaff.contest.application.decide({ id: a1.id, decision: 'refuse', reason: '' }), 'BAD_REQUEST');
    const refused = await w.nbStaff.contest.application.decide({ id: a1.id, decision: 'refuse', reason: '本年度已参加市级竞赛' });
    expect(refused).toMatchObject({ status: 'refused', decisionReason: '本年度已参加市级竞赛', canWithdraw: false });
    await expectCode(w.nbStaff.contest.application.decide({ id: a1.id, decision: 'approve' }), 'CONTEST_STATE');
    const notices = (await m[1]!.notification.list()).items.filter((n) => n.kind === 'contest.application_refused');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain('本年度已参加市级竞赛');
    expect((await m[0]!.notification.list()).items.map((n) => n.kind)).toContain('contest.application_approved');
    // the staff's to-do list names the one still waiting
    expect(a2.status).toBe('applied');
  });

  it('withdrawal by the member or the staff before the window closes frees the place for the next', async () => {
    h.setNow(TODAY);
    const a0 = await applyFor(m[0]!, eventId);
    const a2 = await applyFor(m[2]!, eventId);
    await w.nbStaff.contest.application.decide({ id: a0.id, decision: 'approve' });
    await enter(w.nbStaff, eventId, nbMembers[3]!);
    expect(await share()).toBe(2);
    // another member cannot touch it
    await expectCode(m[2]!.contest.application.withdraw({ id: a0.id }), 'NOT_FOUND');
    const gone = await m[0]!.contest.application.withdraw({ id: a0.id });
    expect(gone).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    expect(await m[0]!.contest.application.withdraw({ id: a0.id })).toEqual(gone);
    expect(await registered()).toBe(1);
    expect(await share()).toBe(1);
    // the freed place goes to the next approval
    expect((await w.nbStaff.contest.application.decide({ id: a2.id, decision: 'approve' })).status).toBe('approved');
    expect(await share()).toBe(2);
    // staff withdraw an approved entry from the roster: its application follows and the member is told
    const reg = (await w.nbStaff.contest.registration.list({ eventId })).find((r) => r.memberName === a2.memberName)!;
    expect((await w.nbStaff.contest.registration.withdraw({ id: reg.id })).status).toBe('withdrawn');
    expect((await m[2]!.contest.application.mine())[0]!.status).toBe('withdrawn');
    expect((await m[2]!.notification.list()).items.map((n) => n.kind)).toContain('contest.entry_withdrawn');
    expect(await share()).toBe(1);
    // the organiser cannot withdraw another city's entry; after the window nobody can
    await expectCode(w.hzStaff.contest.registration.withdraw({ id: reg.id }), 'NOT_FOUND');
    const a3 = await applyFor(m[4]!, eventId);
    await w.nbStaff.contest.application.decide({ id: a3.id, decision: 'approve' });
    h.setNow(AFTER_CLOSE);
    await expectCode(m[4]!.contest.application.withdraw({ id: a3.id }), 'CONTEST_CLOSED');
    expect((await m[4]!.contest.application.mine())[0]).toMatchObject({ status: 'approved', canWithdraw: false });
    // every step is in the home federation's audit chain
    const audit = await h.t.query<{ type: string }>(`select type from audit_event where tenant_id = $1 and type like 'contest.appl%'`, [w.nb.id]);
    expect(new Set(audit.map((a) => a.type))).toEqual(new Set(['contest.applied', 'contest.application_decided', 'contest.application_withdrawn']));
  });
});
