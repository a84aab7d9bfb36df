import { maskMobile, maySeeIdentity, type BookingDto, type BookingStatus, type RefusalDto } from '@uc/contracts';
import type { ServiceCtx } from '../../service.ts';
import { endDateOf, isHomeStaff, isHostStaff, isMemberOf, nameOf, today } from './recuperation.rules.ts';
import type { BatchFacts, BookingRow, FederationName } from './recuperation.types.ts';

// A booking as each side sees it, from what booking.query.ts loaded. The host reads only what
// the member consented to share (the snapshot on the booking: name, gender, masked ID number,
// unit, mobile if agreed); the QR token is shown to the member alone.

export interface BookingView {
  facts: Map<string, BatchFacts>;
  names: Map<string, FederationName>;
  positions: Map<string, number>;
  /** the home side's review of pending bookings (reasons already in the caller's language) */
  reviews: Map<string, { eligible: boolean; reasons: RefusalDto[] }>;
  /** home-side bookings outside a scoped officer's units */
  outside: Set<string>;
}

export function toBookingDto(ctx: ServiceCtx, b: BookingRow, v: BookingView): BookingDto {
  const day = today(ctx);
  const f = v.facts.get(b.batchId) ?? { code: '', routeTitle: '', startDate: b.batchStart, nights: b.tripDays - 1, cancelDeadline: b.batchStart };
  const status = b.status as BookingStatus;
  const member = isMemberOf(ctx, b);
  const home = isHomeStaff(ctx, b) && !v.outside.has(b.id);
  const host = isHostStaff(ctx, b);
  const cancellable = status === 'waitlisted' || (['offered', 'requested', 'approved', 'confirmed'].includes(status) && day <= f.cancelDeadline);
  const review = home ? (v.reviews.get(b.id) ?? null) : null;
  return {
    id: b.id,
    status,
    batch: { id: b.batchId, code: f.code, routeTitle: f.routeTitle, startDate: f.startDate, endDate: endDateOf(f.startDate, f.nights), nights: f.nights, cancelDeadline: f.cancelDeadline },
    host: nameOf(v.names.get(b.hostTenantId)),
    home: nameOf(v.names.get(b.tenantId)),
    member: {
      id: b.memberId,
      name: b.memberName,
      gender: b.memberGender === 'male' || b.memberGender === 'female' ? b.memberGender : null,
      idNumberMasked: b.memberIdMasked,
      // shared only with consent; in full to the member and to roles allowed the ID number (decisions/0015)
      mobile: b.consentShareMobile && b.memberMobile ? (member || maySeeIdentity(ctx.actor.roles) ? b.memberMobile : maskMobile(b.memberMobile)) : null,
      orgUnitName: b.orgUnitName,
    },
    companions: b.companions.map((c) => ({ ...c, relation: c.relation as BookingDto['companions'][number]['relation'], gender: c.gender === 'male' || c.gender === 'female' ? c.gender : null })),
    beds: b.beds,
    usesAgreementPlace: b.quotaPlaces === 1,
    tripDays: b.tripDays,
    pricePerDayFen: b.pricePerDayFen,
    costPerPersonFen: b.pricePerDayFen * b.tripDays,
    waitlistPosition: v.positions.get(b.id) ?? null,
    offerExpiresAt: b.offerExpiresAt?.toISOString() ?? null,
    consent: { at: b.consentAt.toISOString(), method: b.consentMethod as 'member' | 'staff_attested', shareMobile: b.consentShareMobile, version: b.consentVersion },
    checkinToken: member && status === 'confirmed' ? b.checkinToken : null,
    checkinCode: member && status === 'confirmed' ? b.checkinCode : null,
    checkedInAt: b.checkedInAt?.toISOString() ?? null,
    requestedAt: b.requestedAt.toISOString(),
    approvedAt: b.approvedAt?.toISOString() ?? null,
    confirmedAt: b.confirmedAt?.toISOString() ?? null,
    closedAt: b.closedAt?.toISOString() ?? null,
    cancelKind: (b.cancelKind as BookingDto['cancelKind']) ?? null,
    cancelReason: b.cancelReason,
    nominated: b.nominated,
    can: {
      cancel: (member || home) && cancellable,
      acceptOffer: member && status === 'offered' && !!b.offerExpiresAt && ctx.now < b.offerExpiresAt,
      // the API refuses to approve what the policy refuses (review)
      approve: home && status === 'requested' && review?.eligible === true,
      confirm: host && status === 'approved',
      reject: (home && status === 'requested') || (host && status === 'approved'),
      checkIn: host && status === 'confirmed' && !b.checkedInAt,
      noShow: host && status === 'confirmed' && !b.checkedInAt && day >= f.startDate,
      complete: host && status === 'confirmed' && !!b.checkedInAt,
    },
    review,
    rowVersion: b.rowVersion,
  };
}
