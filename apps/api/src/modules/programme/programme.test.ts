import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { runPlaceOffers } from '../place/index.ts';
import { countAttendance, splitSeats } from './programme.rules.ts';
import { makeMembers, makeOpenSession, makeProgrammeWorld, registerFor, TODAY, type ProgrammeWorld, type TestMember } from './programme.testkit.ts';
import { readTicket, ticketToken } from './ticket.crypto.ts';

// Joint programmes end to end through the API: events under the agreement, seats per city on the
// places engine, registration with consent and idempotency, waitlist promotion, check-in,
// attendance, the learning record, reschedule and cancellation.

describe('seat and attendance rules', () => {
  it('splits a session evenly per city within its capacity', () => {
    expect(splitSeats(10, 100, ['a', 'b'])).toEqual([{ partyTenantId: 'a', units: 5 }, { partyTenantId: 'b', units: 5 }]);
    expect(splitSeats(300, 100, ['a', 'b'])).toEqual([{ partyTenantId: 'a', units: 100 }, { partyTenantId: 'b', units: 100 }]);
    expect(splitSeats(7, 100, ['a', 'b']).map((s) => s.units)).toEqual([3, 3]);
  });
  it("gives each city its own seats when the capacity holds them, else an even part at most", () => {
    expect(splitSeats(8, { a: 3, b: 5 }, ['a', 'b']).map((s) => s.units)).toEqual([3, 5]);
    expect(splitSeats(10, { a: 3, b: 10 }, ['a', 'b']).map((s) => s.units)).toEqual([3, 5]);
    expect(splitSeats(10, { a: 3 }, ['a', 'b']).map((s) => s.units)).toEqual([3, 0]);
  });
  it('counts 场次, 人次 and 人数: a member once however many sessions', () => {
    const c = countAttendance([
      { sessionId: 's1', homeTenantId: 'nb', memberId: 'm1' },
      { sessionId: 's2', homeTenantId: 'nb', memberId: 'm1' },
      { sessionId: 's2', homeTenantId: 'hz', memberId: 'm2' },
    ]);
    expect(c).toMatchObject({ sessionsHeld: 2, attendances: 3, people: 2 });
    expect(c.perCity.find((x) => x.tenantId === 'nb')).toEqual({ tenantId: 'nb', attendances: 2, people: 1 });
  });
  it('signs tickets: a forged or altered code reads as nothing', () => {
    const key = Buffer.alloc(32, 7);
    const id = '0b7c3a2e-6f1d-4a5b-9c8d-1e2f3a4b5c6d';
    expect(readTicket(key, ticketToken(key, id))).toBe(id);
    expect(readTicket(Buffer.alloc(32, 8), ticketToken(key, id))).toBeNull();
    expect(readTicket(key, ticketToken(key, id).replace('0b7c', '0b7d'))).toBeNull();
  });
});

describe('joint programmes', () => {
  let h: Harness;
  let w: ProgrammeWorld;
  let nbm: TestMember[];
  let hzm: TestMember[];

  beforeAll(async () => {
    h = await createHarness();
    w = await makeProgrammeWorld(h);
  });
  // members of their own for each test: one test's tickets are never another's
  beforeEach(async () => {
    h.setNow(TODAY);
    nbm = await makeMembers(h, w.nb, 6);
    hzm = await makeMembers(h, w.hz, 3);
  });
  afterAll(() => h.close());

  it('creates an event with the clause’s seats per city, visible to the co-host once published', async () => {
    const draft = await w.hzStaff.programme.event.create({ agreementId: w.agreementId, kind: 'study', title: '学习会', topic: '党的二十大精神', speakers: [], description: '', releaseHours: 48 });
    expect(draft.seatsPerCity).toBe(100);
    expect(draft.status).toBe('draft');
    expect((await w.nbStaff.programme.list()).map((e) => e.id)).not.toContain(draft.id);
    await expectCode(w.nbStaff.programme.get({ id: draft.id }), 'NOT_FOUND');
    await w.hzStaff.programme.event.step({ id: draft.id, to: 'published', rowVersion: draft.rowVersion });
    const seen = await w.nbStaff.programme.get({ id: draft.id });
    expect(seen).toMatchObject({ own: false, status: 'published' });
    await expectCode(w.nbStaff.programme.event.step({ id: draft.id, to: 'open', rowVersion: seen.rowVersion }), 'FORBIDDEN');
    await expectCode(w.hzStaff.programme.event.step({ id: draft.id, to: 'held', rowVersion: seen.rowVersion }), 'PROGRAMME_STATE');
  });

  it('registers a partner member with consent, idempotently, on their city’s share; waitlists when it is full; promotes on cancel', async () => {
    const { sessionId } = await makeOpenSession(w, { capacity: 4 });
    await expectCode(registerFor(nbm[0]!, sessionId, { consent: false }), 'CONSENT_REQUIRED');
    const first = await registerFor(nbm[0]!, sessionId);
    expect(first.created).toBe(true);
    expect(first.ticket).toMatchObject({ status: 'registered', onShare: true });
    expect(first.ticket.token).toMatch(/^pt1\./);
    const again = await registerFor(nbm[0]!, sessionId);
    expect(again).toMatchObject({ created: false, ticket: { id: first.ticket.id } });
    // a home member needs no consent
    expect((await registerFor(hzm[0]!, sessionId, { consent: false })).ticket.status).toBe('registered');
    expect((await registerFor(nbm[1]!, sessionId)).ticket.status).toBe('registered');
    const waiting = await registerFor(nbm[2]!, sessionId);
    expect(waiting.ticket).toMatchObject({ status: 'waitlisted', token: null, waitlistPosition: 1 });
    const detail = await w.hzStaff.programme.get({ id: first.ticket.eventId });
    expect(detail.sessionList[0]!.shares.map((s) => [s.units, s.taken]).sort()).toEqual([
      [2, 1],
      [2, 2],
    ]);
    // the member cancels: the seat is held for the waiting Ningbo member, who is told and confirms it
    await nbm[1]!.caller.programme.registration.cancel({ id: (await nbm[1]!.caller.programme.registration.mine())[0]!.id, reason: '' });
    const offered = (await nbm[2]!.caller.programme.registration.mine())[0]!;
    expect(offered).toMatchObject({ status: 'offered', token: null });
    expect(Math.abs(Date.parse(offered.offerExpiresAt!) - (h.now().getTime() + 12 * 3_600_000))).toBeLessThan(5_000);
    expect(JSON.stringify(await nbm[2]!.caller.notification.list())).toContain('候补已轮到您');
    const promoted = await nbm[2]!.caller.programme.registration.acceptOffer({ id: offered.id });
    expect(promoted).toMatchObject({ status: 'registered', offerExpiresAt: null });
    expect(promoted.token).toMatch(/^pt1\./);
    // a member sees only their own tickets; another member's id answers NOT_FOUND
    expect((await nbm[0]!.caller.programme.registration.mine()).map((t) => t.memberId)).toEqual([nbm[0]!.id]);
    await expectCode(nbm[3]!.caller.programme.registration.cancel({ id: first.ticket.id, reason: '' }), 'NOT_FOUND');
  });

  it('checks a ticket in once; refuses a replay at another session, a forged code and a cancelled registration', async () => {
    const a = await makeOpenSession(w, { capacity: 10 });
    const b = await makeOpenSession(w, { capacity: 10 });
    const t = (await registerFor(nbm[3]!, a.sessionId)).ticket;
    const scan = (sessionId: string, token: string) => w.hzStaff.programme.session.checkIn({ sessionId, token });
    expect(await scan(a.sessionId, t.token!)).toMatchObject({ outcome: 'checked_in', memberName: '会员3' });
    expect(await scan(a.sessionId, t.token!)).toMatchObject({ outcome: 'already' });
    await expectCode(scan(b.sessionId, t.token!), 'TICKET_INVALID');
    await expectCode(scan(a.sessionId, `${t.token!.slice(0, -2)}AA`), 'TICKET_INVALID');
    await expectCode(w.nbStaff.programme.session.checkIn({ sessionId: a.sessionId, token: t.token! }), 'FORBIDDEN');
    const c = (await registerFor(nbm[4]!, a.sessionId)).ticket;
    await w.nbStaff.programme.registration.cancel({ id: c.id, reason: '临时有事' });
    await expectCode(scan(a.sessionId, c.token!), 'TICKET_INVALID');
    // the same member at a second session: 人次 2, 人数 1; the learning record lists both
    const t2 = (await registerFor(nbm[3]!, b.sessionId)).ticket;
    await scan(b.sessionId, t2.token!);
    const hzFigures = await w.hzStaff.programme.event.attendance({ id: a.eventId });
    expect(hzFigures).toMatchObject({ sessionsHeld: 1, attendances: 1, people: 1 });
    const record = await nbm[3]!.caller.programme.registration.learning();
    expect(record.sessions).toBe(2);
    expect(record.creditHours).toBe(4);
    expect(record.topics).toEqual(['工匠精神']);
    expect((await nbm[4]!.caller.programme.registration.learning()).sessions).toBe(0);
    const file = await w.hzStaff.programme.event.attendanceXlsx({ id: a.eventId });
    expect(file.filename).toMatch(/\.xlsx$/);
  });

  it('reschedules with seats kept and everyone told; cancels a session with seats freed and everyone told', async () => {
    const s = await makeOpenSession(w, { capacity: 6 });
    await registerFor(nbm[5]!, s.sessionId);
    await registerFor(hzm[1]!, s.sessionId, { consent: false });
    const before = (await w.hzStaff.programme.get({ id: s.eventId })).sessionList[0]!;
    const moved = await w.hzStaff.programme.session.reschedule({ id: s.sessionId, startsAt: '2026-12-12T14:00:00+08:00', endsAt: '2026-12-12T16:00:00+08:00', rowVersion: before.rowVersion });
    expect(moved.sessionList[0]).toMatchObject({ rescheduled: true, free: 4, startsAt: '2026-12-12T06:00:00.000Z' });
    expect((await nbm[5]!.caller.programme.registration.mine()).find((t) => t.sessionId === s.sessionId)?.status).toBe('registered');
    expect(JSON.stringify(await nbm[5]!.caller.notification.list())).toContain('活动场次改期');
    const cancelled = await w.hzStaff.programme.session.cancel({ id: s.sessionId, reason: '场地检修' });
    expect(cancelled.sessionList[0]).toMatchObject({ status: 'cancelled', free: 0 });
    expect((await nbm[5]!.caller.programme.registration.mine()).find((t) => t.sessionId === s.sessionId)).toMatchObject({ status: 'cancelled', token: null });
    expect(JSON.stringify(await hzm[1]!.caller.notification.list())).toContain('活动场次取消');
    const [pool] = await h.t.query<{ taken: number; shared: number; status: string }>(`select taken, shared, status from place_pool where id = $1`, [s.sessionId]);
    const [held] = await h.t.query<{ n: number }>(`select coalesce(sum(taken), 0)::int as n from place_share where pool_id = $1`, [s.sessionId]);
    expect(pool!.status).toBe('cancelled');
    expect(held!.n).toBe(0);
  });

  it('releases a city’s unused seats to the other city at the set time, exactly once', async () => {
    const s = await makeOpenSession(w, { capacity: 2, releaseHours: 24, startsAt: '2026-12-20T14:00:00+08:00' });
    expect((await registerFor(nbm[0]!, s.sessionId)).ticket.status).toBe('registered');
    expect((await registerFor(nbm[1]!, s.sessionId)).ticket.status).toBe('waitlisted');
    h.setNow(new Date('2026-12-19T07:00:00Z')); // 15:00 China, the day before: released
    const first = await runPlaceOffers(h.t.db, h.now(), h.env);
    const second = await runPlaceOffers(h.t.db, h.now(), h.env);
    expect(first.released).toContain(s.sessionId);
    expect(second.released).not.toContain(s.sessionId);
    // the seat is offered to the waiting member until 12 hours on (the session starts later than that plus 2 hours)
    const offer = (await nbm[1]!.caller.programme.registration.mine()).find((t) => t.sessionId === s.sessionId)!;
    expect(offer.status).toBe('offered');
    expect(Math.abs(Date.parse(offer.offerExpiresAt!) - Date.parse('2026-12-19T19:00:00.000Z'))).toBeLessThan(5_000);
    h.setNow(new Date('2026-11-21T02:00:00Z'));
    const [pool] = await h.t.query<{ taken: number; shared: number; capacity: number }>(`select taken, shared, capacity from place_pool where id = $1`, [s.sessionId]);
    expect(pool!.taken + pool!.shared).toBeLessThanOrEqual(pool!.capacity);
  });
});
