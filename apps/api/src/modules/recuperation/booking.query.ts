import type { BookingDto, bookingListInput, EligibilityDto } from '@uc/contracts';
import { recuperationBookings } from '@uc/db';
import { and, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { findBatch, toCatalogDtos } from './batches.ts';
import { findBooking, toBookingDto, toBookingDtos } from './booking.dto.ts';
import { ACTIVE, assess, toEligibilityDto } from './eligibility.ts';
import { scopeCondition } from './home.scope.ts';

// Reading bookings: a member their own; the home federation's staff their members'; the host's
// staff those at its batches (only what consent covers).

export async function myBookings(ctx: ServiceCtx): Promise<BookingDto[]> {
  const rows = await ctx.db
    .select()
    .from(recuperationBookings)
    .where(and(eq(recuperationBookings.tenantId, ctx.tenantId), eq(recuperationBookings.memberId, ctx.actor.memberId!)))
    .orderBy(desc(recuperationBookings.batchStart), desc(recuperationBookings.requestedAt))
    .limit(100);
  return toBookingDtos(ctx, rows);
}

export async function getBooking(ctx: ServiceCtx, id: string): Promise<BookingDto> {
  return toBookingDto(ctx, await findBooking(ctx, id));
}

export async function listBookings(ctx: ServiceCtx, input: z.infer<typeof bookingListInput>): Promise<BookingDto[]> {
  const where: SQL[] = [input.side === 'home' ? eq(recuperationBookings.tenantId, ctx.tenantId) : eq(recuperationBookings.hostTenantId, ctx.tenantId)];
  // a scoped officer's home list: members of their org unit and the units below it
  const scope = input.side === 'home' ? scopeCondition(ctx, recuperationBookings.memberId) : null;
  if (scope) where.push(scope);
  if (input.status) where.push(eq(recuperationBookings.status, input.status));
  if (input.batchId) where.push(eq(recuperationBookings.batchId, input.batchId));
  if (input.q) where.push(or(ilike(recuperationBookings.memberName, `%${input.q}%`), ilike(recuperationBookings.orgUnitName, `%${input.q}%`))!);
  const rows = await ctx.db
    .select()
    .from(recuperationBookings)
    .where(and(...where))
    .orderBy(desc(recuperationBookings.requestedAt))
    .limit(input.limit);
  return toBookingDtos(ctx, rows);
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
    const [mine] = await ctx.db
      .select()
      .from(recuperationBookings)
      .where(
        and(
          eq(recuperationBookings.tenantId, ctx.tenantId),
          eq(recuperationBookings.memberId, ctx.actor.memberId),
          eq(recuperationBookings.batchId, batchId),
          inArray(recuperationBookings.status, ACTIVE),
        ),
      );
    if (mine) myBooking = await toBookingDto(ctx, mine);
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
