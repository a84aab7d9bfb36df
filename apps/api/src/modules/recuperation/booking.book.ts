import type { bookInput, BookingDto } from '@uc/contracts';
import { CONSENT_VERSION, maskIdNumber } from '@uc/contracts';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findBatch } from './batch.query.ts';
import { noticeCtx, notifyMember } from './booking.notices.ts';
import { bookingDtos, waitlistPosition } from './booking.query.ts';
import { localise } from './eligibility.dto.ts';
import { assess } from './eligibility.query.ts';
import { ensureQuota, findAllocationForUnit, findByKeyOrActive, insertBookingUnlessExists, takeBeds, takePlace, updateBooking } from './recuperation.repo.ts';
import type { BookingRow, KnownFacts, Placed, PlaceRequest } from './recuperation.types.ts';

// Booking a place: one transaction in the member's home federation (docs/decisions/0009).
//  1. assess: member record, history, policy, agreement, places left (reads, no locks)
//  2. insert the booking as 'requested' — ON CONFLICT DO NOTHING against the partial unique index
//     (one active booking per member and batch) and the idempotency key: a repeat, even at the
//     same instant, waits for the first and then returns it
//  3. take the beds with one conditional UPDATE of the batch row (as the host); no bed → waitlisted
//  4. take the agreement place with one conditional UPDATE of the quota (and allocation) row
//  5. the member's notice; the answer; then the audit event last (auditPlaced), so the
//     per-federation audit head is held from its lock to the commit only

export const newCheckinToken = () => randomBytes(24).toString('base64url');

/** Places one member on a batch for the home federation (ctx.tenantId); NOT_ELIGIBLE with the reasons when refused. */
export async function placeBooking(ctx: ServiceCtx, req: PlaceRequest): Promise<Placed> {
  const a = await assess(ctx, ctx.tenantId, req.memberId, req.batch, { idempotencyKey: req.idempotencyKey });
  if (!a) throw new AppError('NOT_FOUND');
  // the same submission again, or this member already on this batch: the first answer stands
  if (a.prior) return { row: a.prior, created: false };
  if (a.refusals.length) throw new AppError('NOT_ELIGIBLE', { reasons: localise(a.refusals, ctx.locale) });

  let quotaId: string | null = null;
  let allocationId: string | null = null;
  if (a.agreement) {
    quotaId = a.agreement.quotaId ?? (await ensureQuota(ctx, { receiverTenantId: ctx.tenantId, hostTenantId: req.batch.tenantId, agreementTenantId: a.agreement.agreementTenantId, agreementId: a.agreement.agreementId, year: Number(req.batch.startDate.slice(0, 4)), granted: a.agreement.granted! }));
    allocationId = a.agreement.quotaId ? a.agreement.allocationId : await findAllocationForUnit(ctx, ctx.tenantId, quotaId, a.member.orgUnitId);
  }
  const beds = 1 + req.companions.length;
  const inserted = await insertBookingUnlessExists(ctx, {
    tenantId: ctx.tenantId,
    hostTenantId: req.batch.tenantId,
    batchId: req.batch.id,
    memberId: req.memberId,
    quotaId,
    allocationId,
    status: req.approved ? 'approved' : 'requested',
    beds,
    quotaPlaces: quotaId ? 1 : 0,
    priorityRank: a.priorityRank,
    companions: req.companions.map((c) => ({ name: c.name, relation: c.relation, gender: c.gender ?? null, idNumberMasked: maskIdNumber(c.idNumber) })),
    memberName: a.member.name,
    memberGender: a.member.gender,
    memberIdMasked: a.member.idNumberMasked,
    memberMobile: req.consent.shareMobile ? a.member.mobile : null,
    orgUnitName: a.member.orgUnitName,
    consentAt: ctx.now,
    consentMethod: req.consent.method,
    consentShareMobile: req.consent.shareMobile,
    consentVersion: CONSENT_VERSION,
    batchStart: req.batch.startDate,
    tripDays: a.tripDays,
    pricePerDayFen: a.route.pricePerDayFen,
    idempotencyKey: req.idempotencyKey,
    checkinToken: newCheckinToken(),
    requestedAt: ctx.now,
    approvedAt: req.approved ? ctx.now : null,
    approvedBy: req.approved ? ctx.actor.label : null,
    nominated: req.nominated,
    createdBy: ctx.actor.label,
  });
  if (!inserted) {
    // the same submission (or another for this batch) got in first and has committed
    const first = await findByKeyOrActive(ctx.db, ctx.tenantId, req.memberId, req.batch.id, req.idempotencyKey);
    if (!first) throw new AppError('CONFLICT');
    return { row: first, created: false };
  }
  let row: BookingRow = inserted;
  // the batch as read when this transaction began: already full, so join the waitlist without
  // queueing on the batch row (a bed freed meanwhile is offered by the job: waitlist.job.ts)
  const full = req.batch.bedsTaken + beds > req.batch.capacity;
  if (!full && (await takeBeds(ctx, req.batch, beds))) {
    if (quotaId && !(await takePlace(ctx, ctx.tenantId, quotaId, allocationId))) throw new AppError('QUOTA_EXHAUSTED');
  } else {
    row = await updateBooking(ctx, inserted, { status: 'waitlisted' });
  }
  const vars = { route: a.route.title, code: req.batch.code, date: req.batch.startDate, host: a.host.nameZh, hostEn: a.host.nameEn };
  const position = row.status === 'waitlisted' ? await waitlistPosition(ctx, row) : null;
  if (position !== null) await notifyMember(noticeCtx(ctx), row, 'booking.waitlisted', { ...vars, position });
  else await notifyMember(noticeCtx(ctx), row, req.approved ? 'booking.approved' : 'booking.requested', vars);
  // what the answer needs is known already: no second read of the batch, names or waitlist
  const known: KnownFacts = {
    facts: new Map([[req.batch.id, { code: req.batch.code, routeTitle: a.route.title, startDate: req.batch.startDate, nights: req.batch.nights, cancelDeadline: req.batch.cancelDeadline }]]),
    names: new Map([
      [a.host.id, a.host],
      [a.home.id, a.home],
    ]),
    positions: new Map(position !== null ? [[row.id, position]] : []),
  };
  return { row, created: true, known };
}

/**
 * The audit event of a new booking. Called last, just before the commit: the federation's audit
 * head is locked from here to the commit, and every booking of the federation queues on it.
 */
export async function auditPlaced(ctx: ServiceCtx, placed: Placed): Promise<void> {
  if (!placed.created) return;
  const { row } = placed;
  await recordAudit(ctx, {
    type: 'recuperation.booked',
    entityType: 'recuperation_booking',
    entityId: row.id,
    data: { batchId: row.batchId, status: row.status, beds: row.beds, nominated: row.nominated },
  });
}

/** A member books for themself (and companions), from their phone. */
export async function book(ctx: ServiceCtx, input: z.infer<typeof bookInput>): Promise<{ booking: BookingDto; created: boolean }> {
  const memberId = ctx.actor.memberId;
  if (!memberId) throw new AppError('FORBIDDEN');
  const batch = await findBatch(ctx, input.batchId);
  const placed = await placeBooking(ctx, {
    memberId,
    batch,
    companions: input.companions,
    consent: { method: 'member', shareMobile: input.consent.shareMobile },
    idempotencyKey: input.idempotencyKey,
    nominated: false,
    approved: false,
  });
  const booking = (await bookingDtos(ctx, [placed.row], placed.known))[0]!;
  await auditPlaced(ctx, placed);
  return { booking, created: placed.created };
}
