import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { idNumberFor } from '../member/member.testkit.ts';
import { makeMembers, makeOpenSession, makeProgrammeWorld, registerFor, type ProgrammeWorld, type TestMember } from './programme.testkit.ts';

// Walk-ins at the door (issue 10): recorded by the host by ID number or mobile, counted once per
// session and once across sessions, per city; the number itself never kept; registered people
// are sent to the ticket scan.

describe('walk-ins at a programme session', () => {
  let h: Harness;
  let w: ProgrammeWorld;
  let hzm: TestMember[];
  let nbm: TestMember[];

  beforeAll(async () => {
    h = await createHarness();
    w = await makeProgrammeWorld(h);
    hzm = await makeMembers(h, w.hz, 2);
    nbm = await makeMembers(h, w.nb, 1);
  }, 120_000);
  afterAll(() => h.close());

  it('counts a walk-in once per session and once across sessions, per city, keeping only the masked number', async () => {
    const a = await makeOpenSession(w);
    const b = await makeOpenSession(w);
    const walkIn = (sessionId: string, v: { home: 'host' | 'partner'; name: string; number: string }) => w.hzStaff.programme.session.walkIn({ sessionId, ...v });
    const stranger = idNumberFor(91_001, '330203');
    expect(await walkIn(a.sessionId, { home: 'partner', name: '陈路过', number: stranger })).toMatchObject({ outcome: 'recorded', name: '陈路过', masked: expect.stringMatching(/\*{8}/) });
    // the same person again at the same session: counted once
    expect(await walkIn(a.sessionId, { home: 'partner', name: '陈路过', number: stranger })).toMatchObject({ outcome: 'already', name: '陈路过' });
    // by mobile, from the host's city; and the first person again at the second session
    await walkIn(a.sessionId, { home: 'host', name: '周现场', number: '13912345678' });
    await walkIn(b.sessionId, { home: 'partner', name: '陈路过', number: stranger });
    // a host member by ID number is that member (one person with their ticket check-ins)
    await walkIn(a.sessionId, { home: 'host', name: '会员0', number: hzm[0]!.idNumber });

    const fig = await w.hzStaff.programme.event.attendance({ id: a.eventId });
    expect(fig).toMatchObject({ sessionsHeld: 1, attendances: 3, people: 3 });
    const nbFig = fig.perCity.find((c) => c.tenantId === w.nb.id)!;
    expect(nbFig).toMatchObject({ attendances: 1, people: 1 });
    // the co-host sees its own city's walk-ins
    expect(await w.nbStaff.programme.event.attendance({ id: a.eventId })).toMatchObject({ attendances: 1 });
    // nothing of the numbers is stored but their masked form and a keyed hash
    const stored = JSON.stringify(await h.t.query(`select * from programme_walk_in`));
    expect(stored).not.toContain(stranger);
    expect(stored).not.toContain('13912345678');
    const audit = JSON.stringify(await h.t.query(`select data from audit_event where type = 'programme.walk_in_recorded'`));
    expect(audit).not.toContain('陈路过');
  });

  it('sends a registered person to the ticket scan, and refuses bad input and anyone but the host', async () => {
    const s = await makeOpenSession(w);
    await registerFor(hzm[1]!, s.sessionId);
    await expectCode(w.hzStaff.programme.session.walkIn({ sessionId: s.sessionId, home: 'host', name: '会员1', number: hzm[1]!.idNumber }), 'WALK_IN_REGISTERED');
    await expectCode(w.hzStaff.programme.session.walkIn({ sessionId: s.sessionId, home: 'host', name: '号码有误', number: '12345' }), 'BAD_INPUT');
    // only the host records walk-ins; an outsider does not see the session at all
    await expectCode(w.nbStaff.programme.session.walkIn({ sessionId: s.sessionId, home: 'partner', name: '越权', number: '13900000008' }), 'FORBIDDEN');
    await expectCode(w.sxStaff.programme.session.walkIn({ sessionId: s.sessionId, home: 'partner', name: '越权', number: '13900000008' }), 'NOT_FOUND');
    expect(await h.t.query(`select 1 from programme_walk_in where session_id = $1`, [s.sessionId])).toEqual([]);
    void nbm;
  });
});
