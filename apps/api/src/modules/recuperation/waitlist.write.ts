import { OFFER_HOURS } from '@uc/contracts';
import { asTenant } from '@uc/db';
import type { ServiceCtx } from '../../service.ts';
import { fill, free, quotaOf, type PlaceConsumer } from '../place/index.ts';
import { auditStep, noticeCtx, notifyMember, tell } from './booking.notices.ts';
import { findBooking, noticeVarsFor } from './booking.query.ts';
import { assess } from './eligibility.query.ts';
import { bookingClaims, findBatchById, findFederationNames, moveBooking } from './recuperation.repo.ts';
import { notifyFederation } from '../notification/index.ts';
import { today } from './recuperation.rules.ts';
import { ACTIVE, HOLDING, POOL_KIND, type BatchRow, type BookingRow } from './recuperation.types.ts';

// The waitlist (候补): priority group first (the home policy's order), then time. A freed bed is
// offered to the next member still eligible who fits, for OFFER_HOURS; the offer holds the beds
// and the agreement place until it is accepted, declined or expires. The places engine runs the
// queue (fill, and its 'place.offers' job); here recuperation tells it what a booking is and what
// to do at each turn — its consumer of the engine — and gives back what a booking held.

/** What a booking holds, as the engine gives it back: its beds and (a partner member's) agreement place. */
export const holdOf = (x: BookingRow) => ({ hostTenantId: x.hostTenantId, poolId: x.batchId, partyTenantId: x.tenantId, units: x.beds, onShare: false, quota: quotaOf(x) });

/** Returns what a holding booking held, then offers it down the waitlist. */
export async function releaseHold(ctx: ServiceCtx, x: BookingRow): Promise<void> {
  if (!HOLDING.includes(x.status)) return;
  await free(ctx, holdOf(x));
  await fillFromWaitlist(ctx, x.hostTenantId, x.batchId);
}

/** An offer past its time, found by the job (host context): the place goes to the next member. */
export async function expireOffer(ctx: ServiceCtx, id: string): Promise<boolean> {
  const x = await findBooking(ctx, id, { forUpdate: true });
  if (x.status !== 'offered' || !x.offerExpiresAt || x.offerExpiresAt > ctx.now) return false;
  const row = await moveBooking(ctx, x, 'cancelled', { cancelKind: 'offer_expired', cancelJustified: true, closedAt: ctx.now });
  await releaseHold(ctx, x);
  await tell(ctx, row, 'booking.offer_expired');
  await auditStep(ctx, x, 'offer_expired', 'cancelled');
  return true;
}

/**
 * Closes a booking of a cancelled batch (host context): gives back what it still holds (unless
 * cancelPool already did), cancels it as 'batch_cancelled', tells the member and their home
 * federation's staff. False when it is no longer active (a second run changes nothing).
 */
export async function closeOnCancelledBatch(ctx: ServiceCtx, id: string, opts: { alreadyFreed: boolean }): Promise<boolean> {
  const x = await findBooking(ctx, id, { forUpdate: true });
  if (!ACTIVE.includes(x.status)) return false;
  if (!opts.alreadyFreed && HOLDING.includes(x.status)) await free(ctx, holdOf(x));
  const reason = '接待方已取消该批次 / the host cancelled this batch';
  const row = await moveBooking(ctx, x, 'cancelled', { cancelKind: 'batch_cancelled', cancelReason: reason, cancelJustified: true, closedAt: ctx.now, offerExpiresAt: null });
  const vars = await noticeVarsFor(ctx, row);
  await notifyMember(noticeCtx(ctx), row, 'booking.batch_cancelled', vars);
  const home = (await findFederationNames(ctx, [row.tenantId])).get(row.tenantId);
  if (home) {
    await notifyFederation(
      ctx.db,
      { tenantId: home.id, slug: home.slug },
      ['admin', 'officer'],
      { kind: 'booking.batch_cancelled_home', vars: { ...vars, member: row.memberName }, link: `/t/{slug}/recuperation/bookings/${row.id}`, dedupeKey: `booking.batch_cancelled_home:${row.id}` },
      ctx.env.publicUrl,
    );
  }
  await auditStep(ctx, x, 'batch_cancelled', 'cancelled');
  return true;
}

export const recuperationPlaces: PlaceConsumer<BookingRow, BatchRow> = {
  kind: POOL_KIND,
  claims: bookingClaims,
  holding: HOLDING,
  active: ACTIVE,
  offerHours: OFFER_HOURS,
  /** the batch, while it has not started */
  async subject(ctx, batchId) {
    const batch = await findBatchById(ctx, batchId, ctx.tenantId);
    return batch && batch.startDate > today(ctx) ? batch : null;
  },
  /** the member's home federation checks them again; their agreement place comes from its ledger */
  async recheck(ctx, batch, c) {
    const a = await asTenant(ctx.db, c.tenantId, () => assess(ctx, c.tenantId, c.memberId, batch, { excludeBookingId: c.id, checkWindow: false }));
    const blocking = a?.refusals.filter((r) => r.code !== 'quota_exhausted') ?? [];
    if (!a || blocking.length) return { drop: blocking.map((r) => r.code).join(',') };
    const quotaId = a.agreement ? (a.agreement.quotaId ?? c.quotaId) : null;
    return { quota: quotaId ? { receiverTenantId: c.tenantId, quotaId, allocationId: a.agreement!.allocationId } : null };
  },
  async offered(ctx, _batch, row) {
    const vars = await noticeVarsFor(ctx, row);
    await notifyMember(noticeCtx(ctx), row, 'booking.offered', { ...vars, expires: chinaTime(row.offerExpiresAt!) });
    await auditStep(ctx, { id: row.id, status: 'waitlisted' }, 'offer', 'offered');
  },
  /** takes a waiting member off the list (no longer eligible); they hold nothing, so nothing is returned */
  async dropped(ctx, _batch, c, reason) {
    const row = await moveBooking(ctx, c, 'cancelled', { cancelKind: 'ineligible', cancelReason: reason, cancelJustified: true, closedAt: ctx.now });
    await tell(ctx, row, 'booking.cancelled', { reason: '' });
    await auditStep(ctx, c, 'drop_ineligible', 'cancelled', reason);
  },
  expire: expireOffer,
  /** a booking left active on a cancelled batch (one that raced the cancellation): closed and told */
  closeOnCancelledPool: (ctx, id) => closeOnCancelledBatch(ctx, id, { alreadyFreed: false }),
};

/** Offers the batch's free beds down the waitlist (the engine's fill, as the host, holding the pool's lock). */
export const fillFromWaitlist = (ctx: ServiceCtx, hostTenantId: string, batchId: string) => fill(ctx, recuperationPlaces, hostTenantId, batchId);

const chinaTime = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
