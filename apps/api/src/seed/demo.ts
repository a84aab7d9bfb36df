import { randomUUID } from 'node:crypto';
import { idNumberCheckChar } from '@uc/contracts';
import { federations, memberHonours, members, memberships, orgUnits, users, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { recordAudit } from '../modules/audit/index.ts';
import { acceptInvitation, hashPassword } from '../modules/auth/index.ts';
import { createFederation } from '../modules/platform/index.ts';
import { registerModules } from '../modules/index.ts';
import { sealIdNumber } from '../modules/member/index.ts';
import { systemActor } from '../service.ts';
import { seedDemoAgreements } from './agreements.ts';
import { seedDemoProgrammes } from './programme.ts';
import { seedDemoRecuperation } from './recuperation.ts';
import { seedDemoTravellers } from './travellers.ts';
import { seedDemoContests } from './contest.ts';
import { seedDemoItems } from './itemsDemo.ts';
import { seedDemoRights } from './rights.ts';
import { seedDemoMechanisms } from './mechanismsDemo.ts';
import { seedDemoScopedOfficer } from './scopedOfficer.ts';
import { DEMO_FEDERATIONS, DEMO_PASSWORD, DEMO_STAFF, DEMO_TO_ACTIVATE, GIVEN, SURNAMES, type DemoFederation } from './demoData.ts';

const MEMBERS_PER_FEDERATION = 300;

/** A small deterministic PRNG so every fresh database gets the same demo people. */
export function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoIdNumber(rand: () => number, areaCode: string, gender: 'male' | 'female'): string {
  const y = 1965 + Math.floor(rand() * 38);
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  let seq = 100 + Math.floor(rand() * 899);
  if ((seq % 2 === 1) !== (gender === 'male')) seq = seq === 999 ? 998 : seq + 1;
  const first17 = `${areaCode}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

/** Seeds the three demo federations; a federation that already exists is left as it is. */
export async function seedDemo(db: Db, env: Pick<Env, 'memberIdKey' | 'publicUrl'>): Promise<string> {
  registerModules(); // the seed calls services directly: signing must create the planned joint items
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const done: string[] = [];
  for (const [i, fed] of DEMO_FEDERATIONS.entries()) {
    const exists = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations).where(eq(federations.slug, fed.slug)));
    if (exists.length) continue;
    await seedFederation(db, env, fed, passwordHash, i + 1);
    done.push(fed.slug);
  }
  // the demo's platform operator (a real installation makes its operator with `pnpm cli operator:create`)
  await withoutTenant(db, (tx) =>
    tx.insert(users).values({ email: 'operator@platform.demo', displayName: '平台运营（演示）', passwordHash, platformRole: 'operator' }).onConflictDoNothing(),
  );
  if (await seedDemoAgreements(db, env)) done.push('agreements');
  // recuperation bases, batches, quotas and bookings under the 杭甬 agreement (not named in the summary)
  await seedDemoRecuperation(db, env);
  // a bookable member in each city (traveller@<city>.demo) and a batch in its check-in window now
  await seedDemoTravellers(db, env);
  // milestones, progress and responsible persons of the 杭甬 items (not named in the summary either)
  await seedDemoItems(db, env);
  // rights referrals 杭州 → 宁波 in every state, one breached and escalated
  await seedDemoRights(db, env);
  // joint skills contests under the 杭甬 agreement: one event published and finalised, one open
  await seedDemoContests(db, env);
  // joint programmes: venues, the 劳模工匠宣讲 series and a training class, registrations and check-ins
  await seedDemoProgrammes(db, env);
  // liaison pairs and joint meetings of the 杭甬 agreement (the README promises them)
  if (await seedDemoMechanisms(db, env)) done.push('mechanisms');
  // an officer limited to one Hangzhou district, made through a scoped invitation (not named in the summary)
  await seedDemoScopedOfficer(db, env);
  return done.length ? `seeded ${done.join(', ')}` : 'already present';
}

async function seedFederation(db: Db, env: Pick<Env, 'memberIdKey' | 'publicUrl'>, fed: DemoFederation, passwordHash: string, seed: number) {
  const rand = prng(seed * 7919);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  // onboarded as an operator onboards a federation (issue 12): the platform service creates it with
  // its root unit and invites its first admin, who accepts with the demo password
  const admin = DEMO_STAFF.find((s) => s.local === 'admin')!;
  const adminEmail = `admin@${fed.slug}.demo`;
  const adminName = admin.names[fed.slug as keyof typeof admin.names] ?? `${fed.city}${admin.title}`;
  const now = new Date();
  const created = await createFederation(
    { db, now, actor: { userId: null, label: 'demo seed', ip: null }, env },
    { slug: fed.slug, nameZh: fed.nameZh, nameEn: fed.nameEn, city: fed.city, regionCode: fed.regionCode, contactName: adminName, contactEmail: adminEmail, contactPhone: '', adminEmail, adminName },
  );
  const tenantId = created.id;
  await acceptInvitation({ db, now, ip: null, userAgent: 'demo seed' }, { token: created.invitationLink.split('/invite/')[1]!, password: DEMO_PASSWORD });
  await withTenant(db, tenantId, async (tx) => {
    const ctx = { db: tx, tenantId, actor: systemActor, now: new Date() };
    // every unit gets a code an office can type in a roster sheet: HANGZHOU, HANGZHOU-01, HANGZHOU-01-02, HANGZHOU-01-02-1, HANGZHOU-I1…
    const unit = async (name: string, kind: string, parentId: string | null, sortOrder: number, code: string) =>
      (await tx.insert(orgUnits).values({ tenantId, name, kind, parentId, sortOrder, code }).returning({ id: orgUnits.id }))[0]!.id;
    const two = (n: number) => String(n + 1).padStart(2, '0');
    const rootCode = fed.slug.toUpperCase();
    // the root the platform made, given its code
    const [rootRow] = await tx.update(orgUnits).set({ code: rootCode, sortOrder: 0 }).where(and(eq(orgUnits.tenantId, tenantId), isNull(orgUnits.parentId))).returning({ id: orgUnits.id });
    const root = rootRow!.id;
    const grassroots: string[] = [];
    for (const [di, d] of fed.districts.entries()) {
      const dId = await unit(d.name, 'district', root, di, `${rootCode}-${two(di)}`);
      for (const [si, s] of d.streets.entries()) {
        const sId = await unit(s, 'street', dId, si, `${rootCode}-${two(di)}-${two(si)}`);
        for (let g = 0; g < 2; g++) grassroots.push(await unit(`${pick(fed.companies)}${g === 0 ? '' : '第二分公司'}工会`.replace('工会工会', '工会'), 'grassroots', sId, g, `${rootCode}-${two(di)}-${two(si)}-${g + 1}`));
      }
    }
    for (const [ii, ind] of fed.industries.entries()) {
      const iId = await unit(ind, 'industry', root, 100 + ii, `${rootCode}-I${ii + 1}`);
      grassroots.push(await unit(`${ind.replace(/工会$/, '')}系统基层工会`, 'grassroots', iId, 0, `${rootCode}-I${ii + 1}-1`));
    }

    const memberRows: (typeof members.$inferInsert)[] = [];
    const honourRows: (typeof memberHonours.$inferInsert)[] = [];
    const seen = new Set<string>();
    while (memberRows.length < MEMBERS_PER_FEDERATION) {
      const gender = rand() < 0.5 ? 'male' : 'female';
      const idNumber = demoIdNumber(rand, pick(fed.areaCodes), gender);
      if (seen.has(idNumber)) continue;
      seen.add(idNumber);
      const id = crypto.randomUUID();
      const name = pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '');
      memberRows.push({
        tenantId,
        id,
        orgUnitId: pick(grassroots),
        name,
        gender,
        mobile: `1${pick(['35', '38', '39', '58', '59', '87', '88', '36'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
        birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
        ...sealIdNumber(env.memberIdKey, idNumber),
      });
      const r = rand();
      if (r < 0.05) honourRows.push({ tenantId, memberId: id, kind: 'model_worker', source: `${fed.city}市劳动模范（2021年）`, validFrom: '2021-04-28', validUntil: null });
      else if (r < 0.1) honourRows.push({ tenantId, memberId: id, kind: 'may_day_medal', source: '浙江省五一劳动奖章', validFrom: '2023-04-28', validUntil: null });
      else if (r < 0.2) honourRows.push({ tenantId, memberId: id, kind: 'skilled_worker', source: `${fed.city}市技术能手`, validFrom: '2024-11-01', validUntil: '2029-10-31' });
      if (rand() < 0.3) honourRows.push({ tenantId, memberId: id, kind: 'frontline', source: '一线职工', validFrom: '2020-01-01', validUntil: null });
    }
    if (fed.slug === DEMO_TO_ACTIVATE.slug) {
      // a member on record with no account yet: the activation journey (mobile + last six of the ID number + SMS code)
      const { name, mobile, idNumber } = DEMO_TO_ACTIVATE;
      memberRows.push({ ...memberRows[0]!, id: randomUUID(), name, gender: 'female', mobile, birthDate: '1992-05-12', ...sealIdNumber(env.memberIdKey, idNumber) });
    }
    for (let k = 0; k < memberRows.length; k += 100) await tx.insert(members).values(memberRows.slice(k, k + 100));
    for (let k = 0; k < honourRows.length; k += 100) await tx.insert(memberHonours).values(honourRows.slice(k, k + 100));

    for (const s of DEMO_STAFF) {
      const name = s.names[fed.slug as keyof typeof s.names] ?? `${fed.city}${s.title}`;
      const userId = await ensureUser(tx, `${s.local}@${fed.slug}.demo`, name, passwordHash, s.title);
      // the admin joined through the invitation (roles ['admin']): the demo's admin is also an officer
      if (s === admin) {
        await tx.update(users).set({ title: s.title }).where(eq(users.id, userId));
        await tx.update(memberships).set({ roles: [...s.roles] }).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
      } else await tx.insert(memberships).values({ tenantId, userId, roles: [...s.roles] });
    }
    const member = memberRows[0]!;
    const memberUser = await ensureUser(tx, `member@${fed.slug}.demo`, member.name, passwordHash);
    await tx.insert(memberships).values({ tenantId, userId: memberUser, roles: ['member'], memberId: member.id });
    await recordAudit(ctx, { type: 'federation.seeded', entityType: 'federation', entityId: tenantId, data: { slug: fed.slug } });
  });
}

async function ensureUser(tx: Db, email: string, displayName: string, passwordHash: string, title = ''): Promise<string> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) return existing.id;
  return (await tx.insert(users).values({ email, displayName, title, passwordHash }).returning({ id: users.id }))[0]!.id;
}
