import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { makeMembers, makeOpenSession, makeProgrammeWorld, registerFor, type ProgrammeWorld, type TestMember } from './programme.testkit.ts';
import { runProgrammeReminders } from './reminder.job.ts';

// The day-before reminder (issue 10): registered members of both cities, in the app and by
// email, for sessions that start tomorrow in China; never for a waitlisted or cancelled seat or a
// cancelled session; once per registration and start whatever runs twice or at once; again for
// a session's new start after it moved. Every test uses its own sessions and dates.

describe('programme.reminders job', () => {
  let h: Harness;
  let w: ProgrammeWorld;
  let hzm: TestMember[];
  let nbm: TestMember[];

  beforeAll(async () => {
    h = await createHarness();
    w = await makeProgrammeWorld(h);
    hzm = await makeMembers(h, w.hz, 4);
    nbm = await makeMembers(h, w.nb, 4);
  }, 120_000);
  afterAll(() => h.close());

  const run = (at: string) => runProgrammeReminders(h.t.db, new Date(at), h.env);
  const reminded = (r: Awaited<ReturnType<typeof run>>, sessionId: string) => r.reminded.filter((x) => x.sessionId === sessionId).map((x) => x.registrationId).sort();
  const reminders = async (m: TestMember, title: string) => (await m.caller.notification.list()).items.filter((n) => n.kind === 'programme.reminder' && n.title.includes(title));
  const mails = (title: string) => h.t.query<{ to_email: string; subject: string; body_text: string }>(`select to_email, subject, body_text from outbox where subject like $1 and (subject like '%明日活动提醒%' or subject like '%Tomorrow%') order by to_email`, [`%${title}%`]);
  const sessionOf = async (eventId: string) => (await w.hzStaff.programme.get({ id: eventId })).sessionList[0]!;

  it('reminds the registered members of both cities the day before, in the app and by email, and nobody else', async () => {
    const a = await makeOpenSession(w, { capacity: 4, startsAt: '2026-12-10T14:00:00+08:00' });
    const title = a.event.title;
    const hz0 = await registerFor(hzm[0]!, a.sessionId);
    const hz1 = await registerFor(hzm[1]!, a.sessionId);
    const nb0 = await registerFor(nbm[0]!, a.sessionId);
    const nb1 = await registerFor(nbm[1]!, a.sessionId);
    // Ningbo's two seats are taken: the third is waitlisted; one Hangzhou member cancels
    expect((await registerFor(nbm[2]!, a.sessionId)).ticket.status).toBe('waitlisted');
    await hzm[1]!.caller.programme.registration.cancel({ id: hz1.ticket.id, reason: '' });
    // a session of the day after, and a cancelled session of the same day
    const later = await makeOpenSession(w, { startsAt: '2026-12-11T09:00:00+08:00' });
    await registerFor(hzm[2]!, later.sessionId);
    const dropped = await makeOpenSession(w, { startsAt: '2026-12-10T19:00:00+08:00' });
    await registerFor(nbm[3]!, dropped.sessionId);
    await w.hzStaff.programme.session.cancel({ id: dropped.sessionId, reason: '场地检修' });

    // two days before and on the day itself: nothing
    expect(reminded(await run('2026-12-08T10:00:00+08:00'), a.sessionId)).toEqual([]);
    // the night before the day before (00:30 in China, 16:30 UTC the day before that): nobody is woken
    expect((await run('2026-12-09T00:30:00+08:00')).reminded).toEqual([]);
    expect((await run('2026-12-08T22:00:00+08:00')).reminded).toEqual([]);
    // 08:00 on the day before: tomorrow's sessions
    const r = await run('2026-12-09T08:00:00+08:00');
    expect(reminded(r, a.sessionId)).toEqual([hz0.ticket.id, nb0.ticket.id, nb1.ticket.id].sort());
    expect(reminded(r, later.sessionId)).toEqual([]);
    expect(reminded(r, dropped.sessionId)).toEqual([]);

    for (const m of [hzm[0]!, nbm[0]!, nbm[1]!]) expect(await reminders(m, title)).toHaveLength(1);
    for (const m of [hzm[1]!, nbm[2]!]) expect(await reminders(m, title)).toHaveLength(0);
    expect(await reminders(nbm[3]!, dropped.event.title)).toHaveLength(0);
    expect(await reminders(hzm[2]!, later.event.title)).toHaveLength(0);
    // on the day itself the session is not reminded again; the next day's session is
    const onTheDay = await run('2026-12-10T08:00:00+08:00');
    expect(reminded(onTheDay, a.sessionId)).toEqual([]);
    expect(reminded(onTheDay, later.sessionId)).toHaveLength(1);

    // the partner city's member is told in Ningbo, with a link to their tickets there
    const [notice] = await reminders(nbm[0]!, title);
    expect(notice!.title).toBe(`明日活动提醒：${title}`);
    expect(notice!.body).toContain('第一场');
    expect(notice!.body).toContain('2026年12月10日 14:00');
    expect(notice!.body).toContain('杭州工人文化宫');
    expect(notice!.link).toBe(`/t/${w.nb.slug}/programmes`);

    const sent = await mails(title);
    expect(sent.map((m) => m.to_email).sort()).toEqual([hzm[0]!, nbm[0]!, nbm[1]!].map((m) => `m-${m.userId}@example.test`).sort());
    for (const m of sent) {
      expect(m.subject).toBe(`【工会协作平台】明日活动提醒：${title}`);
      expect(m.body_text).toContain(title);
      expect(m.body_text).toContain('2026年12月10日 14:00');
      expect(m.body_text).toMatch(/\/t\/(hz|nb)[^/]*\/programmes\n/);
      for (const x of [...hzm, ...nbm]) expect(m.body_text).not.toContain(x.idNumber);
      expect(m.body_text).not.toContain('13800000000');
      expect(m.body_text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
  });

  it('sends each reminder once when run twice, and when two runs race', async () => {
    const s = await makeOpenSession(w, { startsAt: '2026-12-15T09:30:00+08:00' });
    const title = s.event.title;
    await registerFor(hzm[3]!, s.sessionId);
    await registerFor(nbm[3]!, s.sessionId);

    const [x, y] = await Promise.all([run('2026-12-14T09:00:00+08:00'), run('2026-12-14T09:00:00+08:00')]);
    expect(reminded(x, s.sessionId).length + reminded(y, s.sessionId).length).toBe(2);
    expect(reminded(await run('2026-12-14T10:00:00+08:00'), s.sessionId)).toEqual([]);

    expect(await reminders(hzm[3]!, title)).toHaveLength(1);
    expect(await reminders(nbm[3]!, title)).toHaveLength(1);
    expect(await mails(title)).toHaveLength(2);
  });

  it('reminds again for the new date of a rescheduled session, and not for its old one', async () => {
    const s = await makeOpenSession(w, { startsAt: '2026-12-20T14:00:00+08:00' });
    const title = s.event.title;
    const reg = await registerFor(nbm[2]!, s.sessionId);
    expect(reminded(await run('2026-12-19T09:00:00+08:00'), s.sessionId)).toEqual([reg.ticket.id]);

    const before = await sessionOf(s.eventId);
    await w.hzStaff.programme.session.reschedule({ id: s.sessionId, startsAt: '2026-12-22T10:00:00+08:00', endsAt: '2026-12-22T12:00:00+08:00', rowVersion: before.rowVersion });
    // the old day before again: the session is no longer tomorrow
    expect(reminded(await run('2026-12-19T11:00:00+08:00'), s.sessionId)).toEqual([]);
    expect(reminded(await run('2026-12-21T09:00:00+08:00'), s.sessionId)).toEqual([reg.ticket.id]);
    expect(reminded(await run('2026-12-21T10:00:00+08:00'), s.sessionId)).toEqual([]);

    const told = await reminders(nbm[2]!, title);
    expect(told).toHaveLength(2);
    expect(told.map((n) => n.body).join('\n')).toContain('2026年12月22日 10:00');
    expect(await mails(title)).toHaveLength(2);
  });

  it('writes the English reminder for a member who reads English', async () => {
    const s = await makeOpenSession(w, { startsAt: '2026-12-26T14:00:00+08:00' });
    await registerFor(hzm[0]!, s.sessionId);
    await h.t.query(`update app_user set locale = 'en' where id = $1`, [hzm[0]!.userId]);
    try {
      expect(reminded(await run('2026-12-25T09:00:00+08:00'), s.sessionId)).toHaveLength(1);
    } finally {
      await h.t.query(`update app_user set locale = 'zh-CN' where id = $1`, [hzm[0]!.userId]);
    }
    const [mail] = await mails(s.event.title);
    expect(mail!.subject).toBe(`[Union Commons] Tomorrow: ${s.event.title}`);
    expect(mail!.body_text).toContain('2026-12-26 14:00 (China time)');
    expect(mail!.body_text).toContain('(第一场)');
  });
});
