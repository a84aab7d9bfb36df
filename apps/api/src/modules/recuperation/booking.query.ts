import type { BookingDto, bookingListInput, EligibilityDto } from '@uc/contracts';
import { recuperationBookings } from '@uc/db';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { findBatch, toCatalogDtos } from './batch.query.ts';
import { toBookingDto, type BookingView } from './booking.dto.ts';
import { toEligibilityDto, toReviewDto } from './eligibility.dto.ts';
import { assess, reviewBookings } from './eligibility.query.ts';
import { countWaitingAhead, rankWaiting } from '../place/index.ts';
import { bookingClaims, findActiveByMemberAndBatch, findBatchFacts, findBookingById, findBookingsFiltered, findFederationNames, findRecentBookingsOfMember } from './recuperation.repo.ts';
import { memberInUnitTree } from '../orgUnit/index.ts';
import { isHomeStaff, visibleTo } from './recuperation.rules.ts';
import type { BookingRow, KnownFacts } from './recuperation.types.ts';
import { outsideScope } from './scope.query.ts';

// Reading bookings: a member their own; the home federation's staff their members'; the host's
// staff those at its batches (only what consent covers). Batch facts are read as the host, so a
// booking stays readable for the member after the agreement that opened the batch has ended.

/** The booking if the caller may see it; NOT_FOUND otherwise (a member sees only their own). */
export async function findBooking(ctx: ServiceCtx, id: string, opts: { forUpdate?: boolean } = {}): Promise<BookingRow> {
  const row = await findBookingById(ctx, id, opts);
  // other federations see nothing (row-level security)
  if (!row || !visibleTo(ctx, row)) throw new AppError('NOT_FOUND');
  return row;
}

/** 1-based place on the batch's waitlist (priority rank, then time), counted as its host. */
export const waitlistPosition = (ctx: ServiceCtx, b: BookingRow) => countWaitingAhead(ctx, bookingClaims, { hostTenantId: b.hostTenantId, poolId: b.batchId }, b);

/** Waitlist places of many bookings: one ranking per batch, read as its host. */
async function waitlistPositions(ctx: ServiceCtx, rows: BookingRow[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const waiting = rows.filter((r) => r.status === 'waitlisted');
  if (waiting.length === 1) out.set(waiting[0]!.id, await waitlistPosition(ctx, waiting[0]!));
  if (waiting.length < 2) return out;
  for (const key of new Set(waiting.map((r) => `${r.hostTenantId}/${r.batchId}`))) {
    const [host, batchId] = key.split('/') as [string, string];
    for (const [id, n] of await rankWaiting(ctx, bookingClaims, { hostTenantId: host, poolId: batchId })) out.set(id, n);
  }
  return out;
}

/** Bookings as the caller sees them; `known` skips the reads a caller that just wrote the booking has done. */
export async function bookingDtos(ctx: ServiceCtx, rows: BookingRow[], known?: KnownFacts): Promise<BookingDto[]> {
  const facts = known?.facts ?? (await findBatchFacts(ctx, rows));
  const positions = known?.positions ?? (await waitlistPositions(ctx, rows));
  const names = known?.names ?? (await findFederationNames(ctx, rows.flatMap((r) => [r.tenantId, r.hostTenantId])));
  // the home side's decisions: only within a scoped officer's org units; pending ones re-checked against the policy
  const outside = await outsideScope(ctx, rows);
  const homeRows = rows.filter((b) => isHomeStaff(ctx, b) && !outside.has(b.id));
  const refusals = homeRows.length ? await reviewBookings(ctx, homeRows) : new Map<string, never>();
  const reviews = new Map([...refusals].map(([id, r]) => [id, toReviewDto(r, ctx.locale)!]));
  const view: BookingView = { facts, names, positions, reviews, outside };
  return rows.map((b) => toBookingDto(ctx, b, view));
}

export async function bookingDto(ctx: ServiceCtx, row: BookingRow): Promise<BookingDto> {
  return (await bookingDtos(ctx, [row]))[0]!;
}

/** What a notice about this booking names: route, batch code, start date, host. */
export async function noticeVarsFor(ctx: ServiceCtx, b: BookingRow) {
  const f = (await findBatchFacts(ctx, [b])).get(b.batchId);
  const host = (await findFederationNames(ctx, [b.hostTenantId])).get(b.hostTenantId);
  return { route: f?.routeTitle ?? '', code: f?.code ?? '', date: f?.startDate ?? b.batchStart, host: host?.nameZh ?? '', hostEn: host?.nameEn ?? '' };
}

export async function myBookings(ctx: ServiceCtx): Promise<BookingDto[]> {
  return bookingDtos(ctx, await findRecentBookingsOfMember(ctx, ctx.actor.memberId!));
}

export async function getBooking(ctx: ServiceCtx, id: string): Promise<BookingDto> {
  return bookingDto(ctx, await findBooking(ctx, id));
}

export async function listBookings(ctx: ServiceCtx, input: z.infer<typeof bookingListInput>): Promise<BookingDto[]> {
  // a scoped officer's home list: members of their org unit and the units below it
  const unit = input.side === 'home' ? ctx.actor.orgUnitId : null;
  const scope = unit ? memberInUnitTree(ctx, recuperationBookings.memberId, unit) : null;
  return bookingDtos(ctx, await findBookingsFiltered(ctx, { ...input, scope }));
}

/** A batch as the caller's federation may book it; for a member, their eligibility and active booking. */
export async function batchDetail(ctx: ServiceCtx, batchId: string) {
  const batch = await findBatch(ctx, batchId);
  const [dto] = await toCatalogDtos(ctx, [batch]);
  let eligibility: EligibilityDto | null = null;
  let myBooking: BookingDto | null = null;
  if (ctx.actor.memberId) {
    const a = await assess(ctx, ctx.tenantId, ctx.actor.memberId, batch);
    if (a) eligibility = toEligibilityDto(a, ctx.locale);
    const mine = await findActiveByMemberAndBatch(ctx, ctx.actor.memberId, batchId);
    if (mine) myBooking = await bookingDto(ctx, mine);
  }
  return { batch: dto!, eligibility, myBooking };
}

/** May the member book this batch, and if not, why (in their language). */
export async function eligibility(ctx: ServiceCtx, batchId: string): Promise<EligibilityDto> {
  if (!ctx.actor.memberId) throw new AppError('FORBIDDEN');
  const batch = await findBatch(ctx, batchId);
  const a = await assess(ctx, ctx.tenantId, ctx.actor.memberId, batch);
  if (!a) throw new AppError('NOT_FOUND');
  return toEligibilityDto(a, ctx.locale);
}
