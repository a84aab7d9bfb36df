import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { makeMembers, makeOpenSession, makeProgrammeWorld, registerFor, requestFor, TODAY, type ProgrammeWorld, type TestMember } from './programme.testkit.ts';

// Registration with approval (DOMAIN §3.1; decision 0051): the host sets per event whether members'
// own registrations need their HOME federation's approval. A request holds no seat and is the home
// federation's alone; approval claims the seat as any registration does (or the waitlist), refusal
// tells the member why, the member may withdraw a waiting request; staff nominations skip it. Each
// test has its own event; on the server (TEST_DATABASE_URL) the parallel ones race for real.

describe('a registration that needs the home federation’s approval', () => {
  let h: Harness;
  let w: ProgrammeWorld;
  let nb: TestMember[];
  let next = 0;
  const members = (n: number) => {
    const out = nb.slice(next, next + n);
    next += n;
    return out;
  };

  const held = async (sessionId: string) =>
    (await h.t.query<{ n: number }>(`select count(*)::int as n from programme_registration where pool_id = $1 and status in ('offered', 'registered')`, [sessionId]))[0]!.n;
  const rows = async (sessionId: string) => (await h.t.query<{ n: number }>(`select count(*)::int as n from programme_registration where pool_id = $1`, [sessionId]))[0]!.n;
  const kinds = async (m: TestMember) => (await m.caller.notification.list()).items.map((n) => n.kind);

  beforeAll(async () => {
    h = await createHarness();
    w = await makeProgrammeWorld(h);
    nb = await makeMembers(h, w.nb, 40);
  }, 120_000);
  afterAll(() => h.close());

  it('with approval off a member registers at once, as before, and has nothing to ask for', async () => {
    h.setNow(TODAY);
    const { sessionId, event } = await makeOpenSession(w, { capacity: 10 });
    expect(event.homeApproval).toBe(false);
    const [a] = members(1);
    const r = await registerFor(a!, sessionId);
    expect(r.ticket.status).toBe('registered');
    await expectCode(requestFor(a!, sessionId), 'PROGRAMME_STATE');
    expect(await a!.caller.programme.request.mine()).toEqual([]);
  });

  it('the host sets it on the event; with it on a request holds no seat, and the host sees nothing of it', async () => {
    h.setNow(TODAY);
    const { sessionId, eventId, event } = await makeOpenSession(w, { capacity: 10 });
    const on = await w.hzStaff.programme.event.update({ id: eventId, rowVersion: event.rowVersion, kind: event.kind, title: event.title, topic: event.topic, speakers: event.speakers, description: event.description, releaseHours: event.releaseHours, homeApproval: true });
    expect(on.homeApproval).toBe(true);
    const [a] = members(1);
    // registering straight away is refused: it must be asked for
    await expectCode(registerFor(a!, sessionId), 'PROGRAMME_STATE');
    // the other city's host: the member's consent is needed as for a registration
    await expectCode(requestFor(a!, sessionId, { consent: false }), 'CONSENT_REQUIRED');
    const req = await requestFor(a!, sessionId, { key: `once-${a!.id}` });
    expect(req).toMatchObject({ status: 'applied', canWithdraw: true, registrationStatus: null, memberName: expect.any(String) });
    expect((await requestFor(a!, sessionId, { key: `once-${a!.id}` })).id).toBe(req.id);
    expect((await requestFor(a!, sessionId)).id).toBe(req.id);
    expect((await a!.caller.programme.request.mine()).map((r) => r.status)).toEqual(['applied']);
    expect(await rows(sessionId)).toBe(0);
    expect((await w.hzStaff.programme.get({ id: eventId })).sessionList[0]!.free).toBe(10);
    // the home staff list it; the host sees neither the request nor any registration
    expect((await w.nbStaff.programme.request.list({ eventId, status: 'applied' })).map((r) => r.id)).toEqual([req.id]);
    expect(await w.hzStaff.programme.request.list({ eventId })).toEqual([]);
    expect(await w.hzStaff.programme.session.registrations({ sessionId })).toEqual([]);
  });

  it('approval claims the seat on the same path; when the seats have gone it lands on the waitlist and says so', async () => {
    h.setNow(TODAY);
    const { sessionId } = await makeOpenSession(w, { capacity: 2, seatsPerCity: 1, homeApproval: true });
    const [a, b] = members(2);
    const ra = await requestFor(a!, sessionId);
    const rb = await requestFor(b!, sessionId);
    const ok = await w.nbStaff.programme.request.decide({ id: ra.id, decision: 'approve' });
    expect(ok).toMatchObject({ status: 'approved', registrationStatus: 'registered', canWithdraw: false });
    expect(await w.nbStaff.programme.request.decide({ id: ra.id, decision: 'approve' })).toEqual(ok);
    expect(await held(sessionId)).toBe(1);
    const ticket = (await a!.caller.programme.registration.mine()).find((t) => t.sessionId === sessionId)!;
    expect(ticket).toMatchObject({ status: 'registered', token: expect.any(String), nominated: false });
    expect(await kinds(a!)).toContain('programme.request_approved');
    // the city's one seat is taken: the next approval waits on the list
    const late = await w.nbStaff.programme.request.decide({ id: rb.id, decision: 'approve' });
    expect(late).toMatchObject({ status: 'approved', registrationStatus: 'waitlisted' });
    expect(await kinds(b!)).toContain('programme.request_waitlisted');
    expect(await held(sessionId)).toBe(1);
    // the host now sees them as registrations, shared with the consent given on the phone
    expect((await w.hzStaff.programme.session.registrations({ sessionId })).map((r) => r.status).sort()).toEqual(['registered', 'waitlisted']);
    const audit = await h.t.query<{ type: string }>(`select type from audit_event where tenant_id = $1 and entity_id = $2`, [w.nb.id, ra.id]);
    expect(audit.map((x) => x.type).sort()).toEqual(['programme.request_decided', 'programme.requested']);
  });

  it('refusal needs a reason, tells the member it, and holds nothing', async () => {
    h.setNow(TODAY);
    const { sessionId } = await makeOpenSession(w, { capacity: 10, homeApproval: true });
    const [a] = members(1);
    const r = await requestFor(a!, sessionId);
    await expectCode(w.nbStaff.programme.request.decide({ id: r.id, decision: 'refuse', reason: '' }), 'BAD_REQUEST');
    const refused = await w.nbStaff.programme.request.decide({ id: r.id, decision: 'refuse', reason: '本月已参加同类活动' });
    expect(refused).toMatchObject({ status: 'refused', decisionReason: '本月已参加同类活动', canWithdraw: false, registrationStatus: null });
    await expectCode(w.nbStaff.programme.request.decide({ id: r.id, decision: 'approve' }), 'PROGRAMME_STATE');
    await expectCode(a!.caller.programme.request.withdraw({ id: r.id }), 'PROGRAMME_STATE');
    expect(await rows(sessionId)).toBe(0);
    const notice = (await a!.caller.notification.list()).items.filter((n) => n.kind === 'programme.request_refused');
    expect(notice).toHaveLength(1);
    expect(notice[0]!.body).toContain('本月已参加同类活动');
    // refused, they may ask again
    expect((await requestFor(a!, sessionId, { key: `again-${a!.id}` })).status).toBe('applied');
  });

  it('the member withdraws a waiting request; nobody else’s member can; a withdrawn one is not approved', async () => {
    h.setNow(TODAY);
    const { sessionId } = await makeOpenSession(w, { capacity: 10, homeApproval: true });
    const [a, other] = members(2);
    const r = await requestFor(a!, sessionId);
    await expectCode(other!.caller.programme.request.withdraw({ id: r.id }), 'NOT_FOUND');
    const gone = await a!.caller.programme.request.withdraw({ id: r.id });
    expect(gone).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    expect(await a!.caller.programme.request.withdraw({ id: r.id })).toEqual(gone);
    await expectCode(w.nbStaff.programme.request.decide({ id: r.id, decision: 'approve' }), 'PROGRAMME_STATE');
    expect(await rows(sessionId)).toBe(0);
  });

  it('staff nominations are the home federation’s own: they skip approval', async () => {
    h.setNow(TODAY);
    const { sessionId } = await makeOpenSession(w, { capacity: 10, homeApproval: true });
    const [a] = members(1);
    expect(await w.nbStaff.programme.registration.nominate({ sessionId, memberIds: [a!.id], consentAttested: true })).toMatchObject({ registered: 1 });
    expect(await held(sessionId)).toBe(1);
    // registered already: nothing to ask for
    await expectCode(requestFor(a!, sessionId), 'PROGRAMME_STATE');
  });

  it('only the member’s home federation decides: the host’s and a third city’s staff find nothing', async () => {
    h.setNow(TODAY);
    const { sessionId } = await makeOpenSession(w, { capacity: 10, homeApproval: true });
    const [a] = members(1);
    const r = await requestFor(a!, sessionId);
    await expectCode(w.hzStaff.programme.request.decide({ id: r.id, decision: 'approve' }), 'NOT_FOUND');
    await expectCode(w.sxStaff.programme.request.decide({ id: r.id, decision: 'approve' }), 'NOT_FOUND');
    await expectCode(w.hzStaff.programme.request.withdraw({ id: r.id }), 'NOT_FOUND');
    // a member neither lists nor decides
    await expectCode(a!.caller.programme.request.list({}), 'FORBIDDEN');
    await expectCode(a!.caller.programme.request.decide({ id: r.id, decision: 'approve' }), 'FORBIDDEN');
    expect((await a!.caller.programme.request.mine())[0]!.status).toBe('applied');
  });

  it('two approvals at once make one registration', async () => {
    h.setNow(TODAY);
    const { sessionId } = await makeOpenSession(w, { capacity: 10, homeApproval: true });
    const [a] = members(1);
    const r = await requestFor(a!, sessionId);
    const out = await Promise.allSettled(Array.from({ length: 4 }, () => w.nbStaff.programme.request.decide({ id: r.id, decision: 'approve' })));
    expect(out.filter((x) => x.status === 'rejected')).toEqual([]);
    expect(new Set(out.map((x) => (x as PromiseFulfilledResult<{ status: string }>).value.status))).toEqual(new Set(['approved']));
    expect(await rows(sessionId)).toBe(1);
    expect(await held(sessionId)).toBe(1);
    const decided = await h.t.query<{ n: number }>(`select count(*)::int as n from audit_event where entity_id = $1 and type = 'programme.request_decided'`, [r.id]);
    expect(decided[0]!.n).toBe(1);
  });

  it('approval racing the member’s withdrawal ends in one consistent outcome', async () => {
    h.setNow(TODAY);
    const { sessionId } = await makeOpenSession(w, { capacity: 10, homeApproval: true });
    for (const a of members(4)) {
      const r = await requestFor(a, sessionId);
      const [approve, withdraw] = await Promise.allSettled([w.nbStaff.programme.request.decide({ id: r.id, decision: 'approve' }), a.caller.programme.request.withdraw({ id: r.id })]);
      // exactly one of them happened; the other was told the state had moved on
      expect([approve.status, withdraw.status].sort()).toEqual(['fulfilled', 'rejected']);
      const [row] = await h.t.query<{ status: string; registration_id: string | null }>(`select status, registration_id from programme_request where id = $1`, [r.id]);
      const regs = await h.t.query<{ n: number }>(`select count(*)::int as n from programme_registration where pool_id = $1 and member_id = $2`, [sessionId, a.id]);
      if (approve.status === 'fulfilled') expect([row!.status, regs[0]!.n]).toEqual(['approved', 1]);
      else expect([row!.status, row!.registration_id, regs[0]!.n]).toEqual(['withdrawn', null, 0]);
    }
  });
});
