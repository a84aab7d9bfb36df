import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { makeMembers, makeOpenSession, makeProgrammeWorld, registerFor, type ProgrammeWorld, type TestMember } from './programme.testkit.ts';

// Shaoxing is no party to the 杭甬 agreement: every programme procedure naming a Hangzhou event,
// session, venue or a Ningbo registration answers NOT_FOUND to its staff and members, and the
// lists it may call show none of them.

describe('programmes, seen from a federation outside the agreement', () => {
  let h: Harness;
  let w: ProgrammeWorld;
  let eventId: string;
  let sessionId: string;
  let registrationId: string;
  let token: string;
  let outsider: TestMember;
  let listFile: string;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeProgrammeWorld(h);
    ({ eventId, sessionId } = await makeOpenSession(w));
    const [nbMember] = (await makeMembers(h, w.nb, 1)) as [TestMember];
    const t = (await registerFor(nbMember, sessionId)).ticket;
    registrationId = t.id;
    token = t.token!;
    [outsider] = (await makeMembers(h, w.sx, 1)) as [TestMember];
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('推荐名单').addRows([['姓名', '身份证号', '本人同意'], ['会员0', outsider.idNumber, '是']]);
    listFile = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  });
  afterAll(() => h.close());

  it('answers NOT_FOUND to the outside staff for every procedure naming the partners’ records', async () => {
    const sx = w.sxStaff.programme;
    const calls: [string, () => Promise<unknown>][] = [
      ['get', () => sx.get({ id: eventId })],
      ['venue.update', () => sx.venue.update({ id: w.venueId, rowVersion: 1, name: 'x', kind: 'home', city: '', address: '', capacity: 1, facilities: [] })],
      ['event.create', () => sx.event.create({ agreementId: w.agreementId, kind: 'lecture', title: 'x', topic: 'x', speakers: [], description: '', releaseHours: 48 })],
      ['event.update', () => sx.event.update({ id: eventId, rowVersion: 1, kind: 'lecture', title: 'x', topic: 'x', speakers: [], description: '', releaseHours: 48 })],
      ['event.step', () => sx.event.step({ id: eventId, to: 'closed', rowVersion: 1 })],
      ['event.attendance', () => sx.event.attendance({ id: eventId })],
      ['event.attendanceXlsx', () => sx.event.attendanceXlsx({ id: eventId })],
      ['session.create', () => sx.session.create({ eventId, title: '', startsAt: '2026-12-11T14:00:00+08:00', endsAt: '2026-12-11T16:00:00+08:00', venueId: null, onlineUrl: 'https://example.org/live', capacity: 5, creditHours: 1 })],
      ['session.reschedule', () => sx.session.reschedule({ id: sessionId, startsAt: '2026-12-11T14:00:00+08:00', endsAt: '2026-12-11T16:00:00+08:00', rowVersion: 1 })],
      ['session.cancel', () => sx.session.cancel({ id: sessionId, reason: '' })],
      ['session.registrations', () => sx.session.registrations({ sessionId })],
      ['session.checkIn', () => sx.session.checkIn({ sessionId, token })],
      ['registration.cancel', () => sx.registration.cancel({ id: registrationId, reason: '' })],
      ['registration.nominate', () => sx.registration.nominate({ sessionId, memberIds: [outsider.id], consentAttested: true })],
      ['registration.nominateXlsx', () => sx.registration.nominateXlsx({ sessionId, fileBase64: listFile })],
    ];
    for (const [name, call] of calls) await expectCode(call(), 'NOT_FOUND').catch((e: unknown) => { throw new Error(`${name}: ${String(e)}`); });
  });

  it('answers NOT_FOUND to an outside member for the partners’ session and registration', async () => {
    const p = outsider.caller.programme;
    await expectCode(p.get({ id: eventId }), 'NOT_FOUND');
    await expectCode(p.registration.register({ sessionId, consent: true, idempotencyKey: 'outsider-1' }), 'NOT_FOUND');
    await expectCode(p.registration.cancel({ id: registrationId, reason: '' }), 'NOT_FOUND');
  });

  it('shows none of the partners’ records in the lists the outside federation may call', async () => {
    expect(await w.sxStaff.programme.list()).toEqual([]);
    expect(await w.sxStaff.programme.venue.list()).toEqual([]);
    expect(await outsider.caller.programme.list()).toEqual([]);
    expect(await outsider.caller.programme.registration.mine()).toEqual([]);
    expect((await outsider.caller.programme.registration.learning()).sessions).toBe(0);
  });
});
