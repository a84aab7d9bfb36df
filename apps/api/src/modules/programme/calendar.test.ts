import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { makeMembers, makeOpenSession, makeProgrammeWorld, type ProgrammeWorld } from './programme.testkit.ts';

// The events calendar (活动日历, issue 10): the sessions between two China dates of the events the
// caller's federation sees — its own drafts too, the partner's only once published — optionally of
// one agreement; the range at most 62 days; members and non-parties see nothing of it.

describe('programme calendar', () => {
  let h: Harness;
  let w: ProgrammeWorld;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeProgrammeWorld(h);
  }, 120_000);
  afterAll(() => h.close());

  it('lists the sessions of a range by China date, the host’s drafts for the host only', async () => {
    // 2027-01-01 00:30 China time is still 2026-12-31 in UTC: it belongs to January's first day
    const { eventId, sessionId } = await makeOpenSession(w, { startsAt: '2027-01-01T00:30:00+08:00', capacity: 12 });
    const draft = await w.hzStaff.programme.event.create({ agreementId: w.agreementId, kind: 'study', title: '草稿学习会', topic: '新思想', speakers: [], description: '', releaseHours: 48 });
    const withSession = await w.hzStaff.programme.session.create({
      eventId: draft.id,
      title: '筹备场',
      startsAt: '2027-01-05T09:00:00+08:00',
      endsAt: '2027-01-05T11:00:00+08:00',
      venueId: null,
      onlineUrl: 'https://live.example.org/room/1',
      capacity: 50,
      creditHours: 2,
    });
    const hz = await w.hzStaff.programme.calendar({ from: '2027-01-01', to: '2027-01-31' });
    expect(hz.map((e) => e.sessionId)).toEqual([sessionId, withSession.sessionList[0]!.id]);
    expect(hz[0]).toMatchObject({ eventId, own: true, eventStatus: 'open', status: 'scheduled', capacity: 12, free: 12, venue: { name: '杭州工人文化宫' }, online: false });
    expect(hz[1]).toMatchObject({ eventStatus: 'draft', venue: null, online: true });
    // the day before holds nothing of it; the co-host sees the published event, not the draft
    expect(await w.hzStaff.programme.calendar({ from: '2026-12-31', to: '2026-12-31' })).toEqual([]);
    const nb = await w.nbStaff.programme.calendar({ from: '2027-01-01', to: '2027-01-31' });
    expect(nb.map((e) => e.sessionId)).toEqual([sessionId]);
    expect(nb[0]).toMatchObject({ own: false, host: hz[0]!.host });
  });

  it('filters by agreement, and shows a cancelled session as cancelled with no seats', async () => {
    const { eventId, sessionId } = await makeOpenSession(w, { startsAt: '2027-02-10T14:00:00+08:00' });
    await w.hzStaff.programme.session.cancel({ id: sessionId, reason: '场地检修' });
    const [entry] = await w.hzStaff.programme.calendar({ from: '2027-02-01', to: '2027-02-28', agreementId: w.agreementId });
    expect(entry).toMatchObject({ eventId, status: 'cancelled', free: 0 });
    expect(await w.hzStaff.programme.calendar({ from: '2027-02-01', to: '2027-02-28', agreementId: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
  });

  it('refuses a range over 62 days or backwards with a field message; members and non-parties get nothing', async () => {
    await expectCode(w.hzStaff.programme.calendar({ from: '2027-01-01', to: '2027-03-04' }), 'BAD_REQUEST');
    await expectCode(w.hzStaff.programme.calendar({ from: '2027-01-10', to: '2027-01-01' }), 'BAD_REQUEST');
    expect(await w.hzStaff.programme.calendar({ from: '2027-01-01', to: '2027-03-03' })).toBeInstanceOf(Array);
    const [member] = await makeMembers(h, w.nb, 1);
    await expectCode(member!.caller.programme.calendar({ from: '2027-01-01', to: '2027-01-31' }), 'FORBIDDEN');
    expect(await w.sxStaff.programme.calendar({ from: '2026-12-01', to: '2027-01-31' })).toEqual([]);
  });
});
