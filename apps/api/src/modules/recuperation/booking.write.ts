import type { BookingDto } from '@uc/contracts';
import type { Db } from '@uc/db';
import { AppError } from '../../errors.ts';
import { isViolation, UNIQUE_VIOLATION } from '../../lib/dbErrors.ts';
import type { ServiceCtx } from '../../service.ts';
import { auditStep, noticeCtx, notifyHostToConfirm, notifyMember, tell } from './booking.notices.ts';
import { bookingDto, findBooking, noticeVarsFor } from './booking.query.ts';
import { localise } from './eligibility.dto.ts';
import { reviewBookings } from './eligibility.query.ts';
import { findFederationNames, moveBooking, takenCheckinCodes } from './recuperation.repo.ts';
import { newCheckinCode, sideOf, today, type Side } from './recuperation.rules.ts';
import type { BookingRow } from './recuperation.types.ts';
import { assertInScope } from './scope.query.ts';
import { releaseHold } from './waitlist.write.ts';

// The steps of a booking after it is placed. Each locks the booking row, checks the state and
// who acts, and — when the booking gave up what it held — returns beds and the agreement place
// and offers them down the waitlist (releaseHold), in the same transaction. Locks: booking,
// pool, quota, then the audit head. An offer's lapse is the waitlist's (waitlist.write.ts).

/** sideOf, and for the home side the officer's org-unit scope (FORBIDDEN outside it). */
async function actingSide(ctx: ServiceCtx, b: BookingRow, allowed: Side[]): Promise<Side> {
  const side = sideOf(ctx, b, allowed);
  if (side === 'home') await assertInScope(ctx, b);
  return side;
}

async function lock(ctx: ServiceCtx, id: string, rowVersion: number | undefined): Promise<BookingRow> {
  const b = await findBooking(ctx, id, { forUpdate: true });
  if (rowVersion !== undefined && rowVersion !== b.rowVersion) throw new AppError('STALE_VERSION');
  return b;
}

function expect(b: BookingRow, ...states: string[]) {
  if (!states.includes(b.status)) throw new AppError('BOOKING_STATE', { status: b.status });
}

export async function approve(ctx: ServiceCtx, id: string, rowVersion?: number): Promise<BookingDto> {
  const b = await lock(ctx, id, rowVersion);
  await actingSide(ctx, b, ['home']);
  expect(b, 'requested');
  // approval is the home federation's check of the policy: refused with the reasons, as the member would be
  const refusals = (await reviewBookings(ctx, [b])).get(b.id) ?? [];
  if (refusals.length) throw new AppError('NOT_ELIGIBLE', { reasons: localise(refusals, ctx.locale) });
  const row = await moveBooking(ctx, b, 'approved', { approvedAt: ctx.now, approvedBy: ctx.actor.label });
  const vars = await noticeVarsFor(ctx, row);
  await notifyMember(noticeCtx(ctx), row, 'booking.approved', vars);
  const home = (await findFederationNames(ctx, [b.tenantId])).get(b.tenantId);
  await notifyHostToConfirm(noticeCtx(ctx), row, { ...vars, party: home?.nameZh ?? '', partyEn: home?.nameEn ?? '', member: row.memberName });
  await auditStep(ctx, b, 'approve', 'approved');
  return bookingDto(ctx, row);
}

export async function confirm(ctx: ServiceCtx, id: string, rowVersion?: number): Promise<BookingDto> {
  const b = await lock(ctx, id, rowVersion);
  sideOf(ctx, b, ['host']);
  expect(b, 'approved');
  const row = await confirmWithCheckinCode(ctx, b);
  await tell(ctx, row, 'booking.confirmed');
  await auditStep(ctx, b, 'confirm', 'confirmed');
  return bookingDto(ctx, row);
}

/**
 * The short code is drawn among those the batch's confirmed bookings do not hold; a unique index
 * (host, batch, code) over confirmed bookings backs it (migration 0027). Two confirmations at once
 * cannot see each other's draw: the later one is refused by the index (after the first commits)
 * and draws again, in a savepoint so the request's transaction stays usable.
 */
async function confirmWithCheckinCode(ctx: ServiceCtx, b: BookingRow): Promise<BookingRow> {
  const taken = await takenCheckinCodes(ctx, b);
  for (let attempt = 1; ; attempt++) {
    const checkinCode = newCheckinCode(taken);
    try {
      return await ctx.db.transaction((sp) => moveBooking({ ...ctx, db: sp as unknown as Db }, b, 'confirmed', { confirmedAt: ctx.now, confirmedBy: ctx.actor.label, checkinCode }));
    } catch (e) {
      if (attempt >= 5 || !isViolation(e, UNIQUE_VIOLATION, 'recuperation_booking_code_uq')) throw e;
      taken.add(checkinCode);
    }
  }
}

/** The home federation refuses a request, or the host refuses an approved booking; what it held goes back. */
export async function reject(ctx: ServiceCtx, id: string, reason: string, rowVersion?: number): Promise<BookingDto> {
  const b = await lock(ctx, id, rowVersion);
  const side = await actingSide(ctx, b, ['home', 'host']);
  if (side === 'home') expect(b, 'requested', 'waitlisted');
  else expect(b, 'approved');
  if (!reason) throw new AppError('BAD_INPUT', { fields: { reason: 'required' } });
  await releaseHold(ctx, b);
  const row = await moveBooking(ctx, b, 'cancelled', { cancelKind: side === 'home' ? 'home_rejected' : 'host_rejected', cancelReason: reason, cancelJustified: true, closedAt: ctx.now });
  await tell(ctx, row, 'booking.rejected', { reason });
  await auditStep(ctx, b, 'reject', 'cancelled', reason);
  return bookingDto(ctx, row);
}

/**
 * The member (or their union's staff) gives the place up: any time while waiting, otherwise
 * until the cancellation deadline. Without a reason it may count as a trip used (policy).
 */
export async function cancel(ctx: ServiceCtx, id: string, reason: string, rowVersion?: number): Promise<BookingDto> {
  const b = await lock(ctx, id, rowVersion);
  await actingSide(ctx, b, ['member', 'home']);
  expect(b, 'waitlisted', 'offered', 'requested', 'approved', 'confirmed');
  if (b.status !== 'waitlisted') {
    const { date, code } = await noticeVarsFor(ctx, b);
    const deadline = (await bookingDto(ctx, b)).batch.cancelDeadline;
    if (today(ctx) > deadline) throw new AppError('BOOKING_CLOSED', { deadline, date, code });
  }
  await releaseHold(ctx, b);
  const row = await moveBooking(ctx, b, 'cancelled', { cancelKind: 'member', cancelReason: reason || null, cancelJustified: reason.length > 0, closedAt: ctx.now });
  await tell(ctx, row, 'booking.cancelled', { reason });
  await auditStep(ctx, b, 'cancel', 'cancelled', reason);
  return bookingDto(ctx, row);
}

export async function acceptOffer(ctx: ServiceCtx, id: string): Promise<BookingDto> {
  const b = await lock(ctx, id, undefined);
  sideOf(ctx, b, ['member']);
  expect(b, 'offered');
  if (!b.offerExpiresAt || ctx.now >= b.offerExpiresAt) throw new AppError('BOOKING_CLOSED', { offerExpiresAt: b.offerExpiresAt?.toISOString() ?? null });
  const row = await moveBooking(ctx, b, 'requested', { offerExpiresAt: null, requestedAt: ctx.now });
  await tell(ctx, row, 'booking.requested');
  await auditStep(ctx, b, 'accept_offer', 'requested');
  return bookingDto(ctx, row);
}

export async function declineOffer(ctx: ServiceCtx, id: string): Promise<BookingDto> {
  const b = await lock(ctx, id, undefined);
  sideOf(ctx, b, ['member']);
  expect(b, 'offered');
  await releaseHold(ctx, b);
  const row = await moveBooking(ctx, b, 'cancelled', { cancelKind: 'offer_declined', cancelJustified: true, closedAt: ctx.now, offerExpiresAt: null });
  await auditStep(ctx, b, 'decline_offer', 'cancelled');
  return bookingDto(ctx, row);
}
