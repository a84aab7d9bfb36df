import { OFFER_HOURS } from '@uc/contracts';
import { asTenant } from '@uc/db';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { noticeCtx, notifyMember } from './booking.notices.ts';
import { noticeVarsFor } from './booking.query.ts';
import { assess } from './eligibility.query.ts';
import { addBedsToLockedBatch, lockBatch, lockWaitingOfBatch, takePlace, updateBooking } from './recuperation.repo.ts';
import { today } from './recuperation.rules.ts';
import type { BookingRow } from './recuperation.types.ts';

// The waitlist (候补): priority group first (the home policy's order), then time. A freed bed is
// offered to the next member still eligible who fits, for OFFER_HOURS; the offer holds the beds
// and the agreement place until it is accepted, declined or expires (waitlist.job.ts).

const HOUR = 3_600_000;

/**
 * Offers the batch's free beds down the waitlist. Runs as the host (who sees every waiting
 * member), holding the batch row lock, and asks each candidate's home federation for the
 * eligibility check and the agreement place. Returns the bookings offered a place.
 */
export async function fillFromWaitlist(ctx: ServiceCtx, hostTenantId: string, batchId: string): Promise<string[]> {
  return asTenant(ctx.db, hostTenantId, async () => {
    const host: ServiceCtx = { ...ctx, tenantId: hostTenantId };
    const batch = await lockBatch(ctx, hostTenantId, batchId);
    if (!batch || batch.status !== 'open' || batch.startDate <= today(ctx)) return [];
    let free = batch.capacity - batch.bedsTaken;
    if (free <= 0) return [];
    const waiting = await lockWaitingOfBatch(ctx, hostTenantId, batchId);
    const offered: string[] = [];
    for (const c of waiting) {
      if (free <= 0) break;
      if (c.beds > free) continue;
      const a = await asTenant(ctx.db, c.tenantId, () => assess(ctx, c.tenantId, c.memberId, batch, { excludeBookingId: c.id, checkWindow: false }));
      const blocking = a?.refusals.filter((r) => r.code !== 'quota_exhausted') ?? [];
      if (!a || blocking.length) {
        await close(host, c, 'ineligible', blocking.map((r) => r.code).join(','));
        continue;
      }
      const quotaId = a.agreement ? (a.agreement.quotaId ?? c.quotaId) : null;
      const allocationId = a.agreement ? a.agreement.allocationId : null;
      if (quotaId && !(await tryTakePlace(ctx, c.tenantId, quotaId, allocationId))) continue;
      await addBedsToLockedBatch(ctx, hostTenantId, batchId, c.beds);
      const row = await updateBooking(ctx, c, { status: 'offered', offerExpiresAt: new Date(ctx.now.getTime() + OFFER_HOURS * HOUR), quotaId, allocationId, rowVersion: c.rowVersion + 1, updatedAt: ctx.now });
      free -= c.beds;
      offered.push(c.id);
      const vars = await noticeVarsFor(host, row);
      await notifyMember(noticeCtx(host), row, 'booking.offered', { ...vars, expires: chinaTime(row.offerExpiresAt!) });
      await recordAudit(host, { type: 'recuperation.booking_step', entityType: 'recuperation_booking', entityId: c.id, data: { step: 'offer', from: 'waitlisted', to: 'offered' } });
    }
    return offered;
  });
}

/** The place for a waiting member, inside a savepoint so an exhausted share leaves them waiting. */
async function tryTakePlace(ctx: ServiceCtx, homeTenantId: string, quotaId: string, allocationId: string | null): Promise<boolean> {
  try {
    return await ctx.db.transaction((sp) => asTenant(sp, homeTenantId, () => takePlace({ db: sp, now: ctx.now }, homeTenantId, quotaId, allocationId)));
  } catch (e) {
    if (e instanceof AppError && e.code === 'QUOTA_EXHAUSTED') return false;
    throw e;
  }
}

/** Takes a waiting member off the list (no longer eligible); they hold nothing, so nothing is returned. */
async function close(host: ServiceCtx, c: BookingRow, kind: 'ineligible', reason: string) {
  const row = await updateBooking(host, c, { status: 'cancelled', cancelKind: kind, cancelReason: reason, cancelJustified: true, closedAt: host.now, rowVersion: c.rowVersion + 1, updatedAt: host.now });
  await notifyMember(noticeCtx(host), row, 'booking.cancelled', { ...(await noticeVarsFor(host, row)), reason: '' });
  await recordAudit(host, { type: 'recuperation.booking_step', entityType: 'recuperation_booking', entityId: c.id, data: { step: 'drop_ineligible', from: 'waitlisted', to: 'cancelled', reason } });
}

const chinaTime = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
