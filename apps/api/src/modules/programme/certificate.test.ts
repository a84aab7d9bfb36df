import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../../test/caller.ts';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { makeMembers, makeProgrammeWorld, TODAY, type ProgrammeWorld, type TestMember } from './programme.testkit.ts';

// A class's completion certificate (结业证书, decision 0057): derived from the ticket check-ins at the
// class's sessions against the event's threshold (all sessions by default), never stored; the member
// downloads their own from the phone, the host's staff list who qualifies and download any one;
// another member's, a class not completed or a non-party's request is NOT_FOUND.

describe('a class’s completion certificate', () => {
  let h: Harness;
  let w: ProgrammeWorld;
  let nb: TestMember[];
  let hz: TestMember[];

  beforeAll(async () => {
    h = await createHarness();
    w = await makeProgrammeWorld(h);
    nb = await makeMembers(h, w.nb, 6);
    hz = await makeMembers(h, w.hz, 2);
  }, 120_000);
  afterAll(() => h.close());

  /** A three-session class of Hangzhou (2 h each), open; `certificateSessions` as asked. */
  async function makeClass(certificateSessions?: number | null, kind: 'training' | 'lecture' = 'training') {
    h.setNow(TODAY);
    const e = await w.hzStaff.programme.event.create({
      agreementId: w.agreementId,
      kind,
      title: `两地工会干部培训班 ${Math.random().toString(36).slice(2, 6)}`,
      topic: '基层工会实务',
      speakers: [],
      description: '',
      releaseHours: 48,
      homeApproval: false,
      ...(certificateSessions !== undefined ? { certificateSessions } : {}),
    });
    let rowVersion = e.rowVersion;
    for (const day of ['01', '02', '03']) {
      const at = `2026-12-${day}T09:00:00+08:00`;
      const d = await w.hzStaff.programme.session.create({ eventId: e.id, title: `第${Number(day)}课`, startsAt: at, endsAt: new Date(Date.parse(at) + 2 * 3_600_000).toISOString(), venueId: w.venueId, onlineUrl: null, capacity: 20, creditHours: 2 });
      rowVersion = d.rowVersion;
    }
    await w.hzStaff.programme.event.step({ id: e.id, to: 'published', rowVersion });
    const open = await w.hzStaff.programme.event.step({ id: e.id, to: 'open', rowVersion: rowVersion + 1 });
    return { eventId: e.id, sessions: open.sessionList.map((s) => s.id), event: open };
  }

  /** The member registers for every session and is checked in at the first `n`. */
  async function attend(m: TestMember, sessions: string[], n: number) {
    for (const [i, sessionId] of sessions.entries()) {
      const r = await m.caller.programme.registration.register({ sessionId, consent: true, idempotencyKey: `c-${m.id}-${sessionId}` });
      if (i < n) expect((await w.hzStaff.programme.session.checkIn({ sessionId, token: r.ticket.token! })).outcome).toBe('checked_in');
    }
  }

  it('by default every session is required: all three attended qualifies, two do not — counted from the check-ins each time', async () => {
    const c = await makeClass();
    expect(c.event.certificateSessions).toBeNull();
    const [a, b] = nb.slice(0, 2);
    await attend(a!, c.sessions, 3);
    await attend(b!, c.sessions, 2);
    const mineA = await a!.caller.programme.certificate.mine();
    expect(mineA).toHaveLength(1);
    expect(mineA[0]).toMatchObject({ eventId: c.eventId, sessions: 3, required: 3, attended: 3, creditHours: 6, from: '2026-12-01', to: '2026-12-03', memberId: a!.id });
    expect(mineA[0]!.number).toMatch(/^PC-[0-9A-F]{8}-[0-9A-F]{12}$/);
    // the same number every time: derived, not drawn
    expect((await a!.caller.programme.certificate.mine())[0]!.number).toBe(mineA[0]!.number);
    expect(await b!.caller.programme.certificate.mine()).toEqual([]);
    await expectCode(b!.caller.programme.certificate.minePdf({ eventId: c.eventId }), 'NOT_FOUND');
    // the host lists who qualifies (and the read of the partner's names is logged)
    const list = await w.hzStaff.programme.certificate.list({ eventId: c.eventId });
    expect(list).toMatchObject({ sessions: 3, required: 3, attendees: 2 });
    expect(list.certificates.map((x) => x.memberId)).toEqual([a!.id]);
    const logged = await h.t.query<{ n: number }>(`select count(*)::int as n from audit_event where entity_id = $1 and type = 'programme.certificates_read'`, [c.eventId]);
    expect(logged[0]!.n).toBe(1);
    // a session cancelled later is no longer required: b's two now complete the class
    const third = c.sessions[2]!;
    await w.hzStaff.programme.session.cancel({ id: third, reason: '讲师临时有事' });
    expect((await b!.caller.programme.certificate.mine())[0]).toMatchObject({ sessions: 2, required: 2, attended: 2 });
  });

  it('the host’s threshold: two of three sessions qualify a member of either city, one does not', async () => {
    const c = await makeClass(2);
    expect(c.event.certificateSessions).toBe(2);
    const [a, b] = nb.slice(2, 4);
    const [own] = hz;
    await attend(a!, c.sessions, 2);
    await attend(b!, c.sessions, 1);
    await attend(own!, c.sessions, 3);
    expect((await a!.caller.programme.certificate.mine())[0]).toMatchObject({ required: 2, attended: 2, creditHours: 4, to: '2026-12-02' });
    expect(await b!.caller.programme.certificate.mine()).toEqual([]);
    expect((await own!.caller.programme.certificate.mine())[0]).toMatchObject({ required: 2, attended: 3 });
    const list = await w.hzStaff.programme.certificate.list({ eventId: c.eventId });
    expect(list.attendees).toBe(3);
    expect(list.certificates.map((x) => x.memberId).sort()).toEqual([a!.id, own!.id].sort());
    // the co-host's staff see their own members only (row-level security)
    expect((await w.nbStaff.programme.certificate.list({ eventId: c.eventId })).certificates.map((x) => x.memberId)).toEqual([a!.id]);
    // one more check-in and b qualifies too, with nothing stored in between
    const t = (await b!.caller.programme.registration.mine()).find((x) => x.sessionId === c.sessions[1])!;
    await w.hzStaff.programme.session.checkIn({ sessionId: c.sessions[1]!, token: t.token! });
    expect((await b!.caller.programme.certificate.mine())[0]).toMatchObject({ attended: 2 });
  });

  it('the member downloads their own PDF; staff download any one; the number checks; others’ and non-parties’ are NOT_FOUND', async () => {
    const c = await makeClass(1);
    const [a, b] = nb.slice(4, 6);
    await attend(a!, c.sessions, 1);
    const mine = (await a!.caller.programme.certificate.mine())[0]!;
    const pdf = await a!.caller.programme.certificate.minePdf({ eventId: c.eventId });
    expect(pdf.contentType).toBe('application/pdf');
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.filename).toContain(mine.number);
    const staffPdf = await w.hzStaff.programme.certificate.pdf({ eventId: c.eventId, homeTenantId: w.nb.id, memberId: a!.id });
    expect(Buffer.from(staffPdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const issued = await h.t.query<{ n: number }>(`select count(*)::int as n from audit_event where entity_id = $1 and type = 'programme.certificate_issued'`, [c.eventId]);
    expect(issued[0]!.n).toBe(2);
    // the number checks for the host, masked; a number made up or altered does not
    expect(await w.hzStaff.programme.certificate.check({ number: mine.number.toLowerCase() })).toMatchObject({ number: mine.number, attended: 1, required: 1, maskedName: expect.stringMatching(/^会\*/) });
    await expectCode(w.hzStaff.programme.certificate.check({ number: `${mine.number.slice(0, -1)}${mine.number.endsWith('0') ? '1' : '0'}` }), 'NOT_FOUND');
    await expectCode(w.hzStaff.programme.certificate.check({ number: 'not-a-number' }), 'NOT_FOUND');
    // b attended nothing: no certificate of their own, and nobody else's either
    await expectCode(b!.caller.programme.certificate.minePdf({ eventId: c.eventId }), 'NOT_FOUND');
    await expectCode(w.hzStaff.programme.certificate.pdf({ eventId: c.eventId, homeTenantId: w.nb.id, memberId: b!.id }), 'NOT_FOUND');
    // a third city's staff: the event does not exist for them
    await expectCode(w.sxStaff.programme.certificate.list({ eventId: c.eventId }), 'NOT_FOUND');
    await expectCode(w.sxStaff.programme.certificate.pdf({ eventId: c.eventId, homeTenantId: w.nb.id, memberId: a!.id }), 'NOT_FOUND');
    await expectCode(w.sxStaff.programme.certificate.check({ number: mine.number }), 'NOT_FOUND');
    // a lecture is not a class: no certificate
    const lecture = await makeClass(null, 'lecture');
    await expectCode(w.hzStaff.programme.certificate.list({ eventId: lecture.eventId }), 'PROGRAMME_STATE');
  });

  it('the QR code’s public page: the masked facts as first issued, the hash checked; nothing before a certificate is handed out', async () => {
    const c = await makeClass(1);
    const member = hz[1]!;
    await attend(member, c.sessions, 1);
    const anon = createCaller({ db: h.t.db, env: h.env, requestId: 't', ip: '127.0.0.1', userAgent: 'vitest', tenantSlug: null, locale: 'zh-CN', secure: false, auth: null, resHeaders: new Headers(), now: h.now });
    const { number } = (await member.caller.programme.certificate.mine())[0]!;
    // derived but not yet handed out: the public page knows nothing of it
    await expectCode(anon.programme.certificate.verify({ number }), 'NOT_FOUND');
    await member.caller.programme.certificate.minePdf({ eventId: c.eventId });
    const v = await anon.programme.certificate.verify({ number });
    expect(v).toMatchObject({ number, valid: true, classTitle: c.event.title, topic: '基层工会实务', attended: 1, sessions: 3, creditHours: '2', completedOn: '2026-12-01' });
    const firstIssue = v.issuedOn;
    expect(firstIssue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(v.maskedName).toMatch(/^会\*+$/);
    expect(v.issuers).toHaveLength(2);
    expect(Object.keys(v).sort()).toEqual(['attended', 'classTitle', 'completedOn', 'creditHours', 'hash', 'issuedOn', 'issuers', 'maskedName', 'number', 'sessions', 'topic', 'valid']);
    // issued again later (by staff too): the first issue stands, one row per issuing federation
    h.advance(3 * 86_400_000);
    await member.caller.programme.certificate.minePdf({ eventId: c.eventId });
    await w.hzStaff.programme.certificate.pdf({ eventId: c.eventId, homeTenantId: w.hz.id, memberId: member.id });
    expect((await anon.programme.certificate.verify({ number })).issuedOn).toBe(firstIssue);
    const rows = await h.t.query<{ n: number }>(`select count(*)::int as n from programme_certificate where number = $1`, [number]);
    expect(rows[0]!.n).toBe(1);
    // the app role cannot edit what was issued; an edit by the owner shows as not matching its hash
    await h.t.query(`update programme_certificate set attended = 3 where number = $1`, [number]);
    expect(await anon.programme.certificate.verify({ number })).toMatchObject({ attended: 3, valid: false });
    await expectCode(anon.programme.certificate.verify({ number: 'PC-00000000-000000000000' }), 'NOT_FOUND');
  });
});
