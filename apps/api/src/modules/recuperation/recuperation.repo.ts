import {
  agreementParties,
  agreements,
  agreementVersions,
  asTenantOf as switchTenant,
  federations,
  memberHonours,
  members,
  orgUnits,
  placePools,
  recuperationBases,
  recuperationBatches,
  recuperationBookings,
  recuperationPolicies,
  recuperationRouteBases,
  recuperationRoutes,
  type Db,
} from '@uc/db';
import { and, asc, desc, eq, gte, ilike, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import type { ClaimTable } from '../place/index.ts';
import { ACTIVE, ON_ROSTER, type BaseRow, type BatchFacts, type BatchRow, type BookingRow, type FederationName, type PolicyRow, type RouteRow } from './recuperation.types.ts';

// The recuperation repository: every query of the module, each named for what it loads. Use
// cases (*.query.ts, *.write.ts) call these and never build SQL themselves.
//
// Tenancy: the transaction runs as ctx.tenantId. Bases, routes and batches belong to the host;
// bookings and the quota ledger to the member's home federation (the receiver) and are visible
// to the host too. Reads of another federation's rows that row-level security would hide from
// the caller switch app.tenant_id for that one statement (asTenantOf).

type Ctx = Pick<ServiceCtx, 'db' | 'tenantId'>;
type Read = Pick<ServiceCtx, 'db'>;
const NO_ID = '00000000-0000-0000-0000-000000000000';

/** One statement as another federation (the host), pipelined with the switch and back. */
const asTenantOf = <T>(ctx: Ctx, tenantId: string, statement: () => PromiseLike<T>) => switchTenant(ctx.db, ctx.tenantId, tenantId, statement);

// ---- federations (a global table) ---------------------------------------------------------

export async function findFederationNames(ctx: Read, ids: string[]): Promise<Map<string, FederationName>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.db
    .select({ id: federations.id, slug: federations.slug, nameZh: federations.nameZh, nameEn: federations.nameEn })
    .from(federations)
    .where(inArray(federations.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findFederationIdBySlug(ctx: Read, slug: string): Promise<string | undefined> {
  const [row] = await ctx.db.select({ id: federations.id }).from(federations).where(eq(federations.slug, slug));
  return row?.id;
}

// ---- bases and routes (the host's) --------------------------------------------------------

export async function findBasesByHost(ctx: Read, hostTenantId: string, ids?: string[]): Promise<BaseRow[]> {
  const where = [eq(recuperationBases.tenantId, hostTenantId)];
  if (ids) where.push(inArray(recuperationBases.id, ids.length ? ids : [NO_ID]));
  return ctx.db.select().from(recuperationBases).where(and(...where)).orderBy(asc(recuperationBases.name));
}

export async function insertBase(ctx: Ctx, values: Omit<typeof recuperationBases.$inferInsert, 'tenantId'>): Promise<BaseRow> {
  const [row] = await ctx.db.insert(recuperationBases).values({ tenantId: ctx.tenantId, ...values }).returning();
  return row!;
}

/** Updates the host's base if its row version is still `rowVersion`; undefined otherwise. */
export async function updateBaseAtVersion(ctx: Ctx & Pick<ServiceCtx, 'now'>, id: string, rowVersion: number, set: Partial<typeof recuperationBases.$inferInsert>): Promise<BaseRow | undefined> {
  const [row] = await ctx.db
    .update(recuperationBases)
    .set({ ...set, rowVersion: rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(recuperationBases.tenantId, ctx.tenantId), eq(recuperationBases.id, id), eq(recuperationBases.rowVersion, rowVersion)))
    .returning();
  return row;
}

export async function findBaseIdsOfHost(ctx: Ctx, ids: string[]): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: recuperationBases.id })
    .from(recuperationBases)
    .where(and(eq(recuperationBases.tenantId, ctx.tenantId), inArray(recuperationBases.id, ids)));
  return rows.map((r) => r.id);
}

export async function findRoutesByHost(ctx: Read, hostTenantId: string, ids?: string[]): Promise<RouteRow[]> {
  const where = [eq(recuperationRoutes.tenantId, hostTenantId)];
  if (ids) where.push(inArray(recuperationRoutes.id, ids.length ? ids : [NO_ID]));
  return ctx.db.select().from(recuperationRoutes).where(and(...where)).orderBy(asc(recuperationRoutes.title));
}

/** The bases each route visits, in order, with their names. */
export async function findRouteBasesByRoutes(ctx: Read, hostTenantId: string, routeIds: string[]) {
  return ctx.db
    .select({ routeId: recuperationRouteBases.routeId, id: recuperationBases.id, name: recuperationBases.name, city: recuperationBases.city, position: recuperationRouteBases.position })
    .from(recuperationRouteBases)
    .innerJoin(recuperationBases, and(eq(recuperationBases.tenantId, recuperationRouteBases.tenantId), eq(recuperationBases.id, recuperationRouteBases.baseId)))
    .where(and(eq(recuperationRouteBases.tenantId, hostTenantId), inArray(recuperationRouteBases.routeId, routeIds)))
    .orderBy(asc(recuperationRouteBases.position));
}

/** The route's title and price, read as the batch's host allows. */
export async function findRouteTitleAndPrice(ctx: Read, hostTenantId: string, routeId: string): Promise<{ title: string; pricePerDayFen: number } | undefined> {
  const [row] = await ctx.db
    .select({ title: recuperationRoutes.title, pricePerDayFen: recuperationRoutes.pricePerDayFen })
    .from(recuperationRoutes)
    .where(and(eq(recuperationRoutes.tenantId, hostTenantId), eq(recuperationRoutes.id, routeId)));
  return row;
}

/** The route's bases whose certification does not cover every day from `from` to `to` (a lapsed or not yet valid base). */
export async function findUncertifiedBasesOfRoute(ctx: Read, hostTenantId: string, routeId: string, from: string, to: string): Promise<{ name: string; certifiedUntil: string }[]> {
  return ctx.db
    .select({ name: recuperationBases.name, certifiedUntil: recuperationBases.certifiedUntil })
    .from(recuperationRouteBases)
    .innerJoin(recuperationBases, and(eq(recuperationBases.tenantId, recuperationRouteBases.tenantId), eq(recuperationBases.id, recuperationRouteBases.baseId)))
    .where(and(eq(recuperationRouteBases.tenantId, hostTenantId), eq(recuperationRouteBases.routeId, routeId), or(sql`${recuperationBases.certifiedFrom} > ${from}`, sql`${recuperationBases.certifiedUntil} < ${to}`)));
}

export async function existsOwnRoute(ctx: Ctx, routeId: string): Promise<boolean> {
  const [r] = await ctx.db.select({ id: recuperationRoutes.id }).from(recuperationRoutes).where(and(eq(recuperationRoutes.tenantId, ctx.tenantId), eq(recuperationRoutes.id, routeId)));
  return !!r;
}

export async function insertRoute(ctx: Ctx, values: Omit<typeof recuperationRoutes.$inferInsert, 'tenantId'>): Promise<RouteRow> {
  const [row] = await ctx.db.insert(recuperationRoutes).values({ tenantId: ctx.tenantId, ...values }).returning();
  return row!;
}

export async function updateRouteAtVersion(ctx: Ctx & Pick<ServiceCtx, 'now'>, id: string, rowVersion: number, set: Partial<typeof recuperationRoutes.$inferInsert>): Promise<RouteRow | undefined> {
  const [row] = await ctx.db
    .update(recuperationRoutes)
    .set({ ...set, rowVersion: rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(recuperationRoutes.tenantId, ctx.tenantId), eq(recuperationRoutes.id, id), eq(recuperationRoutes.rowVersion, rowVersion)))
    .returning();
  return row;
}

export async function replaceRouteBases(ctx: Ctx, routeId: string, baseIds: string[]): Promise<void> {
  await ctx.db.delete(recuperationRouteBases).where(and(eq(recuperationRouteBases.tenantId, ctx.tenantId), eq(recuperationRouteBases.routeId, routeId)));
  await ctx.db.insert(recuperationRouteBases).values(baseIds.map((baseId, position) => ({ tenantId: ctx.tenantId, routeId, baseId, position })));
}

// ---- batches (the host's; partners read them under an active agreement) -------------------
// A batch's beds are its pool in the places engine (place_pool, same id): capacity, beds taken
// and the status live there, read with the batch in one join.

const withPool = <T extends { batch: typeof recuperationBatches.$inferSelect; pool: typeof placePools.$inferSelect }>(r: T): BatchRow => ({
  ...r.batch,
  capacity: r.pool.capacity,
  bedsTaken: r.pool.taken,
  status: r.pool.status,
  pool: r.pool,
});

const batchWithPool = (ctx: Read) =>
  ctx.db
    .select({ batch: recuperationBatches, pool: placePools })
    .from(recuperationBatches)
    .innerJoin(placePools, and(eq(placePools.tenantId, recuperationBatches.tenantId), eq(placePools.id, recuperationBatches.id)));

/** A batch the caller may see (own, or a partner's under an active agreement), with its pool. */
export async function findBatchById(ctx: Read, id: string, hostTenantId?: string): Promise<BatchRow | undefined> {
  const where = [eq(recuperationBatches.id, id)];
  if (hostTenantId) where.push(eq(recuperationBatches.tenantId, hostTenantId));
  const [row] = await batchWithPool(ctx).where(and(...where));
  return row && withPool(row);
}

/** The host's batch under its row lock (its pool is locked by the engine when it changes). */
export async function lockBatch(ctx: Read, hostTenantId: string, id: string): Promise<BatchRow | undefined> {
  const [row] = await batchWithPool(ctx)
    .where(and(eq(recuperationBatches.tenantId, hostTenantId), eq(recuperationBatches.id, id)))
    .for('update', { of: recuperationBatches });
  return row && withPool(row);
}

export async function findBatchesOfHost(ctx: Ctx, f: { from?: string | undefined; to?: string | undefined; routeId?: string | undefined }): Promise<BatchRow[]> {
  const where: SQL[] = [eq(recuperationBatches.tenantId, ctx.tenantId)];
  if (f.from) where.push(gte(recuperationBatches.startDate, f.from));
  if (f.to) where.push(lte(recuperationBatches.startDate, f.to));
  if (f.routeId) where.push(eq(recuperationBatches.routeId, f.routeId));
  const rows = await batchWithPool(ctx).where(and(...where)).orderBy(asc(recuperationBatches.startDate), asc(recuperationBatches.code)).limit(500);
  return rows.map(withPool);
}

/** Batches the caller's federation may book (row-level security shows exactly its own and its partners'). */
export async function findCatalogBatches(ctx: Read, f: { from: string; to?: string | undefined; openOn?: string | undefined; hostTenantId?: string | undefined }): Promise<BatchRow[]> {
  const where: SQL[] = [gte(recuperationBatches.startDate, f.from), ne(placePools.status, 'cancelled')];
  if (f.to) where.push(lte(recuperationBatches.startDate, f.to));
  if (f.openOn) where.push(eq(placePools.status, 'open'), lte(recuperationBatches.bookingOpens, f.openOn), gte(recuperationBatches.bookingCloses, f.openOn));
  if (f.hostTenantId) where.push(eq(recuperationBatches.tenantId, f.hostTenantId));
  const rows = await batchWithPool(ctx).where(and(...where)).orderBy(asc(recuperationBatches.startDate), asc(recuperationBatches.code)).limit(300);
  return rows.map(withPool);
}

/** The batch's own row (its pool, of the same id, is created first by the engine). */
export async function insertBatch(ctx: Ctx, values: Omit<typeof recuperationBatches.$inferInsert, 'tenantId'>): Promise<typeof recuperationBatches.$inferSelect> {
  const [row] = await ctx.db.insert(recuperationBatches).values({ tenantId: ctx.tenantId, ...values }).returning();
  return row!;
}

export async function updateBatchRow(ctx: Ctx, id: string, set: Partial<typeof recuperationBatches.$inferInsert>): Promise<void> {
  await ctx.db
    .update(recuperationBatches)
    .set(set)
    .where(and(eq(recuperationBatches.tenantId, ctx.tenantId), eq(recuperationBatches.id, id)));
}

/** Code, route title and dates of the bookings' batches, read as each host. */
export async function findBatchFacts(ctx: Ctx, rows: Pick<BookingRow, 'hostTenantId' | 'batchId'>[]): Promise<Map<string, BatchFacts>> {
  const out = new Map<string, BatchFacts>();
  for (const host of new Set(rows.map((r) => r.hostTenantId))) {
    const ids = [...new Set(rows.filter((r) => r.hostTenantId === host).map((r) => r.batchId))];
    const read = () =>
      ctx.db
        .select({ id: recuperationBatches.id, code: recuperationBatches.code, startDate: recuperationBatches.startDate, nights: recuperationBatches.nights, cancelDeadline: recuperationBatches.cancelDeadline, routeTitle: recuperationRoutes.title })
        .from(recuperationBatches)
        .innerJoin(recuperationRoutes, and(eq(recuperationRoutes.tenantId, recuperationBatches.tenantId), eq(recuperationRoutes.id, recuperationBatches.routeId)))
        .where(and(eq(recuperationBatches.tenantId, host), inArray(recuperationBatches.id, ids)));
    const found = await asTenantOf(ctx, host, read);
    for (const f of found) out.set(f.id, f);
  }
  return out;
}

// ---- bookings (the home federation's; the host sees those at its batches) ----------------

/** recuperation_booking as the engine's claim table: batch_id is the pool, beds the units. */
export const bookingClaims: ClaimTable = {
  table: recuperationBookings,
  columns: {
    tenantId: recuperationBookings.tenantId,
    id: recuperationBookings.id,
    hostTenantId: recuperationBookings.hostTenantId,
    poolId: recuperationBookings.batchId,
    memberId: recuperationBookings.memberId,
    status: recuperationBookings.status,
    units: recuperationBookings.beds,
    quotaId: recuperationBookings.quotaId,
    allocationId: recuperationBookings.allocationId,
    quotaPlaces: recuperationBookings.quotaPlaces,
    priorityRank: recuperationBookings.priorityRank,
    requestedAt: recuperationBookings.requestedAt,
    offerExpiresAt: recuperationBookings.offerExpiresAt,
    idempotencyKey: recuperationBookings.idempotencyKey,
    rowVersion: recuperationBookings.rowVersion,
    updatedAt: recuperationBookings.updatedAt,
  },
};


export async function findBookingById(ctx: Read, id: string, opts: { forUpdate?: boolean } = {}): Promise<BookingRow | undefined> {
  const q = ctx.db.select().from(recuperationBookings).where(eq(recuperationBookings.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** The booking whose QR token this is, at one of the host's batches, under its row lock. */
export async function lockBookingByHostAndToken(ctx: Ctx, token: string): Promise<BookingRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(recuperationBookings)
    .where(and(eq(recuperationBookings.hostTenantId, ctx.tenantId), eq(recuperationBookings.checkinToken, token)))
    .for('update');
  return row;
}

/** The confirmed booking at one of the host's batches with this short code, under its row lock. */
export async function lockBookingByHostAndCode(ctx: Ctx, batchId: string, code: string): Promise<BookingRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(recuperationBookings)
    .where(
      and(
        eq(recuperationBookings.hostTenantId, ctx.tenantId),
        eq(recuperationBookings.batchId, batchId),
        eq(recuperationBookings.checkinCode, code),
        eq(recuperationBookings.status, 'confirmed'),
      ),
    )
    .for('update');
  return row;
}

/** The short codes the batch's confirmed bookings hold (the host reads every party's bookings of its batch). */
export async function takenCheckinCodes(ctx: Ctx, b: Pick<BookingRow, 'hostTenantId' | 'batchId'>): Promise<Set<string>> {
  const rows = await ctx.db
    .select({ code: recuperationBookings.checkinCode })
    .from(recuperationBookings)
    .where(and(eq(recuperationBookings.hostTenantId, b.hostTenantId), eq(recuperationBookings.batchId, b.batchId), eq(recuperationBookings.status, 'confirmed')));
  return new Set(rows.map((r) => r.code).filter((c): c is string => c !== null));
}

/** INSERT … ON CONFLICT DO NOTHING: undefined when the same key or an active booking of the batch exists. */
export async function insertBookingUnlessExists(ctx: Read, values: typeof recuperationBookings.$inferInsert): Promise<BookingRow | undefined> {
  const [row] = await ctx.db.insert(recuperationBookings).values(values).onConflictDoNothing().returning();
  return row;
}

/** Writes the booking's new state (the caller bumps row_version where the step is one). */
export async function updateBooking(ctx: Read, b: Pick<BookingRow, 'tenantId' | 'id'>, set: Partial<typeof recuperationBookings.$inferInsert>): Promise<BookingRow> {
  const [row] = await ctx.db
    .update(recuperationBookings)
    .set(set)
    .where(and(eq(recuperationBookings.tenantId, b.tenantId), eq(recuperationBookings.id, b.id)))
    .returning();
  return row!;
}

/** The booking's next step: its status (and the fields given), the row version bumped. */
export const moveBooking = (ctx: Read & Pick<ServiceCtx, 'now'>, b: Pick<BookingRow, 'tenantId' | 'id' | 'rowVersion'>, to: string, set: Partial<typeof recuperationBookings.$inferInsert> = {}) =>
  updateBooking(ctx, b, { ...set, status: to, rowVersion: b.rowVersion + 1, updatedAt: ctx.now });

export async function findBookingsByMember(ctx: Read, homeTenantId: string, memberId: string): Promise<BookingRow[]> {
  return ctx.db.select().from(recuperationBookings).where(and(eq(recuperationBookings.tenantId, homeTenantId), eq(recuperationBookings.memberId, memberId)));
}

export async function findBookingsByMembers(ctx: Ctx, memberIds: string[]): Promise<BookingRow[]> {
  return ctx.db.select().from(recuperationBookings).where(and(eq(recuperationBookings.tenantId, ctx.tenantId), inArray(recuperationBookings.memberId, memberIds)));
}

/** The member's latest bookings (100), newest trip first. */
export async function findRecentBookingsOfMember(ctx: Ctx, memberId: string): Promise<BookingRow[]> {
  return ctx.db
    .select()
    .from(recuperationBookings)
    .where(and(eq(recuperationBookings.tenantId, ctx.tenantId), eq(recuperationBookings.memberId, memberId)))
    .orderBy(desc(recuperationBookings.batchStart), desc(recuperationBookings.requestedAt))
    .limit(100);
}

export interface BookingFilter {
  side: 'home' | 'host';
  status?: string | undefined;
  batchId?: string | undefined;
  q?: string | undefined;
  limit: number;
  /** a scoped officer's home list: members of their units */
  scope?: SQL | null;
}

export async function findBookingsFiltered(ctx: Ctx, f: BookingFilter): Promise<BookingRow[]> {
  const where: SQL[] = [f.side === 'home' ? eq(recuperationBookings.tenantId, ctx.tenantId) : eq(recuperationBookings.hostTenantId, ctx.tenantId)];
  if (f.scope) where.push(f.scope);
  if (f.status) where.push(eq(recuperationBookings.status, f.status));
  if (f.batchId) where.push(eq(recuperationBookings.batchId, f.batchId));
  if (f.q) where.push(or(ilike(recuperationBookings.memberName, `%${f.q}%`), ilike(recuperationBookings.orgUnitName, `%${f.q}%`))!);
  return ctx.db
    .select()
    .from(recuperationBookings)
    .where(and(...where))
    .orderBy(desc(recuperationBookings.requestedAt))
    .limit(f.limit);
}

export async function findActiveByMemberAndBatch(ctx: Ctx, memberId: string, batchId: string): Promise<BookingRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(recuperationBookings)
    .where(
      and(
        eq(recuperationBookings.tenantId, ctx.tenantId),
        eq(recuperationBookings.memberId, memberId),
        eq(recuperationBookings.batchId, batchId),
        inArray(recuperationBookings.status, [...ACTIVE]),
      ),
    );
  return row;
}

/** The member's active bookings of these batches (id, status, batch). */
export async function findActiveByMemberAndBatches(ctx: Ctx, memberId: string, batchIds: string[]) {
  return ctx.db
    .select({ id: recuperationBookings.id, status: recuperationBookings.status, batchId: recuperationBookings.batchId })
    .from(recuperationBookings)
    .where(
      and(
        eq(recuperationBookings.tenantId, ctx.tenantId),
        eq(recuperationBookings.memberId, memberId),
        inArray(recuperationBookings.batchId, batchIds),
        inArray(recuperationBookings.status, [...ACTIVE]),
      ),
    );
}

/** Everyone holding a bed of the host's batch, by federation, unit and name. */
export async function findRosterBookings(ctx: Ctx, batchId: string): Promise<BookingRow[]> {
  return ctx.db
    .select()
    .from(recuperationBookings)
    .where(and(eq(recuperationBookings.hostTenantId, ctx.tenantId), eq(recuperationBookings.batchId, batchId), inArray(recuperationBookings.status, [...ON_ROSTER])))
    .orderBy(asc(recuperationBookings.tenantId), asc(recuperationBookings.orgUnitName), asc(recuperationBookings.memberName));
}

// ---- members (the home federation's) ------------------------------------------------------

/** The member with their org unit's name and frontline flag. */
export async function findMemberWithUnit(ctx: Read, homeTenantId: string, memberId: string) {
  const [row] = await ctx.db
    .select({ id: members.id, name: members.name, gender: members.gender, mobile: members.mobile, idNumberMasked: members.idNumberMasked, orgUnitId: members.orgUnitId, orgUnitName: orgUnits.name, frontline: members.frontline })
    .from(members)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, members.tenantId), eq(orgUnits.id, members.orgUnitId)))
    .where(and(eq(members.tenantId, homeTenantId), eq(members.id, memberId)));
  return row;
}

export async function findHonoursOfMember(ctx: Read, homeTenantId: string, memberId: string) {
  return ctx.db
    .select({ kind: memberHonours.kind, validFrom: memberHonours.validFrom, validUntil: memberHonours.validUntil })
    .from(memberHonours)
    .where(and(eq(memberHonours.tenantId, homeTenantId), eq(memberHonours.memberId, memberId)));
}

export async function findMemberNamesByIds(ctx: Ctx, ids: string[]): Promise<{ id: string; name: string }[]> {
  return ctx.db.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.tenantId, ctx.tenantId), inArray(members.id, ids)));
}

export async function findMembersByIdNumberHmacs(ctx: Ctx, hmacs: string[]): Promise<{ id: string; name: string; hmac: string }[]> {
  if (!hmacs.length) return [];
  return ctx.db.select({ id: members.id, name: members.name, hmac: members.idNumberHmac }).from(members).where(and(eq(members.tenantId, ctx.tenantId), inArray(members.idNumberHmac, hmacs)));
}

export async function existsOrgUnit(ctx: Ctx, id: string): Promise<boolean> {
  const [unit] = await ctx.db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.id, id)));
  return !!unit;
}

// ---- policy (the home federation's) -------------------------------------------------------

/** Every policy of the federation, oldest first. */
export async function findPoliciesOf(ctx: Read, homeTenantId: string): Promise<PolicyRow[]> {
  return ctx.db.select().from(recuperationPolicies).where(eq(recuperationPolicies.tenantId, homeTenantId)).orderBy(asc(recuperationPolicies.effectiveFrom));
}

export async function insertPolicy(db: Db, tenantId: string, values: Omit<typeof recuperationPolicies.$inferInsert, 'tenantId'>): Promise<PolicyRow> {
  const [row] = await db.insert(recuperationPolicies).values({ tenantId, ...values }).returning();
  return row!;
}

export async function lockPolicy(ctx: Ctx, id: string): Promise<PolicyRow | undefined> {
  const [row] = await ctx.db.select().from(recuperationPolicies).where(and(eq(recuperationPolicies.tenantId, ctx.tenantId), eq(recuperationPolicies.id, id))).for('update');
  return row;
}

export async function updatePolicyRow(db: Db, tenantId: string, id: string, set: Partial<typeof recuperationPolicies.$inferInsert>): Promise<void> {
  await db.update(recuperationPolicies).set(set).where(and(eq(recuperationPolicies.tenantId, tenantId), eq(recuperationPolicies.id, id)));
}

// ---- agreements ---------------------------------------------------------------------------

/** The active agreement naming both federations in force on `onDate` (latest first), as either party sees it, with its in-force content. */
export async function findActiveAgreementBetween(ctx: Read, hostTenantId: string, receiverTenantId: string, onDate: string) {
  const [row] = await ctx.db
    .select({ tenantId: agreements.tenantId, id: agreements.id, title: agreements.title, content: agreementVersions.content })
    .from(agreements)
    .innerJoin(agreementVersions, and(eq(agreementVersions.tenantId, agreements.tenantId), eq(agreementVersions.id, agreements.inForceVersionId)))
    .where(
      and(
        eq(agreements.status, 'active'),
        sql`${agreements.partyTenantIds} @> array[${hostTenantId}, ${receiverTenantId}]::uuid[]`,
        lte(agreements.termStart, onDate),
        gte(agreements.termEnd, onDate),
      ),
    )
    .orderBy(desc(agreements.termStart))
    .limit(1);
  return row;
}

/** The active agreements the caller may see (one, when given), with parties and in-force content. */
export async function findActiveAgreementsWithContent(ctx: Read, agreementId?: string) {
  const where = [eq(agreements.status, 'active')];
  if (agreementId) where.push(eq(agreements.id, agreementId));
  return ctx.db
    .select({ tenantId: agreements.tenantId, id: agreements.id, title: agreements.title, parties: agreements.partyTenantIds, content: agreementVersions.content })
    .from(agreements)
    .innerJoin(agreementVersions, and(eq(agreementVersions.tenantId, agreements.tenantId), eq(agreementVersions.id, agreements.inForceVersionId)))
    .where(and(...where));
}

/** The owner (tenant) of an agreement the caller is a party to. */
export async function findAgreementTenantOfParty(ctx: Ctx, agreementId: string): Promise<string | undefined> {
  const [party] = await ctx.db
    .select({ t: agreementParties.agreementTenantId })
    .from(agreementParties)
    .where(and(eq(agreementParties.tenantId, ctx.tenantId), eq(agreementParties.agreementId, agreementId)));
  return party?.t;
}
