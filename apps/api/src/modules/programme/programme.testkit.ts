import { randomUUID } from 'node:crypto';
import { callerFor, makeFederation, makeStaff, type Harness, type TestFederation } from '../../test/harness.ts';
import { active } from '../mechanism/mechanism.testkit.ts';
import { makeMembers, type Caller, type TestMember } from '../recuperation/recuperation.testkit.ts';

// A programmes world for tests: Hangzhou (host) and Ningbo (co-host) under an active agreement
// whose programme clause sets 100 seats per city, Shaoxing outside it; a Hangzhou venue, an open
// 劳模工匠宣讲 event with one session (capacity and seats per city as asked).

/** 2026-11-21 10:00 in China */
export const TODAY = new Date('2026-11-21T02:00:00Z');

export interface ProgrammeWorld {
  h: Harness;
  hz: TestFederation;
  nb: TestFederation;
  sx: TestFederation;
  hzStaff: Caller;
  nbStaff: Caller;
  sxStaff: Caller;
  agreementId: string;
  venueId: string;
}

export async function makeProgrammeWorld(h: Harness): Promise<ProgrammeWorld> {
  h.setNow(TODAY);
  const hz = await makeFederation(h, 'hz');
  const nb = await makeFederation(h, 'nb');
  const sx = await makeFederation(h, 'sx');
  const staff = ['admin', 'signatory', 'officer'] as const;
  const hzStaff = await callerFor(h, await makeStaff(h, hz, [...staff]), hz);
  const nbStaff = await callerFor(h, await makeStaff(h, nb, [...staff]), nb);
  const sxStaff = await callerFor(h, await makeStaff(h, sx, [...staff]), sx);
  const g = await active([hzStaff, nbStaff], [nb.slug]);
  const venue = await hzStaff.programme.venue.create({ name: '杭州工人文化宫', kind: 'palace', city: '杭州', address: '杭州市下城区环城北路', capacity: 300, facilities: ['报告厅'] });
  return { h, hz, nb, sx, hzStaff, nbStaff, sxStaff, agreementId: g.id, venueId: venue.id };
}

/** An open event of Hangzhou with one session on 2026-12-10 14:00 China time. */
export async function makeOpenSession(w: ProgrammeWorld, opts: { capacity?: number; seatsPerCity?: number; releaseHours?: number; startsAt?: string; homeApproval?: boolean } = {}) {
  const e = await w.hzStaff.programme.event.create({
    agreementId: w.agreementId,
    kind: 'lecture',
    title: `劳模工匠宣讲 ${randomUUID().slice(0, 4)}`,
    topic: '工匠精神',
    speakers: [{ name: '张师傅', title: '全国劳动模范' }],
    description: '',
    ...(opts.seatsPerCity !== undefined ? { seatsPerCity: opts.seatsPerCity } : {}),
    releaseHours: opts.releaseHours ?? 48,
    ...(opts.homeApproval ? { homeApproval: true } : {}),
  });
  const startsAt = opts.startsAt ?? '2026-12-10T14:00:00+08:00';
  const withSession = await w.hzStaff.programme.session.create({
    eventId: e.id,
    title: '第一场',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(),
    venueId: w.venueId,
    onlineUrl: null,
    capacity: opts.capacity ?? 10,
    creditHours: 2,
  });
  await w.hzStaff.programme.event.step({ id: e.id, to: 'published', rowVersion: withSession.rowVersion });
  const open = await w.hzStaff.programme.event.step({ id: e.id, to: 'open', rowVersion: withSession.rowVersion + 1 });
  return { eventId: e.id, sessionId: open.sessionList[0]!.id, event: open };
}

export const registerFor = (m: TestMember, sessionId: string, opts: { key?: string; consent?: boolean } = {}) =>
  m.caller.programme.registration.register({ sessionId, consent: opts.consent ?? true, idempotencyKey: opts.key ?? `k-${m.id}-${sessionId}` });

/** A member's own registration on an event that needs their home federation's approval (decision 0051). */
export const requestFor = (m: TestMember, sessionId: string, opts: { key?: string; consent?: boolean } = {}) =>
  m.caller.programme.request.submit({ sessionId, consent: opts.consent ?? true, idempotencyKey: opts.key ?? `r-${m.id}-${sessionId}` });

export { makeMembers, type TestMember };
