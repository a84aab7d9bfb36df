import { z } from 'zod';
import { dateString, rowVersion, trimmed, uuid } from './common.ts';

// Recuperation, host side (DOMAIN §3.4): certified bases (疗休养基地), routes (线路) and dated
// batches (批次). Money is integer fen; dates are 'YYYY-MM-DD' calendar dates in China time.
// Booking: recuperationBooking.ts; quotas and policy: recuperationQuota.ts, recuperationPolicy.ts.

export const CERTIFICATION_LEVELS = ['national', 'provincial', 'municipal'] as const;
export const certificationLevel = z.enum(CERTIFICATION_LEVELS);

/** photos are https URLs (the federation's site or a CDN); the platform stores no images */
const photoUrl = z.url({ protocol: /^https?$/ }).max(500);

export const baseInput = z.object({
  name: trimmed(1, 80),
  city: trimmed(1, 40),
  address: z.string().trim().max(200).default(''),
  description: z.string().trim().max(4000).default(''),
  photos: z.array(photoUrl).max(12).default([]),
  facilities: z.array(trimmed(1, 40)).max(30).default([]),
  certificationLevel,
  certifiedFrom: dateString,
  certifiedUntil: dateString,
  active: z.boolean().default(true),
});
export const baseCreateInput = baseInput.refine((b) => b.certifiedFrom <= b.certifiedUntil, { error: 'term_order', path: ['certifiedUntil'] });
export const baseUpdateInput = baseInput.extend({ id: uuid, rowVersion });

export const baseDto = z.object({
  id: z.string(),
  hostSlug: z.string(),
  name: z.string(),
  city: z.string(),
  address: z.string(),
  description: z.string(),
  photos: z.array(z.string()),
  facilities: z.array(z.string()),
  certificationLevel,
  certifiedFrom: z.string(),
  certifiedUntil: z.string(),
  /** certification valid today (China time) */
  certified: z.boolean(),
  active: z.boolean(),
  rowVersion: z.number(),
});
export type BaseDto = z.infer<typeof baseDto>;

export const itineraryDay = z.object({ day: z.number().int().min(1).max(30), text: trimmed(1, 1000) });

export const routeInput = z.object({
  title: trimmed(1, 120),
  description: z.string().trim().max(4000).default(''),
  /** the bases visited, in order (the host's own) */
  baseIds: z.array(uuid).min(1).max(10),
  /** days including travel */
  days: z.number().int().min(1).max(30),
  itinerary: z.array(itineraryDay).max(30).default([]),
  pricePerDayFen: z.number().int().min(0).max(10_000_000),
  active: z.boolean().default(true),
});
export const routeUpdateInput = routeInput.extend({ id: uuid, rowVersion });

export const routeDto = z.object({
  id: z.string(),
  hostSlug: z.string(),
  title: z.string(),
  description: z.string(),
  bases: z.array(z.object({ id: z.string(), name: z.string(), city: z.string() })),
  days: z.number(),
  itinerary: z.array(itineraryDay),
  pricePerDayFen: z.number(),
  active: z.boolean(),
  rowVersion: z.number(),
});
export type RouteDto = z.infer<typeof routeDto>;

export const BATCH_STATUSES = ['open', 'closed', 'cancelled'] as const;
export const batchStatus = z.enum(BATCH_STATUSES);

const batchFields = z.object({
  routeId: uuid,
  /** e.g. 2026-XH-12; unique within the host */
  code: trimmed(1, 40),
  startDate: dateString,
  nights: z.number().int().min(0).max(29),
  capacity: z.number().int().min(1).max(10_000),
  bookingOpens: dateString,
  bookingCloses: dateString,
  cancelDeadline: dateString,
});
const batchRules = <T extends z.infer<typeof batchFields>>(b: T) => b.bookingOpens <= b.bookingCloses && b.cancelDeadline <= b.startDate;
export const batchCreateInput = batchFields.refine(batchRules, { error: 'term_order', path: ['bookingCloses'] });
export const batchUpdateInput = batchFields
  .extend({ id: uuid, rowVersion, status: batchStatus })
  .refine(batchRules, { error: 'term_order', path: ['bookingCloses'] });

export const batchDto = z.object({
  id: z.string(),
  hostSlug: z.string(),
  hostNameZh: z.string(),
  hostNameEn: z.string(),
  code: z.string(),
  route: routeDto.pick({ id: true, title: true, days: true, pricePerDayFen: true, bases: true }),
  startDate: z.string(),
  /** last night's morning: startDate + nights */
  endDate: z.string(),
  nights: z.number(),
  capacity: z.number(),
  bedsTaken: z.number(),
  bedsLeft: z.number(),
  waitlisted: z.number(),
  bookingOpens: z.string(),
  bookingCloses: z.string(),
  cancelDeadline: z.string(),
  status: batchStatus,
  /** the booking window is open today (China time) and the batch is open */
  bookable: z.boolean(),
  rowVersion: z.number(),
});
export type BatchDto = z.infer<typeof batchDto>;

/** What a batch shows: 已结束 once its stay is over (derived from the dates, never stored). */
export function batchShownStatus(b: Pick<BatchDto, 'status' | 'endDate'>, today: string): BatchDto['status'] | 'ended' {
  return b.status !== 'cancelled' && b.endDate < today ? 'ended' : b.status;
}

export const batchListInput = z.object({
  from: dateString.optional(),
  to: dateString.optional(),
  routeId: uuid.optional(),
});

/** Batches a member or staff may book: the caller's own federation and partners with an active agreement. */
export const catalogInput = z.object({
  hostSlug: z.string().max(40).optional(),
  from: dateString.optional(),
  to: dateString.optional(),
  /** only batches whose booking window is open today */
  openOnly: z.boolean().default(true),
});

export const catalogBatchDto = batchDto.extend({
  route: routeDto.omit({ rowVersion: true, active: true }),
  bases: z.array(baseDto.omit({ rowVersion: true, active: true })),
  /** true when booking here uses agreement places (the host is a partner) */
  usesAgreementPlaces: z.boolean(),
  /** for a member: their active booking of this batch (id and status), if any */
  myBooking: z.object({ id: z.string(), status: z.string() }).nullable(),
  /** for a member, in the list: the same verdict as the batch page (eligibility.query assess), so the card says why it cannot be booked; null for staff and on the batch page */
  verdict: z.object({ eligible: z.boolean(), reasons: z.array(z.object({ code: z.string(), message: z.string() })) }).nullable(),
});
export type CatalogBatchDto = z.infer<typeof catalogBatchDto>;

export const fileDto = z.object({ filename: z.string(), contentType: z.string(), base64: z.string() });
export type FileDto = z.infer<typeof fileDto>;
