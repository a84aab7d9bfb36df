import type { bookInput, BookingDto } from '@uc/contracts';
import { CONSENT_VERSION, maskIdNumber } from '@uc/contracts';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { findBatch } from './batch.query.ts';
import { noticeCtx, notifyMember } from './booking.notices.ts';
import { bookingDtos, waitlistPosition } from './booking.query.ts';
import { localise } from './eligibility.dto.ts';
import { assess } from './eligibility.query.ts';
import { claim, ensureQuota, findAllocationForUnit } from '../place/index.ts';
import { bookingClaims, insertBookingUnlessExists } from './recuperation.repo.ts';
import { ACTIVE, QUOTA_KIND, type BookingRow, type KnownFacts, type Placed, type PlaceRequest } from './recuperation.types.ts';

// Booking a place: one transaction in the member's home federation (docs/decisions/0009, 0020).
//  1. assess: member record, history, policy, agreement, places left (reads, no locks)
//  2-4. the places engine's claim: insert the booking as 'requested' — ON CONFLICT DO NOTHING
//     against the partial unique index (one active booking per member and batch) and the
//     idempotency key: a repeat, even at the same instant, waits for the first and then returns
//     it; the beds with one conditional UPDATE of the batch's pool (as the host); the agreement
//     place with one conditional UPDATE of the quota line (and allocation); no bed → waitlisted
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
    quotaId =
      a.agreement.quotaId ??
      (await ensureQuota(ctx, {
        kind: QUOTA_KIND,
        receiverTenantId: ctx.tenantId,
        hostTenantId: req.batch.tenantId,
        agreementTenantId: a.agreement.agreementTenantId,
        agreementId: a.agreement.agreementId,
        year: Number(req.batch.startDate.slice(0, 4)),
        granted: a.agreement.granted!,
      }));
    allocationId = a.agreement.quotaId ? a.agreement.allocationId : await findAllocationForUnit(ctx, ctx.tenantId, quotaId, a.member.orgUnitId);
  }
  const beds = 1 + req.companions.length;
  const insert = () => insertBookingUnlessExists(ctx, {
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
  // the batch's pool as read when this transaction began: already full, so join the waitlist
  // without queueing on its row (a bed freed meanwhile is offered by the places job)
  const claimed = await claim<BookingRow>(ctx, bookingClaims, {
    pool: req.batch.pool,
    partyTenantId: ctx.tenantId,
    memberId: req.memberId,
    units: beds,
    quota: quotaId ? { receiverTenantId: ctx.tenantId, quotaId, allocationId } : null,
    idempotencyKey: req.idempotencyKey,
    active: ACTIVE,
    insert,
  });
  // the same submission (or another for this batch) got in first and has committed
  if (!claimed.created) return { row: claimed.row, created: false };
  const row = claimed.row;
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
