import { z } from 'zod';
import { rowVersion, trimmed, uuid } from './common.ts';
import { idNumberSchema } from './member.ts';
import { catalogBatchDto } from './recuperation.ts';
import { eligibilityDto, refusalDto } from './recuperationPolicy.ts';

// Booking a place in a batch (DOMAIN §3.4). waitlisted → offered (a freed place, for a limited
// time) → requested → approved (home federation) → confirmed (host) → completed | cancelled |
// no_show. A booking holds beds (member + companions) and, for a partner member, one agreement
// place from the moment it is requested or offered.

export const BOOKING_STATUSES = ['waitlisted', 'offered', 'requested', 'approved', 'confirmed', 'completed', 'cancelled', 'no_show'] as const;
export const bookingStatus = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof bookingStatus>;
export const CANCEL_KINDS = ['member', 'home_rejected', 'host_rejected', 'offer_declined', 'offer_expired', 'ineligible', 'batch_cancelled', 'agreement_ended'] as const;

/** hours a freed place is held for the next member on the waitlist */
export const OFFER_HOURS = 24;
export const MAX_COMPANIONS = 4;
/** the consent text's version the member agreed to (PIPL art. 23) */
export const CONSENT_VERSION = 'recuperation-share-v1';

export const COMPANION_RELATIONS = ['spouse', 'child', 'parent', 'parent_in_law'] as const;
export const companionInput = z.object({
  name: trimmed(1, 40),
  /** 直系亲属 only */
  relation: z.enum(COMPANION_RELATIONS),
  gender: z.enum(['male', 'female']).nullable().default(null),
  /** checked and kept masked only (330106********1234): the host checks the card at the door */
  idNumber: idNumberSchema,
});
export const companionDto = z.object({
  name: z.string(),
  relation: z.enum(COMPANION_RELATIONS),
  gender: z.enum(['male', 'female']).nullable(),
  idNumberMasked: z.string(),
});

export const bookInput = z.object({
  batchId: uuid,
  companions: z.array(companionInput).max(MAX_COMPANIONS).default([]),
  /** the member agrees to share name, gender, masked ID number, unit (and mobile if asked) with the host */
  consent: z.object({ accepted: z.literal(true), shareMobile: z.boolean().default(false) }),
  /** the client's key for this submission: a repeat returns the first result */
  idempotencyKey: z.string().min(8).max(100),
});

export const bookingDto = z.object({
  id: z.string(),
  status: bookingStatus,
  batch: z.object({
    id: z.string(),
    code: z.string(),
    routeTitle: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    nights: z.number(),
    cancelDeadline: z.string(),
  }),
  host: z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() }),
  home: z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() }),
  /** what the member agreed to share; mobile is null unless they agreed to share it */
  member: z.object({
    id: z.string(),
    name: z.string(),
    gender: z.enum(['male', 'female']).nullable(),
    idNumberMasked: z.string(),
    mobile: z.string().nullable(),
    orgUnitName: z.string(),
  }),
  companions: z.array(companionDto),
  beds: z.number(),
  usesAgreementPlace: z.boolean(),
  tripDays: z.number(),
  pricePerDayFen: z.number(),
  /** per person for the whole trip; companions pay the same themselves */
  costPerPersonFen: z.number(),
  /** 1-based place in the waitlist (status waitlisted) */
  waitlistPosition: z.number().nullable(),
  offerExpiresAt: z.string().nullable(),
  consent: z.object({ at: z.string(), method: z.enum(['member', 'staff_attested']), shareMobile: z.boolean(), version: z.string() }),
  /** the QR code's content, shown to the member only (null for staff and before confirmation) */
  checkinToken: z.string().nullable(),
  /** 6 digits the member can read aloud at the desk (member only, once confirmed) */
  checkinCode: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  requestedAt: z.string(),
  approvedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  cancelKind: z.enum(CANCEL_KINDS).nullable(),
  cancelReason: z.string().nullable(),
  nominated: z.boolean(),
  /** what the caller may do now */
  can: z.object({
    cancel: z.boolean(),
    acceptOffer: z.boolean(),
    approve: z.boolean(),
    confirm: z.boolean(),
    reject: z.boolean(),
    checkIn: z.boolean(),
    noShow: z.boolean(),
    complete: z.boolean(),
  }),
  /**
   * For the home federation's staff on a pending booking (requested, waitlisted): the policy
   * checked again against the member's record and history today; null elsewhere.
   */
  review: z.object({ eligible: z.boolean(), reasons: z.array(refusalDto) }).nullable(),
  rowVersion: z.number(),
});
export type BookingDto = z.infer<typeof bookingDto>;

export const bookResultDto = z.object({
  booking: bookingDto,
  /** false when this was a repeat of an earlier submission (same key, or already booked) */
  created: z.boolean(),
});

export const batchDetailDto = z.object({
  batch: catalogBatchDto,
  /** for a member: can they book, and why not */
  eligibility: eligibilityDto.nullable(),
  /** the member's active booking of this batch, if any */
  myBooking: bookingDto.nullable(),
});

export const bookingListInput = z.object({
  /** home: our members' bookings anywhere; host: bookings at our batches */
  side: z.enum(['home', 'host']),
  status: bookingStatus.optional(),
  batchId: uuid.optional(),
  q: z.string().trim().max(40).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const bookingActionInput = z.object({ id: uuid, rowVersion: rowVersion.optional() });
export const bookingReasonInput = bookingActionInput.extend({ reason: z.string().trim().max(500).default('') });
export const cancelInput = bookingActionInput.extend({
  reason: z.string().trim().max(500).default(''),
});
/**
 * The QR code's long token, or the short code a member reads aloud (6 digits) with the batch the
 * desk is checking in: a code means nothing outside its batch (docs/decisions/0027-official-numbers.md).
 */
export const checkInInput = z.union([
  z.object({ token: z.string().trim().min(20).max(200) }),
  z.object({ batchId: uuid, code: z.string().trim().regex(/^\d{6}$/, { error: 'code_invalid' }) }),
]);

export const rosterDto = z.object({
  batch: catalogBatchDto.pick({ id: true, code: true, startDate: true, endDate: true, nights: true, capacity: true, bedsTaken: true, hostSlug: true }).extend({
    routeTitle: z.string(),
  }),
  rows: z.array(bookingDto),
  totals: z.object({ members: z.number(), companions: z.number(), beds: z.number(), ownMembers: z.number(), partnerMembers: z.number(), checkedIn: z.number() }),
});
export type RosterDto = z.infer<typeof rosterDto>;

/** Staff nominate members in bulk: by id, or from an .xlsx (身份证号, 姓名). Consent is attested by the unit. */
export const nominateInput = z.object({
  batchId: uuid,
  memberIds: z.array(uuid).min(1).max(500),
  consentAttested: z.literal(true),
  shareMobile: z.boolean().default(false),
});
export const nominateXlsxInput = z.object({
  batchId: uuid,
  fileBase64: z.string().min(1).max(5_000_000),
  consentAttested: z.literal(true),
  shareMobile: z.boolean().default(false),
});
export const nominationRowDto = z.object({
  /** Excel row (header is row 1), or the position in memberIds (1-based) */
  row: z.number(),
  name: z.string(),
  outcome: z.enum(['booked', 'waitlisted', 'already_booked', 'refused', 'not_found']),
  bookingId: z.string().nullable(),
  reasons: z.array(refusalDto),
});
/** Staff decide many requests at once: each row by the same rules as one at a time, results per row. */
export const bulkDecideInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), ids: z.array(uuid).min(1).max(200) }),
  z.object({ action: z.literal('reject'), ids: z.array(uuid).min(1).max(200), reason: z.string().trim().min(1).max(500) }),
]);
export const bulkDecideRowDto = z.object({
  id: z.string(),
  outcome: z.enum(['approved', 'rejected', 'refused']),
  /** why a row was refused: an error code (NOT_ELIGIBLE, BOOKING_STATE, FORBIDDEN, NOT_FOUND …) */
  code: z.string().nullable(),
  reasons: z.array(refusalDto),
});
export const bulkDecideResultDto = z.object({ done: z.number(), refused: z.number(), rows: z.array(bulkDecideRowDto) });

export const nominationResultDto = z.object({
  booked: z.number(),
  waitlisted: z.number(),
  refused: z.number(),
  rows: z.array(nominationRowDto),
});
