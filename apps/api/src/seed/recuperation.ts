import { idNumberCheckChar, type Role } from '@uc/contracts';
import { federations, memberHonours, members, memberships, orgUnits, recuperationBases, recuperationBookings, rowsOf, users, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, asc, desc, eq, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { ZHEJIANG_POLICY, acceptOffer, allocate, approve, book, cancel, checkIn, complete, confirm, createBase, createBatch, createPolicy, createRoute, markNoShow, nominate } from '../modules/recuperation/index.ts';
import type { ServiceCtx } from '../service.ts';
import { HANGYONG_TITLE } from './agreements.ts';
import { DEMO_HOSTS, photoUrl } from './recuperationData.ts';

// Demo recuperation data through the real services, each step at the moment it would have
// happened: a Hangzhou stay in October completed and missed, December batches confirmed and
// pending, a full 千岛湖 batch with a waitlist and an open offer, nominations, and Hangzhou
// members at Ningbo's 东钱湖. member@<city>.demo is left without bookings for the booking journey.

type EnvLike = Pick<Env, 'memberIdKey' | 'publicUrl'>;
const at = (iso: string) => new Date(iso);

async function fedId(db: Db, slug: string): Promise<string> {
  const [f] = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations).where(eq(federations.slug, slug)));
  return f!.id;
}

/** fn as a demo staff user (admin@ / officer@<slug>.demo) at `now`, in one tenant transaction. */
export async function asStaff<T>(db: Db, env: EnvLike, slug: string, local: string, now: Date, fn: (ctx: ServiceCtx) => Promise<T>): Promise<T> {
  const tenantId = await fedId(db, slug);
  const [u] = await withoutTenant(db, (tx) => tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.email, `${local}@${slug}.demo`)));
  return withTenant(
    db,
    tenantId,
    async (tx) => {
      const [m] = await tx.select({ roles: memberships.roles }).from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, u!.id)));
      const actor = { userId: u!.id, label: u!.email, ip: '127.0.0.1', userAgent: 'demo-seed', roles: m!.roles as Role[], memberId: null };
      return fn({ db: tx, tenantId, actor, now, locale: 'zh-CN', env });
    },
    { userId: u!.id },
  );
}

/** fn as a member of their home federation (as a member login would act). */
export async function asMember<T>(db: Db, env: EnvLike, slug: string, memberId: string, now: Date, fn: (ctx: ServiceCtx) => Promise<T>): Promise<T> {
  const tenantId = await fedId(db, slug);
  const actor = { userId: null, label: `member:${memberId}`, ip: '127.0.0.1', userAgent: 'demo-seed', roles: ['member'] as Role[], memberId };
  return withTenant(db, tenantId, (tx) => fn({ db: tx, tenantId, actor, now, locale: 'zh-CN', env }));
}

/** Members with no login, in a stable order; frontline ones first when asked. */
export async function demoMembers(db: Db, slug: string, n: number, frontline = false): Promise<string[]> {
  const tenantId = await fedId(db, slug);
  return withTenant(db, tenantId, async (tx) => {
    const loginMembers = tx.select({ id: memberships.memberId }).from(memberships).where(and(eq(memberships.tenantId, tenantId), isNotNull(memberships.memberId)));
    const q = tx
      .select({ id: members.id })
      .from(members)
      .leftJoin(memberHonours, and(eq(memberHonours.tenantId, members.tenantId), eq(memberHonours.memberId, members.id), eq(memberHonours.kind, 'frontline')))
      .where(and(eq(members.tenantId, tenantId), notInArray(members.id, sql`(${loginMembers})`), frontline ? isNotNull(memberHonours.id) : isNull(memberHonours.id)))
      .orderBy(asc(members.name), asc(members.id))
      .limit(n);
    return (await q).map((r) => r.id);
  });
}

const companionId = (n: number) => {
  const first17 = `33020319900${String(101 + n).padStart(3, '0')}${String(200 + n).slice(-3)}`;
  return first17 + idNumberCheckChar(first17);
};

export async function seedDemoRecuperation(db: Db, env: EnvLike): Promise<boolean> {
  const hz = await fedId(db, 'hangzhou');
  const present = await withTenant(db, hz, (tx) => tx.select({ id: recuperationBases.id }).from(recuperationBases).limit(1));
  if (present.length) return false;
  const start = at('2026-06-10T02:00:00Z');
  for (const slug of ['hangzhou', 'ningbo', 'shaoxing']) await asStaff(db, env, slug, 'admin', start, (ctx) => createPolicy(ctx, ZHEJIANG_POLICY));

  const batchIds = new Map<string, string>();
  for (const host of DEMO_HOSTS) {
    await asStaff(db, env, host.slug, 'admin', start, async (ctx) => {
      const baseIds = new Map<string, string>();
      for (const b of host.bases) {
        const { key, level, ...fields } = b;
        const dto = await createBase(ctx, { ...fields, photos: [1, 2].map((n) => photoUrl(host.slug, key, n)), certificationLevel: level, certifiedFrom: '2024-01-01', certifiedUntil: '2028-12-31', active: true });
        baseIds.set(key, dto.id);
      }
      const routeIds = new Map<string, string>();
      for (const r of host.routes) {
        const dto = await createRoute(ctx, { title: r.title, description: '', baseIds: [baseIds.get(r.base)!], days: r.days, itinerary: r.itinerary.map((text, i) => ({ day: i + 1, text })), pricePerDayFen: r.pricePerDayFen, active: true });
        routeIds.set(r.base, dto.id);
      }
      for (const b of host.batches) {
        const route = host.routes.find((r) => r.base === b.route)!;
        const dto = await createBatch(ctx, { routeId: routeIds.get(b.route)!, code: b.code, startDate: b.startDate, nights: route.days - 1, capacity: b.capacity, bookingOpens: b.opens, bookingCloses: b.closes, cancelDeadline: b.deadline });
        batchIds.set(b.code, dto.id);
      }
    });
  }
  await seedAllocations(db, env);
  await seedBookings(db, env, batchIds);
  return true;
}

async function seedAllocations(db: Db, env: EnvLike) {
  const now = at('2026-11-02T02:00:00Z');
  const split = async (receiver: string, host: string, shares: [string, number][]) =>
    asStaff(db, env, receiver, 'admin', now, async (ctx) => {
      const [a] = rowsOf<{ id: string }>(await ctx.db.execute(sql`select id from agreement where title = ${HANGYONG_TITLE}`));
      for (const [unitName, places] of shares) {
        const [unit] = await ctx.db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.name, unitName)));
        if (unit) await allocate(ctx, { agreementId: a!.id, hostSlug: host, year: 2027, orgUnitId: unit.id, places });
      }
    });
  await split('ningbo', 'hangzhou', [['海曙区总工会', 40], ['鄞州区总工会', 40], ['宁波市港口工会', 20]]);
  await split('hangzhou', 'ningbo', [['西湖区总工会', 30], ['萧山区总工会', 30]]);
}

async function seedBookings(db: Db, env: EnvLike, batch: Map<string, string>) {
  const nb = await demoMembers(db, 'ningbo', 20);
  const [nbFrontline] = await demoMembers(db, 'ningbo', 1, true);
  const hzm = await demoMembers(db, 'hangzhou', 4);
  const token = (slug: string, id: string, now: Date) =>
    asStaff(db, env, slug, 'officer', now, async (ctx) => (await ctx.db.select({ t: recuperationBookings.checkinToken }).from(recuperationBookings).where(eq(recuperationBookings.id, id)))[0]!.t);
  const bookAt = (slug: string, memberId: string, code: string, now: string, companions: { name: string; relation: 'spouse' | 'child'; idNumber: string }[] = []) =>
    asMember(db, env, slug, memberId, at(now), async (ctx) =>
      (await book(ctx, { batchId: batch.get(code)!, companions: companions.map((c) => ({ ...c, gender: null })), consent: { accepted: true, shareMobile: true }, idempotencyKey: `demo-${memberId}-${code}` })).booking.id,
    );
  const staff = <T,>(slug: string, now: string, fn: (ctx: ServiceCtx) => Promise<T>) => asStaff(db, env, slug, 'officer', at(now), fn);
  const through = async (home: string, host: string, id: string, day: string) => {
    await staff(home, `${day}T03:00:00Z`, (ctx) => approve(ctx, id));
    await staff(host, `${day}T06:00:00Z`, (ctx) => confirm(ctx, id));
  };

  // October at 临安 (past): one completed, one no-show, one cancelled in time
  const done = await bookAt('ningbo', nb[0]!, 'HZ-LA-2610', '2026-09-02T01:00:00Z');
  const missed = await bookAt('ningbo', nb[1]!, 'HZ-LA-2610', '2026-09-02T01:05:00Z');
  const dropped = await bookAt('ningbo', nb[2]!, 'HZ-LA-2610', '2026-09-03T01:00:00Z');
  await through('ningbo', 'hangzhou', done, '2026-09-05');
  await through('ningbo', 'hangzhou', missed, '2026-09-05');
  await asMember(db, env, 'ningbo', nb[2]!, at('2026-09-20T01:00:00Z'), (ctx) => cancel(ctx, dropped, '单位生产任务紧，无法请假'));
  const t = await token('hangzhou', done, at('2026-10-12T01:00:00Z'));
  await staff('hangzhou', '2026-10-12T01:30:00Z', (ctx) => checkIn(ctx, { token: t }));
  await staff('hangzhou', '2026-10-16T02:00:00Z', (ctx) => complete(ctx, done));
  await staff('hangzhou', '2026-10-13T02:00:00Z', (ctx) => markNoShow(ctx, missed));

  // December at 西湖: confirmed, approved, requested (one with a companion)
  const dec = [
    await bookAt('ningbo', nb[3]!, 'HZ-XH-2612', '2026-11-03T02:00:00Z', [{ name: '陈静', relation: 'spouse', idNumber: companionId(1) }]),
    await bookAt('ningbo', nb[4]!, 'HZ-XH-2612', '2026-11-03T02:10:00Z'),
    await bookAt('ningbo', nb[5]!, 'HZ-XH-2612', '2026-11-04T02:00:00Z'),
  ];
  await through('ningbo', 'hangzhou', dec[0]!, '2026-11-06');
  await staff('ningbo', '2026-11-10T03:00:00Z', (ctx) => approve(ctx, dec[1]!));

  // 千岛湖 in April: six beds gone on the morning it opened, a waitlist, one freed place on offer
  const qdh = 'HZ-QDH-2704';
  const held = [
    await bookAt('ningbo', nb[6]!, qdh, '2026-11-20T00:00:05Z', [{ name: '王芳', relation: 'spouse', idNumber: companionId(2) }]),
    await bookAt('ningbo', nb[7]!, qdh, '2026-11-20T00:00:07Z'),
    await bookAt('ningbo', nb[8]!, qdh, '2026-11-20T00:00:09Z'),
    await bookAt('ningbo', nb[9]!, qdh, '2026-11-20T00:00:12Z'),
    await bookAt('ningbo', nb[10]!, qdh, '2026-11-20T00:00:15Z'),
  ];
  for (const [i, m] of [nb[11]!, nb[12]!, nbFrontline!, nb[13]!].entries()) await bookAt('ningbo', m, qdh, `2026-11-20T00:01:0${i}Z`);
  await through('ningbo', 'hangzhou', held[0]!, '2026-11-20');
  await asMember(db, env, 'ningbo', nb[8]!, at('2026-11-21T00:30:00Z'), (ctx) => cancel(ctx, held[2]!, '临时出差'));
  await asMember(db, env, 'ningbo', nb[7]!, at('2026-11-21T00:40:00Z'), (ctx) => cancel(ctx, held[1]!, ''));
  // the second offer was taken up at once: a request again
  const [next] = await asStaff(db, env, 'hangzhou', 'officer', at('2026-11-21T00:41:00Z'), (ctx) =>
    ctx.db
      .select({ id: recuperationBookings.id, memberId: recuperationBookings.memberId })
      .from(recuperationBookings)
      .where(and(eq(recuperationBookings.batchId, batch.get(qdh)!), eq(recuperationBookings.status, 'offered')))
      .orderBy(desc(recuperationBookings.offerExpiresAt))
      .limit(1),
  );
  if (next) await asMember(db, env, 'ningbo', next.memberId, at('2026-11-21T00:50:00Z'), (ctx) => acceptOffer(ctx, next.id));

  // March at 西湖: three nominated by the Ningbo union, approved at once
  await staff('ningbo', '2026-11-18T02:00:00Z', (ctx) => nominate(ctx, { batchId: batch.get('HZ-XH-2703')!, memberIds: nb.slice(14, 17), consentAttested: true, shareMobile: false }));

  // Hangzhou members at Ningbo's 东钱湖
  const dqh = await bookAt('hangzhou', hzm[0]!, 'NB-DQH-2612', '2026-11-05T02:00:00Z');
  await through('hangzhou', 'ningbo', dqh, '2026-11-08');
  await bookAt('hangzhou', hzm[1]!, 'NB-DQH-2612', '2026-11-12T02:00:00Z');
  await bookAt('hangzhou', hzm[2]!, 'NB-DQH-2704', '2026-11-19T02:00:00Z');
}
