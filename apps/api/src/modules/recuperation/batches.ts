import type { BatchDto, batchCreateInput, batchListInput, batchUpdateInput, CatalogBatchDto, catalogInput } from '@uc/contracts';
import { asTenant, federations, recuperationBatches, recuperationBookings, recuperationRoutes } from '@uc/db';
import { and, asc, count, eq, gte, inArray, lte, ne, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isViolation, UNIQUE_VIOLATION } from '../members/db.errors.ts';
import { basesOf } from './bases.ts';
import { endDateOf, federationNames, nameOf, today } from './recuperation.common.ts';
import { routesOf } from './routes.ts';
import { fillFromWaitlist } from './waitlist.ts';

// Dated batches (批次) of a route: capacity in beds, the booking window, the cancellation
// deadline. beds_taken is maintained by the booking transactions under the batch's row lock and
// bounded by a CHECK (docs/decisions/0009-booking-concurrency.md).

export type BatchRow = typeof recuperationBatches.$inferSelect;

/** Waitlist lengths per batch, counted as the host (partners see only their own members' bookings). */
async function waitlistCounts(ctx: ServiceCtx, hostTenantId: string, batchIds: string[]): Promise<Map<string, number>> {
  if (!batchIds.length) return new Map();
  const rows = await asTenant(ctx.db, hostTenantId, () =>
    ctx.db
      .select({ batchId: recuperationBookings.batchId, n: count() })
      .from(recuperationBookings)
      .where(and(eq(recuperationBookings.hostTenantId, hostTenantId), inArray(recuperationBookings.batchId, batchIds), eq(recuperationBookings.status, 'waitlisted')))
      .groupBy(recuperationBookings.batchId),
  );
  return new Map(rows.map((r) => [r.batchId, r.n]));
}

export const isBookable = (b: BatchRow, day: string) => b.status === 'open' && b.bookingOpens <= day && day <= b.bookingCloses;

/** Batches as DTOs, grouped by host so each host's routes and waitlists are read once. */
export async function toBatchDtos(ctx: ServiceCtx, rows: BatchRow[]): Promise<BatchDto[]> {
  const names = await federationNames(ctx, rows.map((r) => r.tenantId));
  const out = new Map<string, BatchDto>();
  for (const host of new Set(rows.map((r) => r.tenantId))) {
    const mine = rows.filter((r) => r.tenantId === host);
    const routes = new Map((await routesOf(ctx, host, [...new Set(mine.map((r) => r.routeId))])).map((r) => [r.id, r]));
    const waiting = await waitlistCounts(ctx, host, mine.map((r) => r.id));
    const fed = nameOf(names.get(host));
    for (const b of mine) {
      const route = routes.get(b.routeId);
      out.set(b.id, {
        id: b.id,
        hostSlug: fed.slug,
        hostNameZh: fed.nameZh,
        hostNameEn: fed.nameEn,
        code: b.code,
        route: { id: b.routeId, title: route?.title ?? '', days: route?.days ?? b.nights + 1, pricePerDayFen: route?.pricePerDayFen ?? 0, bases: route?.bases ?? [] },
        startDate: b.startDate,
        endDate: endDateOf(b.startDate, b.nights),
        nights: b.nights,
        capacity: b.capacity,
        bedsTaken: b.bedsTaken,
        bedsLeft: b.capacity - b.bedsTaken,
        waitlisted: waiting.get(b.id) ?? 0,
        bookingOpens: b.bookingOpens,
        bookingCloses: b.bookingCloses,
        cancelDeadline: b.cancelDeadline,
        status: b.status as BatchDto['status'],
        bookable: isBookable(b, today(ctx)),
        rowVersion: b.rowVersion,
      });
    }
  }
  return rows.map((r) => out.get(r.id)!);
}

/** A batch the caller may see (own, or a partner's under an active agreement), or NOT_FOUND. */
export async function findBatch(ctx: ServiceCtx, id: string, hostTenantId?: string): Promise<BatchRow> {
  const where = [eq(recuperationBatches.id, id)];
  if (hostTenantId) where.push(eq(recuperationBatches.tenantId, hostTenantId));
  const [row] = await ctx.db.select().from(recuperationBatches).where(and(...where));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function listBatches(ctx: ServiceCtx, input: z.infer<typeof batchListInput>): Promise<BatchDto[]> {
  const where: SQL[] = [eq(recuperationBatches.tenantId, ctx.tenantId)];
  if (input.from) where.push(gte(recuperationBatches.startDate, input.from));
  if (input.to) where.push(lte(recuperationBatches.startDate, input.to));
  if (input.routeId) where.push(eq(recuperationBatches.routeId, input.routeId));
  const rows = await ctx.db.select().from(recuperationBatches).where(and(...where)).orderBy(asc(recuperationBatches.startDate), asc(recuperationBatches.code)).limit(500);
  return toBatchDtos(ctx, rows);
}

export async function getBatch(ctx: ServiceCtx, id: string): Promise<BatchDto> {
  return (await toBatchDtos(ctx, [await findBatch(ctx, id, ctx.tenantId)]))[0]!;
}

async function assertOwnRoute(ctx: ServiceCtx, routeId: string) {
  const [r] = await ctx.db.select({ id: recuperationRoutes.id }).from(recuperationRoutes).where(and(eq(recuperationRoutes.tenantId, ctx.tenantId), eq(recuperationRoutes.id, routeId)));
  if (!r) throw new AppError('BAD_INPUT', { fields: { routeId: 'invalid_value' } });
}

const duplicateCode = (e: unknown) => isViolation(e, UNIQUE_VIOLATION, 'recuperation_batch_code_uq');

export async function createBatch(ctx: ServiceCtx, input: z.infer<typeof batchCreateInput>): Promise<BatchDto> {
  await assertOwnRoute(ctx, input.routeId);
  const row = await ctx.db
    .transaction(async (tx) => (await tx.insert(recuperationBatches).values({ tenantId: ctx.tenantId, ...input }).returning())[0]!)
    .catch((e: unknown) => {
      throw duplicateCode(e) ? new AppError('CONFLICT', { fields: { code: 'duplicate_existing' } }) : e;
    });
  await recordAudit(ctx, { type: 'recuperation.batch_saved', entityType: 'recuperation_batch', entityId: row.id, data: { code: row.code, created: true, capacity: row.capacity } });
  return getBatch(ctx, row.id);
}

/** Changes a batch under its row lock; capacity never below the beds already held, a larger one is offered to the waitlist. */
export async function updateBatch(ctx: ServiceCtx, input: z.infer<typeof batchUpdateInput>): Promise<BatchDto> {
  const { id, rowVersion, ...fields } = input;
  const [locked] = await ctx.db.select().from(recuperationBatches).where(and(eq(recuperationBatches.tenantId, ctx.tenantId), eq(recuperationBatches.id, id))).for('update');
  if (!locked) throw new AppError('NOT_FOUND');
  if (locked.rowVersion !== rowVersion) throw new AppError('STALE_VERSION');
  await assertOwnRoute(ctx, fields.routeId);
  if (fields.capacity < locked.bedsTaken) throw new AppError('BAD_INPUT', { fields: { capacity: 'too_small' }, bedsTaken: locked.bedsTaken });
  await ctx.db
    .transaction((tx) =>
      tx
        .update(recuperationBatches)
        .set({ ...fields, rowVersion: rowVersion + 1, updatedAt: ctx.now })
        .where(and(eq(recuperationBatches.tenantId, ctx.tenantId), eq(recuperationBatches.id, id))),
    )
    .catch((e: unknown) => {
      throw duplicateCode(e) ? new AppError('CONFLICT', { fields: { code: 'duplicate_existing' } }) : e;
    });
  await recordAudit(ctx, { type: 'recuperation.batch_saved', entityType: 'recuperation_batch', entityId: id, data: { code: fields.code, created: false, capacity: fields.capacity } });
  if (fields.capacity > locked.bedsTaken && fields.status === 'open') await fillFromWaitlist(ctx, ctx.tenantId, id);
  return getBatch(ctx, id);
}

/** What the caller's federation (member or staff) may book: its own batches and those of partners with an active agreement. */
export async function listCatalog(ctx: ServiceCtx, input: z.infer<typeof catalogInput>): Promise<CatalogBatchDto[]> {
  const day = today(ctx);
  const where: SQL[] = [gte(recuperationBatches.startDate, input.from ?? day), ne(recuperationBatches.status, 'cancelled')];
  if (input.to) where.push(lte(recuperationBatches.startDate, input.to));
  if (input.openOnly) where.push(eq(recuperationBatches.status, 'open'), lte(recuperationBatches.bookingOpens, day), gte(recuperationBatches.bookingCloses, day));
  if (input.hostSlug) {
    const [host] = await ctx.db.select({ id: federations.id }).from(federations).where(eq(federations.slug, input.hostSlug));
    if (!host) return [];
    where.push(eq(recuperationBatches.tenantId, host.id));
  }
  // row-level security shows exactly the own and the partners' batches
  const rows = await ctx.db.select().from(recuperationBatches).where(and(...where)).orderBy(asc(recuperationBatches.startDate), asc(recuperationBatches.code)).limit(300);
  return toCatalogDtos(ctx, rows);
}

/** The member's active bookings of these batches, by batch. */
async function myActiveBookings(ctx: ServiceCtx, batchIds: string[]): Promise<Map<string, { id: string; status: string }>> {
  if (!ctx.actor.memberId || !batchIds.length) return new Map();
  const rows = await ctx.db
    .select({ id: recuperationBookings.id, status: recuperationBookings.status, batchId: recuperationBookings.batchId })
    .from(recuperationBookings)
    .where(
      and(
        eq(recuperationBookings.tenantId, ctx.tenantId),
        eq(recuperationBookings.memberId, ctx.actor.memberId),
        inArray(recuperationBookings.batchId, batchIds),
        inArray(recuperationBookings.status, ['waitlisted', 'offered', 'requested', 'approved', 'confirmed']),
      ),
    );
  return new Map(rows.map((r) => [r.batchId, { id: r.id, status: r.status }]));
}

export async function toCatalogDtos(ctx: ServiceCtx, rows: BatchRow[]): Promise<CatalogBatchDto[]> {
  const dtos = await toBatchDtos(ctx, rows);
  const mine = await myActiveBookings(ctx, rows.map((r) => r.id));
  const out: CatalogBatchDto[] = [];
  const cache = new Map<string, { routes: Awaited<ReturnType<typeof routesOf>>; bases: Awaited<ReturnType<typeof basesOf>> }>();
  for (const [i, b] of dtos.entries()) {
    const host = rows[i]!.tenantId;
    if (!cache.has(host)) {
      const hostRows = rows.filter((r) => r.tenantId === host);
      const routes = await routesOf(ctx, host, [...new Set(hostRows.map((r) => r.routeId))]);
      const bases = await basesOf(ctx, host, [...new Set(routes.flatMap((r) => r.bases.map((x) => x.id)))]);
      cache.set(host, { routes, bases });
    }
    const { routes, bases } = cache.get(host)!;
    const route = routes.find((r) => r.id === rows[i]!.routeId);
    const { rowVersion: _rv, active: _a, ...routeView } = route ?? { ...b.route, rowVersion: 0, active: true, hostSlug: b.hostSlug, description: '', itinerary: [] };
    out.push({
      ...b,
      route: routeView,
      bases: bases.filter((x) => routeView.bases.some((rb) => rb.id === x.id)).map(({ rowVersion: _r, active: _act, ...rest }) => rest),
      usesAgreementPlaces: host !== ctx.tenantId,
      myBooking: mine.get(b.id) ?? null,
    });
  }
  return out;
}
