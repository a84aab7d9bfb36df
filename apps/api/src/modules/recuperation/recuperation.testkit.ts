import { randomUUID } from 'node:crypto';
import { memberHonours, members, memberships, orgUnits, users, withoutTenant, withTenant } from '@uc/db';
import { createCaller } from '../../test/caller.ts';
import { callerFor, makeFederation, makeStaff, type Harness, type TestFederation } from '../../test/harness.ts';
import { active } from '../mechanism/mechanism.testkit.ts';
import { idNumberFor } from '../member/member.testkit.ts';
import { sealIdNumber } from '../member/index.ts';
import { ZHEJIANG_POLICY } from './policy.rules.ts';

// A recuperation world for tests: Hangzhou (host) and Ningbo (partner) under an active agreement
// granting 200 places a year each way, Shaoxing outside it, a Ningbo policy with the Zhejiang
// figures, a Hangzhou base, route and batch, and Ningbo members who can sign in.

export type Caller = Awaited<ReturnType<typeof callerFor>>;

/** 2026-11-21 10:00 in China: the day the tests pretend it is */
export const TODAY = new Date('2026-11-21T02:00:00Z');

export const ZHEJIANG = ZHEJIANG_POLICY;

export interface World {
  hz: TestFederation;
  nb: TestFederation;
  sx: TestFederation;
  hzStaff: Caller;
  nbStaff: Caller;
  sxStaff: Caller;
  agreementId: string;
  routeId: string;
  baseId: string;
}

let seq = 0;

export async function makeWorld(h: Harness, opts: { placesPerYear?: number } = {}): Promise<World> {
  h.setNow(TODAY);
  const hz = await makeFederation(h, 'hz');
  const nb = await makeFederation(h, 'nb');
  const sx = await makeFederation(h, 'sx');
  const staff = ['admin', 'signatory', 'officer'] as const;
  const hzStaff = await callerFor(h, await makeStaff(h, hz, [...staff]), hz);
  const nbStaff = await callerFor(h, await makeStaff(h, nb, [...staff]), nb);
  const sxStaff = await callerFor(h, await makeStaff(h, sx, [...staff]), sx);
  const g = await active([hzStaff, nbStaff], [nb.slug]);
  if (opts.placesPerYear !== undefined) {
    // amend the clause's figure and have both sign again
    const { amend } = await import('../mechanism/mechanism.testkit.ts');
    await amend([hzStaff, nbStaff], g.id, (c) => {
      c.commons.find((x) => x.kind === 'recuperation')!.figures.placesPerYear = opts.placesPerYear;
    });
  }
  await nbStaff.recuperation.policy.create(ZHEJIANG);
  const base = await hzStaff.recuperation.base.create({
    name: '西湖疗休养基地',
    city: '杭州',
    address: '杭州市西湖区杨公堤 1 号',
    description: '湖畔',
    photos: ['https://example.org/xihu.jpg'],
    facilities: ['健身房', '医务室'],
    certificationLevel: 'provincial',
    certifiedFrom: '2025-01-01',
    certifiedUntil: '2028-12-31',
    active: true,
  });
  const route = await hzStaff.recuperation.route.create({
    title: '西湖人文休养线',
    description: '',
    baseIds: [base.id],
    days: 5,
    itinerary: [{ day: 1, text: '报到' }],
    pricePerDayFen: 50_000,
    active: true,
  });
  return { hz, nb, sx, hzStaff, nbStaff, sxStaff, agreementId: g.id, routeId: route.id, baseId: base.id };
}

export async function makeBatch(w: World, opts: { capacity?: number; startDate?: string; nights?: number; code?: string; opens?: string; closes?: string; deadline?: string } = {}) {
  const startDate = opts.startDate ?? '2027-03-01';
  return w.hzStaff.recuperation.batch.create({
    routeId: w.routeId,
    code: opts.code ?? `B-${++seq}-${randomUUID().slice(0, 6)}`,
    startDate,
    nights: opts.nights ?? 4,
    capacity: opts.capacity ?? 20,
    bookingOpens: opts.opens ?? '2026-11-01',
    bookingCloses: opts.closes ?? '2027-02-15',
    cancelDeadline: opts.deadline ?? '2027-02-20',
  });
}

export interface TestMember {
  id: string;
  userId: string;
  idNumber: string;
  caller: Caller;
}

let idCounter = 50_000;

/**
 * Members of a federation with member logins, inserted in bulk. Callers carry the signed-in
 * user directly (the session layer is tested elsewhere), so hundreds can be made quickly.
 */
export async function makeMembers(
  h: Harness,
  fed: TestFederation,
  n: number,
  opts: { honour?: string; frontline?: boolean; orgUnitId?: string } = {},
): Promise<TestMember[]> {
  const rows = Array.from({ length: n }, () => {
    const idNumber = idNumberFor(idCounter++, '330203');
    return { id: randomUUID(), userId: randomUUID(), idNumber };
  });
  await withoutTenant(h.t.db, (tx) =>
    tx.insert(users).values(rows.map((r) => ({ id: r.userId, email: `m-${r.userId}@example.test`, displayName: '会员', passwordHash: 'x' }))),
  );
  await withTenant(h.t.db, fed.id, async (tx) => {
    await tx.insert(members).values(
      rows.map((r, i) => ({
        tenantId: fed.id,
        id: r.id,
        orgUnitId: opts.orgUnitId ?? fed.rootUnitId,
        name: `会员${i}`,
        gender: 'female',
        mobile: '13800000000',
        frontline: opts.frontline ? '一线' : null,
        ...sealIdNumber(h.env.memberIdKey, r.idNumber),
      })),
    );
    if (opts.honour) {
      await tx.insert(memberHonours).values(rows.map((r) => ({ tenantId: fed.id, memberId: r.id, kind: opts.honour!, source: '测试', validFrom: '2020-01-01' })));
    }
    await tx.insert(memberships).values(rows.map((r) => ({ tenantId: fed.id, userId: r.userId, roles: ['member'], memberId: r.id })));
  });
  return rows.map((r) => ({ ...r, caller: memberCaller(h, fed, r.userId) }));
}

export function memberCaller(h: Harness, fed: TestFederation, userId: string, locale = 'zh-CN'): Caller {
  return createCaller({
    db: h.t.db,
    env: h.env,
    requestId: 'test',
    ip: '127.0.0.1',
    userAgent: 'vitest',
    tenantSlug: fed.slug,
    locale,
    secure: false,
    auth: { sessionId: 'test', expiresAt: new Date(Date.now() + 3_600_000), user: { id: userId, email: `m-${userId}@example.test`, displayName: '会员', locale } },
    resHeaders: new Headers(),
    now: h.now,
  });
}

/** A district unit under the federation's root. */
export async function makeUnit(h: Harness, fed: TestFederation, name: string, parentId = fed.rootUnitId): Promise<string> {
  return withTenant(h.t.db, fed.id, async (tx) => (await tx.insert(orgUnits).values({ tenantId: fed.id, name, kind: 'district', parentId }).returning())[0]!.id);
}

export const bookFor = (m: TestMember, batchId: string, extra: { companions?: { name: string; relation: 'spouse' | 'child'; idNumber: string }[]; key?: string } = {}) =>
  m.caller.recuperation.booking.book({
    batchId,
    companions: (extra.companions ?? []).map((c) => ({ ...c, gender: null })),
    consent: { accepted: true, shareMobile: false },
    idempotencyKey: extra.key ?? `key-${m.id}-${batchId}`,
  });

/** beds taken (the batch's pool) and the sum of beds held by bookings, straight from the database (as the owner) */
export async function bedCounts(h: Harness, batchId: string) {
  const [b] = await h.t.query<{ beds_taken: number; capacity: number }>(`select taken as beds_taken, capacity from place_pool where id = $1`, [batchId]);
  const [s] = await h.t.query<{ held: number }>(
    `select coalesce(sum(beds), 0)::int as held from recuperation_booking where batch_id = $1 and status in ('offered', 'requested', 'approved', 'confirmed', 'completed', 'no_show')`,
    [batchId],
  );
  return { bedsTaken: b!.beds_taken, capacity: b!.capacity, held: s!.held };
}

export async function quotaRow(h: Harness, receiverId: string) {
  const rows = await h.t.query<{ granted: number; used: number; pool_used: number; allocated: number; released: number }>(
    `select granted, used, pool_used, allocated, released from place_quota where tenant_id = $1 and kind = 'recuperation'`,
    [receiverId],
  );
  return rows[0] ?? null;
}
