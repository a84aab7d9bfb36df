import { programmeVenues, rowsOf, type Db } from '@uc/db';
import { sql } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { demoPdf, demoPng } from './demoFiles.ts';
import { checkIn, giveFeedback, uploadMaterial, recordWalkIn, createEvent, createSession, createVenue, registerMember, stepEvent, ticketToken } from '../modules/programme/index.ts';
import type { ServiceCtx } from '../service.ts';
import { addDays, chinaDate } from '../lib/dates.ts';
import { HANGYONG_TITLE } from './agreements.ts';
import { asMember, asStaff, demoMembers } from './recuperation.ts';

// Demo joint programmes under the 杭甬 agreement, through the real services at the moment each
// step would have happened: venues of both cities; Hangzhou's 劳模工匠宣讲 series with a session
// held in November (registrations from both cities, check-ins) and two open sessions
// (one in Ningbo); Ningbo's three-session training class. member@<city>.demo is left without
// registrations for the programme journey. The open sessions are dated from the day the demo is
// seeded (4 and 12 days on), so a demo started next year still has sessions to register for.

type EnvLike = Pick<Env, 'memberIdKey' | 'publicUrl'>;
const at = (iso: string) => new Date(iso);

async function agreementId(ctx: ServiceCtx): Promise<string> {
  const [a] = rowsOf<{ id: string }>(await ctx.db.execute(sql`select id from agreement where title = ${HANGYONG_TITLE} and status = 'active'`));
  return a!.id;
}

export async function seedDemoProgrammes(db: Db, env: EnvLike, now = new Date()): Promise<boolean> {
  const present = await asStaff(db, env, 'hangzhou', 'admin', at('2026-10-20T02:00:00Z'), (ctx) => ctx.db.select({ id: programmeVenues.id }).from(programmeVenues).limit(1));
  if (present.length) return false;
  const t0 = at('2026-10-20T02:00:00Z');
  const venues = await asStaff(db, env, 'hangzhou', 'admin', t0, async (ctx) => ({
    palace: await createVenue(ctx, { name: '杭州市工人文化宫', kind: 'palace', city: '杭州', address: '杭州市拱墅区环城北路 1 号', capacity: 400, facilities: ['报告厅', '直播设备'] }),
    studio: await createVenue(ctx, { name: '杭州劳模工匠创新工作室联盟', kind: 'studio', city: '杭州', address: '杭州市滨江区江南大道 588 号', capacity: 60, facilities: ['实训车间'] }),
  }));
  const nbVenue = await asStaff(db, env, 'ningbo', 'admin', t0, (ctx) =>
    createVenue(ctx, { name: '宁波市职工之家', kind: 'home', city: '宁波', address: '宁波市海曙区解放南路 18 号', capacity: 200, facilities: ['报告厅', '阅览室'] }),
  );
  await asStaff(db, env, 'ningbo', 'admin', t0, (ctx) => createVenue(ctx, { name: '甬工云课堂', kind: 'online', city: '宁波', address: '线上', capacity: 1000, facilities: ['直播'] }));

  // Hangzhou's series: one session held on 11-10, two open ones after the day of seeding
  const day = (after: number) => addDays(chinaDate(now) < '2026-11-20' ? '2026-11-20' : chinaDate(now), after);
  const [second, third] = [day(4), day(12)];
  const series = await asStaff(db, env, 'hangzhou', 'officer', t0, async (ctx) => {
    const e = await createEvent(ctx, {
      agreementId: await agreementId(ctx),
      kind: 'lecture',
      title: '杭甬劳模工匠宣讲（2026 年度）',
      topic: '弘扬劳模精神、劳动精神、工匠精神',
      speakers: [
        { name: '王建国', title: '全国劳动模范、数控高级技师' },
        { name: '陈秀英', title: '浙江工匠、纺织技术能手' },
      ],
      description: '两地劳模工匠走进职工之家、工人文化宫，讲述岗位建功故事。',
      releaseHours: 48,
      homeApproval: false,
    });
    const s1 = await createSession(ctx, { eventId: e.id, title: '第一场 · 杭州', startsAt: '2026-11-10T14:00:00+08:00', endsAt: '2026-11-10T16:00:00+08:00', venueId: venues.palace.id, onlineUrl: null, capacity: 40, seatsPerCity: 20, creditHours: 2 });
    await createSession(ctx, { eventId: e.id, title: '第二场 · 宁波', startsAt: `${second}T14:00:00+08:00`, endsAt: `${second}T16:00:00+08:00`, venueId: nbVenue.id, onlineUrl: null, capacity: 30, seatsPerCity: 15, creditHours: 2 });
    await createSession(ctx, { eventId: e.id, title: '第三场 · 杭州', startsAt: `${third}T14:00:00+08:00`, endsAt: `${third}T16:00:00+08:00`, venueId: venues.studio.id, onlineUrl: null, capacity: 20, seatsPerCity: 10, creditHours: 2 });
    const p = await stepEvent(ctx, { id: e.id, to: 'published', rowVersion: s1.rowVersion });
    const o = await stepEvent(ctx, { id: e.id, to: 'open', rowVersion: p.rowVersion });
    // the series' slides and a poster, for both cities' staff and the registered members (decision 0053)
    await uploadMaterial(ctx, { eventId: e.id, filename: '劳模工匠宣讲课件.pdf', base64: demoPdf('Model workers and craftsmen - lecture slides (demo)').toString('base64') });
    await uploadMaterial(ctx, { eventId: e.id, filename: '宣讲海报.png', base64: demoPng(320, 200, [196, 30, 58]).toString('base64') });
    return o;
  });
  const [held, secondOpen, thirdOpen] = series.sessionList;

  // Ningbo's training class: three sessions
  await asStaff(db, env, 'ningbo', 'officer', t0, async (ctx) => {
    const e = await createEvent(ctx, {
      agreementId: await agreementId(ctx),
      kind: 'training',
      title: '甬杭班组长能力提升培训班',
      topic: '班组管理与安全生产',
      speakers: [{ name: '李海波', title: '宁波市劳动模范' }],
      description: '三次课，完成全部课程可获结业证明。',
      releaseHours: 72,
      homeApproval: false,
    });
    for (const [i, day] of ['2026-12-05', '2026-12-12', '2026-12-19'].entries()) {
      await createSession(ctx, { eventId: e.id, title: `第 ${i + 1} 课`, startsAt: `${day}T09:00:00+08:00`, endsAt: `${day}T11:30:00+08:00`, venueId: nbVenue.id, onlineUrl: null, capacity: 24, creditHours: 2.5 });
    }
    const d = await ctx.db.execute(sql`select row_version from programme_event where id = ${e.id}`);
    const rv = rowsOf<{ row_version: number }>(d)[0]!.row_version;
    const p = await stepEvent(ctx, { id: e.id, to: 'published', rowVersion: rv });
    await stepEvent(ctx, { id: e.id, to: 'open', rowVersion: p.rowVersion });
  });

  // registrations for the November session from both cities; most came and were checked in
  const hzMembers = await demoMembers(db, 'hangzhou', 12);
  const nbMembers = await demoMembers(db, 'ningbo', 12);
  const regAt = at('2026-11-01T02:00:00Z');
  const tickets: string[] = [];
  const holders: { slug: 'hangzhou' | 'ningbo'; memberId: string; id: string }[] = [];
  for (const [slug, ids] of [
    ['hangzhou', hzMembers.slice(0, 8)],
    ['ningbo', nbMembers.slice(0, 8)],
  ] as const) {
    for (const memberId of ids) {
      const r = await asMember(db, env, slug, memberId, regAt, (ctx) => registerMember(ctx, held!.id, { memberId, idempotencyKey: `demo-${held!.id}-${memberId}`, consent: true, nominated: false }));
      tickets.push(r.row.id);
      holders.push({ slug, memberId, id: r.row.id });
    }
  }
  const door = at('2026-11-10T05:50:00Z');
  await asStaff(db, env, 'hangzhou', 'officer', door, async (ctx) => {
    for (const id of tickets.filter((_, i) => i % 8 !== 7)) await checkIn(ctx, { sessionId: held!.id, token: ticketToken(env.memberIdKey, id) });
    // two who came without registering, one of each city, recorded at the door by mobile
    await recordWalkIn(ctx, { sessionId: held!.id, home: 'host', name: '方现场', number: '13957100001' });
    await recordWalkIn(ctx, { sessionId: held!.id, home: 'partner', name: '邵现场', number: '13957400002' });
  });
  // some attendees rate the session from their phones that evening
  const said = ['讲得很实在，很受启发', '希望多安排这样的劳模宣讲', '', '现场交流时间可以再长一些', ''];
  for (const [i, hld] of holders.filter((_, i) => i % 8 !== 7 && i % 3 === 0).entries()) {
    await asMember(db, env, hld.slug, hld.memberId, at('2026-11-10T12:00:00Z'), (ctx) => giveFeedback(ctx, { id: hld.id, rating: i % 4 === 3 ? 4 : 5, comment: said[i % said.length]! }));
  }
  // the open sessions: a few registrations each
  const later = at('2026-11-18T02:00:00Z');
  for (const [slug, ids] of [
    ['ningbo', nbMembers.slice(0, 5)],
    ['hangzhou', hzMembers.slice(8, 11)],
  ] as const) {
    for (const memberId of ids) {
      for (const s of [secondOpen!, thirdOpen!]) await asMember(db, env, slug, memberId, later, (ctx) => registerMember(ctx, s.id, { memberId, idempotencyKey: `demo-${s.id}-${memberId}`, consent: true, nominated: false }));
    }
  }
  return true;
}
