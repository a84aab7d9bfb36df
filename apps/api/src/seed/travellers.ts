import { idNumberCheckChar } from '@uc/contracts';
import { federations, members, memberships, recuperationBatches, recuperationRoutes, users, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { sealIdNumber } from '../modules/member/index.ts';
import { addDays, chinaDate } from '../lib/dates.ts';
import { approve, book, confirm, createBatch } from '../modules/recuperation/index.ts';
import { DEMO_PASSWORD } from './demoData.ts';
import { asMember, asStaff, demoMembers } from './recuperation.ts';

// The front-desk demo, added beside the rest and touching none of it: a member in each city with
// a login, no bookings and no trips behind them (traveller@<city>.demo, so the phone journey can be
// shown end to end with a companion), and a Hangzhou batch inside its check-in window *now* —
// dated from the moment of seeding, since check-in opens only the day before a stay — holding one
// confirmed Ningbo booking, so the officer at the door has someone to check in.

type EnvLike = Pick<Env, 'memberIdKey' | 'publicUrl'>;

export const TRAVELLERS = [
  { slug: 'hangzhou', name: '沈一舟', gender: 'male', idFirst17: '33010619880512031', mobile: '13857100312', birthDate: '1988-05-12' },
  { slug: 'ningbo', name: '俞晓岚', gender: 'female', idFirst17: '33020319910823042', mobile: '13958200842', birthDate: '1991-08-23' },
] as const;

/** The check-in demo batch's code. */
export const CHECKIN_BATCH = 'HZ-LA-NOW';

async function federationId(db: Db, slug: string): Promise<string> {
  const [f] = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations).where(eq(federations.slug, slug)));
  return f!.id;
}

/** Adds the travellers and the check-in batch once; false when they are already there. */
export async function seedDemoTravellers(db: Db, env: EnvLike, now = new Date()): Promise<boolean> {
  const [present] = await withoutTenant(db, (tx) => tx.select({ id: users.id }).from(users).where(eq(users.email, 'traveller@hangzhou.demo')));
  if (present) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const tr of TRAVELLERS) {
    const tenantId = await federationId(db, tr.slug);
    const [user] = await withoutTenant(db, (tx) =>
      tx.insert(users).values({ email: `traveller@${tr.slug}.demo`, displayName: tr.name, passwordHash }).returning({ id: users.id }),
    );
    await withTenant(db, tenantId, async (tx) => {
      // in the same grassroots union as member@<city>.demo, whose unit the demo's places reach
      const [home] = await tx
        .select({ orgUnitId: members.orgUnitId })
        .from(memberships)
        .innerJoin(members, and(eq(members.tenantId, memberships.tenantId), eq(members.id, memberships.memberId)))
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.tenantId, tenantId), eq(users.email, `member@${tr.slug}.demo`)));
      const idNumber = tr.idFirst17 + idNumberCheckChar(tr.idFirst17);
      const [m] = await tx
        .insert(members)
        .values({ tenantId, orgUnitId: home!.orgUnitId, name: tr.name, gender: tr.gender, mobile: tr.mobile, birthDate: tr.birthDate, ...sealIdNumber(env.memberIdKey, idNumber) })
        .returning({ id: members.id });
      await tx.insert(memberships).values({ tenantId, userId: user!.id, roles: ['member'], memberId: m!.id });
    });
  }
  await seedCheckinBatch(db, env, now);
  return true;
}

/** A 天目山 batch that starts today (China time), booked by a Ningbo member, approved and confirmed. */
async function seedCheckinBatch(db: Db, env: EnvLike, now: Date) {
  const today = chinaDate(now);
  const batchId = await asStaff(db, env, 'hangzhou', 'admin', now, async (ctx) => {
    const [route] = await ctx.db
      .select({ id: recuperationRoutes.id, days: recuperationRoutes.days })
      .from(recuperationRoutes)
      .where(and(eq(recuperationRoutes.tenantId, ctx.tenantId), eq(recuperationRoutes.title, '天目山森林康养线（5天4晚）')));
    if (!route) return null;
    const [taken] = await ctx.db.select({ id: recuperationBatches.id }).from(recuperationBatches).where(and(eq(recuperationBatches.tenantId, ctx.tenantId), eq(recuperationBatches.code, CHECKIN_BATCH)));
    if (taken) return null;
    const dto = await createBatch(ctx, {
      routeId: route.id,
      code: CHECKIN_BATCH,
      startDate: today,
      nights: route.days - 1,
      capacity: 20,
      bookingOpens: addDays(today, -14),
      bookingCloses: today,
      cancelDeadline: addDays(today, -1),
    });
    return dto.id;
  });
  if (!batchId) return;
  const guests = await demoMembers(db, 'ningbo', 18);
  const guest = guests[17];
  if (!guest) return;
  const first17 = '33020319620304051';
  const id = await asMember(db, env, 'ningbo', guest, now, async (ctx) =>
    (
      await book(ctx, {
        batchId,
        companions: [{ name: '孙丽华', relation: 'spouse', gender: null, idNumber: first17 + idNumberCheckChar(first17) }],
        consent: { accepted: true, shareMobile: true },
        idempotencyKey: `demo-${guest}-${CHECKIN_BATCH}`,
      })
    ).booking.id,
  );
  await asStaff(db, env, 'ningbo', 'officer', now, (ctx) => approve(ctx, id));
  await asStaff(db, env, 'hangzhou', 'officer', now, (ctx) => confirm(ctx, id));
}
