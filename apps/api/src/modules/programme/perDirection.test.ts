import type { AgreementContent } from '@uc/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { amend } from '../mechanism/mechanism.testkit.ts';
import { makeMembers, makeProgrammeWorld, registerFor, type ProgrammeWorld } from './programme.testkit.ts';

// Seats per city by direction (issue 12): the programme clause gives Hangzhou's members 3 seats
// at each session and Ningbo's 5; each city's share of a session is its own figure, and a figure
// the host asks for both cities (event or session) may exceed neither.

const programmeSection = (c: AgreementContent) => c.commons.find((x) => x.kind === 'programme')!;

describe('seats per city when the two cities differ', () => {
  let h: Harness;
  let w: ProgrammeWorld;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeProgrammeWorld(h);
    await amend([w.hzStaff, w.nbStaff], w.agreementId, (c) => {
      programmeSection(c).figures = { seatsPerCity: 100, seatsPerCityByParty: { [w.hz.slug]: 3, [w.nb.slug]: 5 } };
    });
  }, 120_000);
  afterAll(() => h.close());

  const newEvent = (seatsPerCity?: number) =>
    w.hzStaff.programme.event.create({ agreementId: w.agreementId, kind: 'lecture', title: '劳模工匠宣讲', topic: '工匠精神', speakers: [], description: '', ...(seatsPerCity !== undefined ? { seatsPerCity } : {}), releaseHours: 48 });
  const addSession = (eventId: string, capacity: number, seatsPerCity?: number) =>
    w.hzStaff.programme.session.create({
      eventId,
      title: '第一场',
      startsAt: '2026-12-10T14:00:00+08:00',
      endsAt: '2026-12-10T16:00:00+08:00',
      venueId: w.venueId,
      onlineUrl: null,
      capacity,
      ...(seatsPerCity !== undefined ? { seatsPerCity } : {}),
      creditHours: 2,
    });
  const sharesOf = (s: { shares: { tenantId: string; units: number }[] }) => Object.fromEntries(s.shares.map((x) => [x.tenantId, x.units]));

  it("gives each city's share of a session its own figure: Hangzhou's 4th member waits, Ningbo's 5th is seated", async () => {
    const e = await newEvent();
    expect(Object.fromEntries(e.seatsByCity.map((c) => [c.tenantId, c.seats]))).toEqual({ [w.hz.id]: 3, [w.nb.id]: 5 });
    const withSession = await addSession(e.id, 8);
    const session = withSession.sessionList[0]!;
    expect(sharesOf(session)).toEqual({ [w.hz.id]: 3, [w.nb.id]: 5 });
    await w.hzStaff.programme.event.step({ id: e.id, to: 'published', rowVersion: withSession.rowVersion });
    await w.hzStaff.programme.event.step({ id: e.id, to: 'open', rowVersion: withSession.rowVersion + 1 });
    const hz = await makeMembers(h, w.hz, 4);
    const nb = await makeMembers(h, w.nb, 5);
    for (const m of hz.slice(0, 3)) expect((await registerFor(m, session.id)).ticket.status).toBe('registered');
    expect((await registerFor(hz[3]!, session.id)).ticket.status).toBe('waitlisted');
    for (const m of nb) expect((await registerFor(m, session.id)).ticket.status).toBe('registered');
  });

  it("refuses a figure for both cities above one city's own, for the event and for a session, and applies one within both to each", async () => {
    await expectCode(newEvent(4), 'BAD_INPUT');
    const e = await newEvent(3);
    expect(e.seatsByCity.map((c) => c.seats)).toEqual([3, 3]);
    await expectCode(addSession(e.id, 20, 4), 'BAD_INPUT');
    expect(sharesOf((await addSession(e.id, 20)).sessionList[0]!)).toEqual({ [w.hz.id]: 3, [w.nb.id]: 3 });
    const plain = await newEvent();
    await expectCode(addSession(plain.id, 20, 6), 'BAD_INPUT');
    expect(sharesOf((await addSession(plain.id, 20, 2)).sessionList[0]!)).toEqual({ [w.hz.id]: 2, [w.nb.id]: 2 });
    const update = (seatsPerCity: number) =>
      w.hzStaff.programme.event.update({ id: plain.id, rowVersion: plain.rowVersion, kind: 'lecture', title: '劳模工匠宣讲', topic: '工匠精神', speakers: [], description: '', seatsPerCity, releaseHours: 48 });
    await expectCode(update(4), 'BAD_INPUT');
    expect((await update(2)).seatsByCity.map((c) => c.seats)).toEqual([2, 2]);
  });

  it('refuses seats by party keyed by a stranger or on another kind of section', async () => {
    const other = await makeProgrammeWorld(h);
    const g = await other.hzStaff.agreement.get({ id: other.agreementId });
    await other.hzStaff.agreement.amend({ id: other.agreementId, rowVersion: g.rowVersion });
    const draft = await other.hzStaff.agreement.get({ id: other.agreementId });
    const save = (edit: (c: AgreementContent) => void) => {
      const content = structuredClone(draft.currentVersion.content);
      edit(content);
      return other.hzStaff.agreement.save({ id: other.agreementId, baseVersionId: draft.currentVersion.id, content, note: '' });
    };
    await expectCode(save((c) => void (programmeSection(c).figures.seatsPerCityByParty = { [other.sx.slug]: 5 })), 'BAD_INPUT');
    await expectCode(save((c) => void (c.commons.find((x) => x.kind === 'recuperation')!.figures.seatsPerCityByParty = { [other.hz.slug]: 5 })), 'BAD_INPUT');
    await save((c) => void (programmeSection(c).figures.seatsPerCityByParty = { [other.nb.slug]: 5 }));
  });
});
