import type { BookingDto } from '@uc/contracts';
import { AppError } from '../../errors.ts';
import { lookupThrottled } from '../auth/index.ts';
import { addDays } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { auditStep, noticeCtx, notifyMember } from './booking.notices.ts';
import { bookingDto, findBooking, noticeVarsFor } from './booking.query.ts';
import { lockBookingByHostAndCode, lockBookingByHostAndToken, updateBooking } from './recuperation.repo.ts';
import { today } from './recuperation.rules.ts';
import type { BookingRow } from './recuperation.types.ts';

// At the base: the host scans the QR code on the member's phone (the booking's unguessable
// token), or the member reads their 6-digit code aloud and the desk enters it with the batch it
// is checking in; then checks them in; marks no-shows; completes stays. Host staff only.
// A short code only matches a confirmed booking of the chosen batch (docs/decisions/0027).

export type CheckInKey = { token: string } | { batchId: string; code: string };

type Lookup = { row: BookingRow } | { unknownCode: true };

async function lockByKey(ctx: ServiceCtx, key: CheckInKey): Promise<Lookup> {
  if ('token' in key) {
    const row = await lockBookingByHostAndToken(ctx, key.token);
    if (!row) throw new AppError('NOT_FOUND');
    return { row };
  }
  // six digits can be tried: wrong codes for a batch are counted and throttled (auth/throttle.write.ts)
  const row = await lookupThrottled(ctx.db, { hostTenantId: ctx.tenantId, batchId: key.batchId }, ctx.now, () => lockBookingByHostAndCode(ctx, key.batchId, key.code));
  return row ? { row } : { unknownCode: true };
}

async function hostLock(ctx: ServiceCtx, id: string): Promise<BookingRow> {
  const b = await findBooking(ctx, id, { forUpdate: true });
  if (b.hostTenantId !== ctx.tenantId) throw new AppError('FORBIDDEN');
  return b;
}

/**
 * Checks in the booking the token or short code belongs to: confirmed, from the day before the start
 * to the last day. A repeat scan is harmless. An unknown short code answers null (not an error: the
 * transaction commits, so the miss is counted against the desk).
 */
export async function checkIn(ctx: ServiceCtx, key: CheckInKey): Promise<BookingDto | null> {
  const found = await lockByKey(ctx, key);
  if ('unknownCode' in found) return null;
  const b = found.row;
  if (b.status !== 'confirmed') throw new AppError('BOOKING_STATE', { status: b.status });
  if (b.checkedInAt) return bookingDto(ctx, b);
  const day = today(ctx);
  const last = addDays(b.batchStart, b.tripDays - 1);
  // say which is true: not yet (and from when), or over (and since when)
  if (day < addDays(b.batchStart, -1)) throw new AppError('CHECKIN_TOO_EARLY', { from: addDays(b.batchStart, -1) });
  if (day > last) throw new AppError('CHECKIN_ENDED', { to: last });
  const row = await updateBooking(ctx, b, { checkedInAt: ctx.now, checkedInBy: ctx.actor.label, rowVersion: b.rowVersion + 1, updatedAt: ctx.now });
  await auditStep(ctx, b, 'check_in', 'confirmed');
  return bookingDto(ctx, row);
}

/** A confirmed member who did not come: the bed stays used and the trip counts as taken. */
export async function markNoShow(ctx: ServiceCtx, id: string): Promise<BookingDto> {
  const b = await hostLock(ctx, id);
  if (b.status !== 'confirmed' || b.checkedInAt) throw new AppError('BOOKING_STATE', { status: b.status });
  if (today(ctx) < b.batchStart) throw new AppError('BOOKING_CLOSED', { from: b.batchStart });
  const row = await updateBooking(ctx, b, { status: 'no_show', closedAt: ctx.now, rowVersion: b.rowVersion + 1, updatedAt: ctx.now });
  await notifyMember(noticeCtx(ctx), row, 'booking.no_show', await noticeVarsFor(ctx, row));
  await auditStep(ctx, b, 'no_show', 'no_show');
  return bookingDto(ctx, row);
}

/** A checked-in stay is complete. */
export async function complete(ctx: ServiceCtx, id: string): Promise<BookingDto> {
  const b = await hostLock(ctx, id);
  if (b.status !== 'confirmed' || !b.checkedInAt) throw new AppError('BOOKING_STATE', { status: b.status });
  const row = await updateBooking(ctx, b, { status: 'completed', closedAt: ctx.now, rowVersion: b.rowVersion + 1, updatedAt: ctx.now });
  await auditStep(ctx, b, 'complete', 'completed');
  return bookingDto(ctx, row);
}
