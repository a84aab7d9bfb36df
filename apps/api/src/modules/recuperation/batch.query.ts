import type { BatchDto, batchListInput, CatalogBatchDto, catalogInput } from '@uc/contracts';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { basesOf } from './base.query.ts';
import { toEligibilityDto } from './eligibility.dto.ts';
import { assess } from './eligibility.query.ts';
import { countWaitingByPool } from '../place/index.ts';
import { bookingClaims, findActiveByMemberAndBatches, findBatchById, findBatchesOfHost, findCatalogBatches, findFederationIdBySlug, findFederationNames } from './recuperation.repo.ts';
import { endDateOf, isBookable, nameOf, today } from './recuperation.rules.ts';
import type { BatchRow } from './recuperation.types.ts';
import { routesOf } from './route.query.ts';

// Dated batches (批次) of a route as the host and its partners read them: capacity in beds, the
// booking window, the cancellation deadline, the waitlist's length.

/** Batches as DTOs, grouped by host so each host's routes and waitlists are read once. */
export async function toBatchDtos(ctx: ServiceCtx, rows: BatchRow[]): Promise<BatchDto[]> {
  const names = await findFederationNames(ctx, rows.map((r) => r.tenantId));
  const out = new Map<string, BatchDto>();
  for (const host of new Set(rows.map((r) => r.tenantId))) {
    const mine = rows.filter((r) => r.tenantId === host);
    const routes = new Map((await routesOf(ctx, host, [...new Set(mine.map((r) => r.routeId))])).map((r) => [r.id, r]));
    const waiting = await countWaitingByPool(ctx, bookingClaims, host, mine.map((r) => r.id));
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
  const row = await findBatchById(ctx, id, hostTenantId);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function listBatches(ctx: ServiceCtx, input: z.infer<typeof batchListInput>): Promise<BatchDto[]> {
  return toBatchDtos(ctx, await findBatchesOfHost(ctx, input));
}

export async function getBatch(ctx: ServiceCtx, id: string): Promise<BatchDto> {
  return (await toBatchDtos(ctx, [await findBatch(ctx, id, ctx.tenantId)]))[0]!;
}

/** What the caller's federation (member or staff) may book: its own batches and those of partners with an active agreement. */
export async function listCatalog(ctx: ServiceCtx, input: z.infer<typeof catalogInput>): Promise<CatalogBatchDto[]> {
  const day = today(ctx);
  let hostTenantId: string | undefined;
  if (input.hostSlug) {
    hostTenantId = await findFederationIdBySlug(ctx, input.hostSlug);
    if (!hostTenantId) return [];
  }
  const rows = await findCatalogBatches(ctx, { from: input.from ?? day, to: input.to, openOn: input.openOnly ? day : undefined, hostTenantId });
  const dtos = await toCatalogDtos(ctx, rows);
  if (!ctx.actor.memberId) return dtos;
  // one call for the whole list: the member's verdict on every card, from the same assessment as the batch page
  const verdicts = await assessMany(ctx, ctx.actor.memberId, rows);
  return dtos.map((d, i) => ({ ...d, verdict: verdicts[i] ?? null }));
}

/** The member's verdict on each batch (in order): eligible, or the localised reasons why not. */
async function assessMany(ctx: ServiceCtx, memberId: string, rows: BatchRow[]): Promise<(CatalogBatchDto['verdict'])[]> {
  const out: CatalogBatchDto['verdict'][] = [];
  for (const row of rows) {
    const a = await assess(ctx, ctx.tenantId, memberId, row);
    if (!a) {
      out.push(null);
      continue;
    }
    const dto = toEligibilityDto(a, ctx.locale);
    out.push({ eligible: dto.eligible, reasons: dto.reasons.map((r) => ({ code: r.code, message: r.message })) });
  }
  return out;
}

/** The member's active bookings of these batches, by batch. */
async function myActiveBookings(ctx: ServiceCtx, batchIds: string[]): Promise<Map<string, { id: string; status: string }>> {
  if (!ctx.actor.memberId || !batchIds.length) return new Map();
  const rows = await findActiveByMemberAndBatches(ctx, ctx.actor.memberId, batchIds);
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
      verdict: null,
    });
  }
  return out;
}
