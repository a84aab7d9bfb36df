import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { runPlaceOffers } from '../place/index.ts';
import { makeMembers, makeOpenSession, makeProgrammeWorld, registerFor, TODAY, type ProgrammeWorld, type TestMember } from './programme.testkit.ts';

// Timed offers on a programme waitlist (issue 10: "a waitlist with timed offers, as recuperation
// has"): a freed seat is held for the next waiting member for 12 hours, never later than two hours
// before the session; confirmed, it is a ticket; lapsed or declined, it goes to the next member.
// Too close to the start to ask, the next member is registered at once.

const HOUR = 3_600_000;
/** the harness clock moves on in real time: compare instants to the second */
const near = (iso: string | null, ms: number) => expect(Math.abs(Date.parse(iso ?? '') - ms)).toBeLessThan(5_000);

describe('programme waitlist offers', () => {
  let h: Harness;
  let w: ProgrammeWorld;
  let nbm: TestMember[];

  beforeAll(async () => {
    h = await createHarness();
    w = await makeProgrammeWorld(h);
  });
  beforeEach(async () => {
    h.setNow(TODAY);
    nbm = await makeMembers(h, w.nb, 4);
  });
  afterAll(() => h.close());

  /** A session with one Ningbo seat: nbm[0] holds it, nbm[1] and nbm[2] wait in that order. */
  async function fullSession(startsAt?: string) {
    const s = await makeOpenSession(w, { capacity: 2, ...(startsAt ? { startsAt } : {}) });
    const holder = (await registerFor(nbm[0]!, s.sessionId)).ticket;
    expect((await registerFor(nbm[1]!, s.sessionId)).ticket.status).toBe('waitlisted');
    expect((await registerFor(nbm[2]!, s.sessionId)).ticket.status).toBe('waitlisted');
    return { ...s, holder };
  }
  const ticketOf = async (m: TestMember, sessionId: string) => (await m.caller.programme.registration.mine()).find((t) => t.sessionId === sessionId)!;
  const seatsTaken = async (sessionId: string) => (await h.t.query<{ n: number }>(`select (p.taken + coalesce(sum(s.taken), 0))::int as n from place_pool p left join place_share s on s.pool_id = p.id where p.id = $1 group by p.taken`, [sessionId]))[0]!.n;

  it('passes a lapsed offer to the next member once, however often the job runs, and refuses a late confirmation', async () => {
    const s = await fullSession();
    await nbm[0]!.caller.programme.registration.cancel({ id: s.holder.id, reason: '' });
    const offer = await ticketOf(nbm[1]!, s.sessionId);
    expect(offer).toMatchObject({ status: 'offered', token: null });
    expect(await ticketOf(nbm[2]!, s.sessionId)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    // a member cannot confirm someone else's offer
    await expectCode(nbm[2]!.caller.programme.registration.acceptOffer({ id: offer.id }), 'NOT_FOUND');
    h.setNow(new Date(TODAY.getTime() + 13 * HOUR));
    const [first, second] = [await runPlaceOffers(h.t.db, h.now(), h.env), await runPlaceOffers(h.t.db, h.now(), h.env)];
    expect(first.expired).toContain(offer.id);
    expect(second.expired).not.toContain(offer.id);
    await expectCode(nbm[1]!.caller.programme.registration.acceptOffer({ id: offer.id }), 'PROGRAMME_STATE');
    expect(await ticketOf(nbm[1]!, s.sessionId)).toMatchObject({ status: 'cancelled', token: null });
    expect(JSON.stringify(await nbm[1]!.caller.notification.list())).toContain('候补席位已顺延');
    const next = await ticketOf(nbm[2]!, s.sessionId);
    expect(next.status).toBe('offered');
    near(next.offerExpiresAt, h.now().getTime() + 12 * HOUR);
    expect(await seatsTaken(s.sessionId)).toBe(1);
    // confirmed: a ticket; confirming again changes nothing
    const ticket = await nbm[2]!.caller.programme.registration.acceptOffer({ id: next.id });
    expect(ticket).toMatchObject({ status: 'registered' });
    expect(ticket.token).toMatch(/^pt1\./);
    expect((await nbm[2]!.caller.programme.registration.acceptOffer({ id: next.id })).status).toBe('registered');
    const audit = (await w.nbStaff.audit.list({ limit: 50, type: 'programme.offer_expired' })).items.filter((e) => e.entityId === offer.id);
    expect(audit).toHaveLength(0); // the lapse is the host's step, in the host's chain
    expect((await w.hzStaff.audit.list({ limit: 50, type: 'programme.offer_expired' })).items.filter((e) => e.entityId === offer.id)).toHaveLength(1);
  });

  it('passes a declined offer on at once', async () => {
    const s = await fullSession();
    await nbm[0]!.caller.programme.registration.cancel({ id: s.holder.id, reason: '' });
    const offer = await ticketOf(nbm[1]!, s.sessionId);
    await nbm[1]!.caller.programme.registration.cancel({ id: offer.id, reason: '' });
    expect(await ticketOf(nbm[2]!, s.sessionId)).toMatchObject({ status: 'offered' });
    expect(await seatsTaken(s.sessionId)).toBe(1);
  });

  it('ends an offer two hours before the session, and close to the start registers the next member at once', async () => {
    // the session starts 10 hours from now: the offer ends 8 hours from now, not 12
    const soon = await fullSession(new Date(TODAY.getTime() + 10 * HOUR).toISOString());
    await nbm[0]!.caller.programme.registration.cancel({ id: soon.holder.id, reason: '' });
    const offer = await ticketOf(nbm[1]!, soon.sessionId);
    expect(offer.status).toBe('offered');
    expect(offer.offerExpiresAt).toBe(new Date(TODAY.getTime() + 8 * HOUR).toISOString());
    // the session starts in 2 hours 20 minutes: no time to ask, the next member has the seat
    const now = await fullSession(new Date(TODAY.getTime() + 2 * HOUR + 20 * 60_000).toISOString());
    await nbm[0]!.caller.programme.registration.cancel({ id: now.holder.id, reason: '' });
    const promoted = await ticketOf(nbm[1]!, now.sessionId);
    expect(promoted).toMatchObject({ status: 'registered', offerExpiresAt: null });
    expect(promoted.token).toMatch(/^pt1\./);
    expect(JSON.stringify(await nbm[1]!.caller.notification.list())).toContain('候补转为报名成功');
  });
});
