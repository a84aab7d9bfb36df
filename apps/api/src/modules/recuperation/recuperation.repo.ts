import {
  agreementParties,
  agreements,
  agreementVersions,
  federations,
  memberHonours,
  members,
  orgUnits,
  recuperationAllocations,
  recuperationBases,
  recuperationBatches,
  recuperationBookings,
  recuperationPolicies,
  recuperationQuotas,
  recuperationRouteBases,
  recuperationRoutes,
  rowsOf,
  type Db,
} from '@uc/db';
import { and, asc, count, desc, eq, gt, gte, ilike, inArray, lt, lte, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { ACTIVE, ON_ROSTER, type BaseRow, type BatchFacts, type BatchRow, type BookingRow, type FederationName, type PolicyRow, type QuotaRow, type RouteRow } from './recuperation.types.ts';

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

/**
 * Runs ONE statement with app.tenant_id set to `tenantId` (the host, to write its batch or read
 * its waitlist), then back to ctx.tenantId. The three statements are sent together (pipelined on
 * the transaction's connection, executed in order): one round trip instead of three on the
 * booking path. `statement` must issue exactly one query (a Drizzle builder).
 */
export async function asTenantOf<T>(ctx: Ctx, tenantId: string, statement: () => PromiseLike<T>): Promise<T> {
  if (tenantId === ctx.tenantId) return statement();
  const [, result] = await Promise.all([
    ctx.db.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`),
    statement(),
    ctx.db.execute(sql`select set_config('app.tenant_id', ${ctx.tenantId}, true)`),
  ]);
  return result;
}

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

/** A batch the caller may see (own, or a partner's under an active agreement). */
export async function findBatchById(ctx: Read, id: string, hostTenantId?: string): Promise<BatchRow | undefined> {
  const where = [eq(recuperationBatches.id, id)];
  if (hostTenantId) where.push(eq(recuperationBatches.tenantId, hostTenantId));
  const [row] = await ctx.db.select().from(recuperationBatches).where(and(...where));
  return row;
}

/** The host's batch under its row lock. */
export async function lockBatch(ctx: Read, hostTenantId: string, id: string): Promise<BatchRow | undefined> {
  const [row] = await ctx.db.select().from(recuperationBatches).where(and(eq(recuperationBatches.tenantId, hostTenantId), eq(recuperationBatches.id, id))).for('update');
  return row;
}

export async function findBatchesOfHost(ctx: Ctx, f: { from?: string | undefined; to?: string | undefined; routeId?: string | undefined }): Promise<BatchRow[]> {
  const where: SQL[] = [eq(recuperationBatches.tenantId, ctx.tenantId)];
  if (f.from) where.push(gte(recuperationBatches.startDate, f.from));
  if (f.to) where.push(lte(recuperationBatches.startDate, f.to));
  if (f.routeId) where.push(eq(recuperationBatches.routeId, f.routeId));
  return ctx.db.select().from(recuperationBatches).where(and(...where)).orderBy(asc(recuperationBatches.startDate), asc(recuperationBatches.code)).limit(500);
}

/** Batches the caller's federation may book (row-level security shows exactly its own and its partners'). */
export async function findCatalogBatches(ctx: Read, f: { from: string; to?: string | undefined; openOn?: string | undefined; hostTenantId?: string | undefined }): Promise<BatchRow[]> {
  const where: SQL[] = [gte(recuperationBatches.startDate, f.from), ne(recuperationBatches.status, 'cancelled')];
  if (f.to) where.push(lte(recuperationBatches.startDate, f.to));
  if (f.openOn) where.push(eq(recuperationBatches.status, 'open'), lte(recuperationBatches.bookingOpens, f.openOn), gte(recuperationBatches.bookingCloses, f.openOn));
  if (f.hostTenantId) where.push(eq(recuperationBatches.tenantId, f.hostTenantId));
  return ctx.db.select().from(recuperationBatches).where(and(...where)).orderBy(asc(recuperationBatches.startDate), asc(recuperationBatches.code)).limit(300);
}

export async function insertBatch(ctx: Ctx, values: Omit<typeof recuperationBatches.$inferInsert, 'tenantId'>): Promise<BatchRow> {
  const [row] = await ctx.db.insert(recuperationBatches).values({ tenantId: ctx.tenantId, ...values }).returning();
  return row!;
}

export async function updateBatchRow(ctx: Ctx, id: string, set: Partial<typeof recuperationBatches.$inferInsert>): Promise<void> {
  await ctx.db
    .update(recuperationBatches)
    .set(set)
    .where(and(eq(recuperationBatches.tenantId, ctx.tenantId), eq(recuperationBatches.id, id)));
}

/** Takes `beds` beds of the host's batch if they are free: one conditional UPDATE as the host. */
export async function takeBeds(ctx: Ctx, batch: Pick<BatchRow, 'tenantId' | 'id'>, beds: number): Promise<boolean> {
  const update = () =>
    ctx.db
      .update(recuperationBatches)
      .set({ bedsTaken: sql`${recuperationBatches.bedsTaken} + ${beds}` })
      .where(
        and(
          eq(recuperationBatches.tenantId, batch.tenantId),
          eq(recuperationBatches.id, batch.id),
          eq(recuperationBatches.status, 'open'),
          sql`${recuperationBatches.bedsTaken} + ${beds} <= ${recuperationBatches.capacity}`,
        ),
      )
      .returning({ id: recuperationBatches.id });
  return (await asTenantOf(ctx, batch.tenantId, update)).length === 1;
}

/** Gives beds back to the host's batch. */
export async function returnBeds(ctx: Ctx, batch: Pick<BatchRow, 'tenantId' | 'id'>, beds: number): Promise<void> {
  await asTenantOf(ctx, batch.tenantId, () =>
    ctx.db
      .update(recuperationBatches)
      .set({ bedsTaken: sql`${recuperationBatches.bedsTaken} - ${beds}` })
      .where(and(eq(recuperationBatches.tenantId, batch.tenantId), eq(recuperationBatches.id, batch.id))),
  );
}

/** Beds for an offer, in the host's context holding the batch's lock (the CHECK still holds). */
export async function addBedsToLockedBatch(ctx: Read, hostTenantId: string, batchId: string, beds: number): Promise<void> {
  await ctx.db
    .update(recuperationBatches)
    .set({ bedsTaken: sql`${recuperationBatches.bedsTaken} + ${beds}` })
    .where(and(eq(recuperationBatches.tenantId, hostTenantId), eq(recuperationBatches.id, batchId)));
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

/** The host's open batches not yet started with a free bed and someone waiting (the offers job). */
export async function findBatchesToFill(ctx: Read, hostTenantId: string, day: string): Promise<string[]> {
  const rows = await ctx.db
    .selectDistinct({ id: recuperationBatches.id })
    .from(recuperationBatches)
    .innerJoin(recuperationBookings, and(eq(recuperationBookings.hostTenantId, recuperationBatches.tenantId), eq(recuperationBookings.batchId, recuperationBatches.id)))
    .where(
      and(
        eq(recuperationBatches.tenantId, hostTenantId),
        eq(recuperationBatches.status, 'open'),
        gt(recuperationBatches.startDate, day),
        lt(recuperationBatches.bedsTaken, recuperationBatches.capacity),
        eq(recuperationBookings.status, 'waitlisted'),
      ),
    );
  return rows.map((r) => r.id);
}

// ---- bookings (the home federation's; the host sees those at its batches) ----------------

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

/** The member's booking with this idempotency key, else their active booking of the batch. */
export async function findByKeyOrActive(db: Db, homeTenantId: string, memberId: string, batchId: string, key: string): Promise<BookingRow | undefined> {
  const [row] = await db
    .select()
    .from(recuperationBookings)
    .where(
      and(
        eq(recuperationBookings.tenantId, homeTenantId),
        eq(recuperationBookings.memberId, memberId),
        sql`(${recuperationBookings.idempotencyKey} = ${key} or (${recuperationBookings.batchId} = ${batchId} and ${recuperationBookings.status} in ('waitlisted', 'offered', 'requested', 'approved', 'confirmed')))`,
      ),
    )
    .orderBy(sql`${recuperationBookings.idempotencyKey} = ${key} desc`)
    .limit(1);
  return row;
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

/** Waitlist lengths per batch, counted as the host (partners see only their own members' bookings). */
export async function countWaitlistedByBatch(ctx: Ctx, hostTenantId: string, batchIds: string[]): Promise<Map<string, number>> {
  if (!batchIds.length) return new Map();
  const read = () =>
    ctx.db
      .select({ batchId: recuperationBookings.batchId, n: count() })
      .from(recuperationBookings)
      .where(and(eq(recuperationBookings.hostTenantId, hostTenantId), inArray(recuperationBookings.batchId, batchIds), eq(recuperationBookings.status, 'waitlisted')))
      .groupBy(recuperationBookings.batchId);
  const rows = await asTenantOf(ctx, hostTenantId, read);
  return new Map(rows.map((r) => [r.batchId, r.n]));
}

/** 1-based place on the batch's waitlist: priority rank, then time (read as the host, who sees every waiting member). */
export async function countWaitingAhead(ctx: Ctx, b: BookingRow): Promise<number> {
  const read = () =>
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(recuperationBookings)
      .where(
        and(
          eq(recuperationBookings.hostTenantId, b.hostTenantId),
          eq(recuperationBookings.batchId, b.batchId),
          eq(recuperationBookings.status, 'waitlisted'),
          sql`(${recuperationBookings.priorityRank}, ${recuperationBookings.requestedAt}, ${recuperationBookings.id}) < (${b.priorityRank}, ${b.requestedAt.toISOString()}::timestamptz, ${b.id}::uuid)`,
        ),
      );
  const [row] = await asTenantOf(ctx, b.hostTenantId, read);
  return (row?.n ?? 0) + 1;
}

/** Places of every waiting booking of a batch, read as its host. */
export async function rankWaitingOfBatch(ctx: Ctx, hostTenantId: string, batchId: string): Promise<{ id: string; n: number }[]> {
  const read = () =>
    ctx.db
      .select({ id: recuperationBookings.id, n: sql<number>`row_number() over (order by ${recuperationBookings.priorityRank}, ${recuperationBookings.requestedAt}, ${recuperationBookings.id})::int` })
      .from(recuperationBookings)
      .where(and(eq(recuperationBookings.hostTenantId, hostTenantId), eq(recuperationBookings.batchId, batchId), eq(recuperationBookings.status, 'waitlisted')));
  return asTenantOf(ctx, hostTenantId, read);
}

/** The batch's waiting bookings in their order, locked (200 at most), in the host's context. */
export async function lockWaitingOfBatch(ctx: Read, hostTenantId: string, batchId: string): Promise<BookingRow[]> {
  return ctx.db
    .select()
    .from(recuperationBookings)
    .where(and(eq(recuperationBookings.hostTenantId, hostTenantId), eq(recuperationBookings.batchId, batchId), eq(recuperationBookings.status, 'waitlisted')))
    .orderBy(asc(recuperationBookings.priorityRank), asc(recuperationBookings.requestedAt), asc(recuperationBookings.id))
    .limit(200)
    .for('update');
}

/** Everyone holding a bed of the host's batch, by federation, unit and name. */
export async function findRosterBookings(ctx: Ctx, batchId: string): Promise<BookingRow[]> {
  return ctx.db
    .select()
    .from(recuperationBookings)
    .where(and(eq(recuperationBookings.hostTenantId, ctx.tenantId), eq(recuperationBookings.batchId, batchId), inArray(recuperationBookings.status, [...ON_ROSTER])))
    .orderBy(asc(recuperationBookings.tenantId), asc(recuperationBookings.orgUnitName), asc(recuperationBookings.memberName));
}

/** Ids of the host's offers past their time. */
export async function findLapsedOffers(ctx: Read, hostTenantId: string, now: Date): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: recuperationBookings.id })
    .from(recuperationBookings)
    .where(and(eq(recuperationBookings.hostTenantId, hostTenantId), eq(recuperationBookings.status, 'offered'), lte(recuperationBookings.offerExpiresAt, now)));
  return rows.map((r) => r.id);
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

/** The ids of the scope unit and every unit below it (walk down org_unit). */
const subtree = (ctx: Pick<ServiceCtx, 'tenantId'>, unitId: string) => sql`(
  with recursive units(id) as (
    select id from org_unit where tenant_id = ${ctx.tenantId} and id = ${unitId}
    union
    select c.id from org_unit c join units u on c.parent_id = u.id where c.tenant_id = ${ctx.tenantId}
  ) select id from units)`;

/** A condition: the member (by id column) belongs to the unit or a unit below it. */
export const memberInUnitTree = (ctx: Pick<ServiceCtx, 'tenantId'>, memberIdColumn: AnyColumn, unitId: string): SQL =>
  sql`${memberIdColumn} in (select m.id from member m where m.tenant_id = ${ctx.tenantId} and m.org_unit_id in ${subtree(ctx, unitId)})`;

/** Of these members of the caller's federation, those in the unit's subtree. */
export async function findMemberIdsInUnitTree(ctx: Ctx, memberIds: string[], unitId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.tenantId, ctx.tenantId), inArray(members.id, [...new Set(memberIds)]), sql`${members.orgUnitId} in ${subtree(ctx, unitId)}`));
  return rows.map((r) => r.id);
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

// ---- the quota ledger (the receiver's; the host sees it) ----------------------------------

export interface QuotaKey {
  receiverTenantId: string;
  hostTenantId: string;
  agreementTenantId: string;
  agreementId: string;
  year: number;
  granted: number;
}

/** The ledger row for (agreement, host → receiver, year), opened with the agreement's figure on first use. */
export async function ensureQuota(ctx: Read, k: QuotaKey): Promise<string> {
  const [created] = await ctx.db
    .insert(recuperationQuotas)
    .values({ tenantId: k.receiverTenantId, hostTenantId: k.hostTenantId, agreementTenantId: k.agreementTenantId, agreementId: k.agreementId, year: k.year, granted: k.granted })
    .onConflictDoNothing()
    .returning({ id: recuperationQuotas.id });
  if (created) return created.id;
  const [row] = await ctx.db
    .select({ id: recuperationQuotas.id })
    .from(recuperationQuotas)
    .where(
      and(
        eq(recuperationQuotas.tenantId, k.receiverTenantId),
        eq(recuperationQuotas.agreementId, k.agreementId),
        eq(recuperationQuotas.hostTenantId, k.hostTenantId),
        eq(recuperationQuotas.year, k.year),
      ),
    );
  return row!.id;
}

const unitsUp = (receiverTenantId: string, orgUnitId: string) => sql`
  with recursive up(id, parent_id, depth) as (
    select id, parent_id, 0 from org_unit where tenant_id = ${receiverTenantId} and id = ${orgUnitId}
    union all
    select u.id, u.parent_id, up.depth + 1 from org_unit u join up on u.id = up.parent_id where u.tenant_id = ${receiverTenantId} and up.depth < 20
  )`;

/** The share a member of `orgUnitId` draws on: the nearest unit up the tree with an allocation; null: the pool. Home tenant context. */
export async function findAllocationForUnit(ctx: Read, receiverTenantId: string, quotaId: string, orgUnitId: string): Promise<string | null> {
  const [row] = rowsOf<{ id: string }>(
    await ctx.db.execute(sql`${unitsUp(receiverTenantId, orgUnitId)}
      select a.id from up join recuperation_allocation a on a.tenant_id = ${receiverTenantId} and a.quota_id = ${quotaId} and a.org_unit_id = up.id
      where a.places > 0
      order by up.depth limit 1`),
  );
  return row?.id ?? null;
}

/** Takes one place, or returns false when the unit's share (or the pool) is used up. */
export async function takePlace(ctx: Read & Pick<ServiceCtx, 'now'>, receiverTenantId: string, quotaId: string, allocationId: string | null): Promise<boolean> {
  const q = and(eq(recuperationQuotas.tenantId, receiverTenantId), eq(recuperationQuotas.id, quotaId));
  if (!allocationId) {
    const got = await ctx.db
      .update(recuperationQuotas)
      .set({ used: sql`${recuperationQuotas.used} + 1`, poolUsed: sql`${recuperationQuotas.poolUsed} + 1`, updatedAt: ctx.now })
      .where(and(q, sql`${recuperationQuotas.poolUsed} + 1 <= ${recuperationQuotas.granted} - ${recuperationQuotas.allocated}`))
      .returning({ id: recuperationQuotas.id });
    return got.length === 1;
  }
  const got = await ctx.db
    .update(recuperationQuotas)
    .set({ used: sql`${recuperationQuotas.used} + 1`, updatedAt: ctx.now })
    .where(and(q, sql`${recuperationQuotas.used} + 1 <= ${recuperationQuotas.granted}`))
    .returning({ id: recuperationQuotas.id });
  if (!got.length) return false;
  const share = await ctx.db
    .update(recuperationAllocations)
    .set({ used: sql`${recuperationAllocations.used} + 1`, updatedAt: ctx.now })
    .where(
      and(
        eq(recuperationAllocations.tenantId, receiverTenantId),
        eq(recuperationAllocations.id, allocationId),
        sql`${recuperationAllocations.used} + 1 <= ${recuperationAllocations.places}`,
      ),
    )
    .returning({ id: recuperationAllocations.id });
  // the quota row moved already: the caller must roll back (QUOTA_EXHAUSTED) rather than carry on
  if (!share.length) throw new AppError('QUOTA_EXHAUSTED');
  return true;
}

/** Gives a place back to where it came from; counted in released. */
export async function releasePlace(ctx: Read & Pick<ServiceCtx, 'now'>, receiverTenantId: string, quotaId: string, allocationId: string | null): Promise<void> {
  await ctx.db
    .update(recuperationQuotas)
    .set({
      used: sql`${recuperationQuotas.used} - 1`,
      poolUsed: allocationId ? sql`${recuperationQuotas.poolUsed}` : sql`${recuperationQuotas.poolUsed} - 1`,
      released: sql`${recuperationQuotas.released} + 1`,
      updatedAt: ctx.now,
    })
    .where(and(eq(recuperationQuotas.tenantId, receiverTenantId), eq(recuperationQuotas.id, quotaId)));
  if (allocationId) {
    await ctx.db
      .update(recuperationAllocations)
      .set({ used: sql`${recuperationAllocations.used} - 1`, updatedAt: ctx.now })
      .where(and(eq(recuperationAllocations.tenantId, receiverTenantId), eq(recuperationAllocations.id, allocationId)));
  }
}

/**
 * The ledger row for (agreement, host → receiver, year) with the share a member of `orgUnitId`
 * draws on (nearest allocation up the tree) and the places left there — one statement, read
 * without a lock: what the member is told before booking. null: no row opened yet.
 */
export async function findQuotaForUnit(
  ctx: Read,
  k: { receiverTenantId: string; hostTenantId: string; agreementId: string; year: number; orgUnitId: string },
): Promise<{ quotaId: string; allocationId: string | null; placesLeft: number } | null> {
  const [row] = rowsOf<{ quota_id: string; granted: number; used: number; allocated: number; pool_used: number; allocation_id: string | null; places: number | null; share_used: number | null }>(
    await ctx.db.execute(sql`${unitsUp(k.receiverTenantId, k.orgUnitId)},
      q as (
        select * from recuperation_quota
        where tenant_id = ${k.receiverTenantId} and agreement_id = ${k.agreementId} and host_tenant_id = ${k.hostTenantId} and year = ${k.year}
      ),
      share as (
        select a.id, a.places, a.used from up
        join recuperation_allocation a on a.tenant_id = ${k.receiverTenantId} and a.quota_id = (select id from q) and a.org_unit_id = up.id
        where a.places > 0 order by up.depth limit 1
      )
      select q.id as quota_id, q.granted, q.used, q.allocated, q.pool_used, share.id as allocation_id, share.places, share.used as share_used
      from q left join share on true`),
  );
  if (!row) return null;
  const overall = row.granted - row.used;
  const here = row.allocation_id ? row.places! - row.share_used! : row.granted - row.allocated - row.pool_used;
  return { quotaId: row.quota_id, allocationId: row.allocation_id, placesLeft: Math.min(overall, here) };
}

/** The ledger rows of a year the caller gives or receives. */
export async function findQuotasOfYear(ctx: Ctx, year: number): Promise<QuotaRow[]> {
  return ctx.db
    .select()
    .from(recuperationQuotas)
    .where(and(eq(recuperationQuotas.year, year), or(eq(recuperationQuotas.tenantId, ctx.tenantId), eq(recuperationQuotas.hostTenantId, ctx.tenantId))));
}

/** The caller's allocations of a ledger row, with their units' names, by name. */
export async function findAllocationsWithUnits(ctx: Ctx, quotaId: string) {
  return ctx.db
    .select({ id: recuperationAllocations.id, orgUnitId: recuperationAllocations.orgUnitId, orgUnitName: orgUnits.name, places: recuperationAllocations.places, used: recuperationAllocations.used })
    .from(recuperationAllocations)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, recuperationAllocations.tenantId), eq(orgUnits.id, recuperationAllocations.orgUnitId)))
    .where(and(eq(recuperationAllocations.tenantId, ctx.tenantId), eq(recuperationAllocations.quotaId, quotaId)))
    .orderBy(asc(orgUnits.name));
}

/** The caller's ledger row and one unit's allocation of it, under their row locks. */
export async function lockQuotaAndAllocation(ctx: Ctx, quotaId: string, orgUnitId: string) {
  const [ledger] = await ctx.db.select().from(recuperationQuotas).where(and(eq(recuperationQuotas.tenantId, ctx.tenantId), eq(recuperationQuotas.id, quotaId))).for('update');
  const [share] = await ctx.db
    .select()
    .from(recuperationAllocations)
    .where(and(eq(recuperationAllocations.tenantId, ctx.tenantId), eq(recuperationAllocations.quotaId, quotaId), eq(recuperationAllocations.orgUnitId, orgUnitId)))
    .for('update');
  return { ledger: ledger!, share: share ?? null };
}

/** Sets a unit's allocation and the ledger's allocated total (the caller holds both locks). */
export async function writeAllocation(ctx: Ctx & Pick<ServiceCtx, 'now'>, quotaId: string, orgUnitId: string, shareId: string | null, places: number, allocated: number): Promise<void> {
  if (shareId) {
    await ctx.db.update(recuperationAllocations).set({ places, updatedAt: ctx.now }).where(and(eq(recuperationAllocations.tenantId, ctx.tenantId), eq(recuperationAllocations.id, shareId)));
  } else {
    await ctx.db.insert(recuperationAllocations).values({ tenantId: ctx.tenantId, quotaId, orgUnitId, places });
  }
  await ctx.db.update(recuperationQuotas).set({ allocated, updatedAt: ctx.now }).where(and(eq(recuperationQuotas.tenantId, ctx.tenantId), eq(recuperationQuotas.id, quotaId)));
}
