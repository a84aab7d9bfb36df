import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { makeMembers, makeOpenSession, makeProgrammeWorld, registerFor, type ProgrammeWorld, type TestMember } from './programme.testkit.ts';

// Feedback after a session (issue 10): an attendee rates it once from their phone; the host reads
// the averages and comments of both cities (never a name), the co-host its own members'.

describe('feedback on a programme session', () => {
  let h: Harness;
  let w: ProgrammeWorld;
  let hzm: TestMember[];
  let nbm: TestMember[];

  beforeAll(async () => {
    h = await createHarness();
    w = await makeProgrammeWorld(h);
    hzm = await makeMembers(h, w.hz, 2);
    nbm = await makeMembers(h, w.nb, 2);
  }, 120_000);
  afterAll(() => h.close());

  const attend = async (m: TestMember, sessionId: string) => {
    const { ticket } = await registerFor(m, sessionId);
    await w.hzStaff.programme.session.checkIn({ sessionId, token: ticket.token! });
    return ticket.id;
  };

  it('takes one rating per attendee and derives the averages; the co-host sees its own members’ only', async () => {
    const s = await makeOpenSession(w);
    const nb0 = await attend(nbm[0]!, s.sessionId);
    const hz0 = await attend(hzm[0]!, s.sessionId);
    expect(await nbm[0]!.caller.programme.registration.feedback({ id: nb0, rating: 5, comment: '劳模讲得很实在' })).toMatchObject({ rating: 5 });
    // a second rating changes nothing: the first stands
    expect(await nbm[0]!.caller.programme.registration.feedback({ id: nb0, rating: 1, comment: '' })).toMatchObject({ rating: 5, comment: '劳模讲得很实在' });
    await hzm[0]!.caller.programme.registration.feedback({ id: hz0, rating: 4, comment: '' });
    const host = await w.hzStaff.programme.event.feedback({ id: s.eventId });
    expect(host).toMatchObject({ count: 2, average: 4.5 });
    expect(host.sessions[0]).toMatchObject({ count: 2, average: 4.5 });
    expect(host.comments).toEqual([expect.objectContaining({ rating: 5, comment: '劳模讲得很实在', city: `${w.nb.slug.split('-')[0]}市总工会` })]);
    expect(JSON.stringify(host)).not.toContain('会员');
    expect(await w.nbStaff.programme.event.feedback({ id: s.eventId })).toMatchObject({ count: 1, average: 5 });
    // the member's ticket carries what they said
    const [ticket] = await nbm[0]!.caller.programme.registration.mine();
    expect(ticket).toMatchObject({ attended: true, feedback: { rating: 5 } });
  });

  it('refuses a registration not attended, someone else’s, and an outsider', async () => {
    const s = await makeOpenSession(w);
    const { ticket } = await registerFor(nbm[1]!, s.sessionId);
    await expectCode(nbm[1]!.caller.programme.registration.feedback({ id: ticket.id, rating: 3, comment: '' }), 'PROGRAMME_STATE');
    const hz1 = await attend(hzm[1]!, s.sessionId);
    await expectCode(nbm[1]!.caller.programme.registration.feedback({ id: hz1, rating: 3, comment: '' }), 'NOT_FOUND');
    await expectCode(w.sxStaff.programme.event.feedback({ id: s.eventId }), 'NOT_FOUND');
    await expectCode(nbm[1]!.caller.programme.registration.feedback({ id: ticket.id, rating: 6, comment: '' }), 'BAD_REQUEST');
    expect(await h.t.query(`select 1 from programme_feedback where event_id = $1`, [s.eventId])).toEqual([]);
  });
});
