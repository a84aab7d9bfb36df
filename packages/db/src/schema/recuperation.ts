import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, tenantId, updatedAt } from './columns.ts';
import { members } from './core.ts';
import { federations } from './global.ts';
import { claimIndexes, placeAllocations, placePools, placeQuotas } from './place.ts';

// Recuperation (疗休养, DOMAIN §3.4). The host federation owns its bases, routes and batches;
// partners with an active agreement may read them (policy in the _tenancy migration). A booking
// belongs to the member's HOME federation (tenant_id: the personal data's controller, composite
// keys to the member and the quota) and names the host (host_tenant_id); both may see it.
// A batch's beds are a pool of the places engine (place.ts: same id), the quota ledger is the
// engine's place_quota; a booking is the engine's claim, in this table (columns of claimColumns()
// under older names: batch_id is the pool, beds the units). docs/decisions/0009 and 0020.

export const recuperationBases = pgTable(
  'recuperation_base',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    name: text('name').notNull(),
    city: text('city').notNull(),
    address: text('address').notNull().default(''),
    description: text('description').notNull().default(''),
    /** https URLs of photos (stored elsewhere: a CDN or the federation's site) */
    photos: jsonb('photos').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    facilities: text('facilities').array().notNull().default(sql`'{}'::text[]`),
    // national | provincial | municipal
    certificationLevel: text('certification_level').notNull(),
    certifiedFrom: date('certified_from', { mode: 'string' }).notNull(),
    certifiedUntil: date('certified_until', { mode: 'string' }).notNull(),
    active: boolean('active').notNull().default(true),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('recuperation_base_level_ck', sql`${t.certificationLevel} in ('national', 'provincial', 'municipal')`),
    check('recuperation_base_cert_ck', sql`${t.certifiedFrom} <= ${t.certifiedUntil}`),
  ],
);

export interface ItineraryDay {
  day: number;
  text: string;
}

export const recuperationRoutes = pgTable(
  'recuperation_route',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    days: integer('days').notNull(),
    itinerary: jsonb('itinerary').$type<ItineraryDay[]>().notNull().default(sql`'[]'::jsonb`),
    pricePerDayFen: integer('price_per_day_fen').notNull(),
    active: boolean('active').notNull().default(true),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('recuperation_route_days_ck', sql`${t.days} between 1 and 30`),
    check('recuperation_route_price_ck', sql`${t.pricePerDayFen} >= 0`),
  ],
);

/** The bases a route visits, in order. */
export const recuperationRouteBases = pgTable(
  'recuperation_route_base',
  {
    tenantId: tenantId().references(() => federations.id),
    routeId: uuid('route_id').notNull(),
    baseId: uuid('base_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.routeId, t.baseId] }),
    foreignKey({ name: 'recuperation_route_base_route_fk', columns: [t.tenantId, t.routeId], foreignColumns: [recuperationRoutes.tenantId, recuperationRoutes.id] }).onDelete('cascade'),
    foreignKey({ name: 'recuperation_route_base_base_fk', columns: [t.tenantId, t.baseId], foreignColumns: [recuperationBases.tenantId, recuperationBases.id] }),
    index('recuperation_route_base_base_idx').on(t.tenantId, t.baseId),
  ],
);

export const recuperationBatches = pgTable(
  'recuperation_batch',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    routeId: uuid('route_id').notNull(),
    code: text('code').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    nights: integer('nights').notNull(),
    bookingOpens: date('booking_opens', { mode: 'string' }).notNull(),
    bookingCloses: date('booking_closes', { mode: 'string' }).notNull(),
    /** the last day a member may cancel and get the place back */
    cancelDeadline: date('cancel_deadline', { mode: 'string' }).notNull(),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'recuperation_batch_route_fk', columns: [t.tenantId, t.routeId], foreignColumns: [recuperationRoutes.tenantId, recuperationRoutes.id] }),
    // the batch's beds: its pool (same id), whose counters and status the engine keeps
    foreignKey({ name: 'recuperation_batch_pool_fk', columns: [t.tenantId, t.id], foreignColumns: [placePools.tenantId, placePools.id] }),
    index('recuperation_batch_start_idx').on(t.tenantId, t.startDate),
    unique('recuperation_batch_code_uq').on(t.tenantId, t.code),
    check('recuperation_batch_nights_ck', sql`${t.nights} between 0 and 29`),
    check('recuperation_batch_window_ck', sql`${t.bookingOpens} <= ${t.bookingCloses} and ${t.cancelDeadline} <= ${t.startDate}`),
  ],
);

/** The home federation's rules for its members' trips, in force from effective_from. */
export const recuperationPolicies = pgTable(
  'recuperation_policy',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    maxDaysPerTrip: integer('max_days_per_trip').notNull(),
    budgetPerDayFen: integer('budget_per_day_fen').notNull(),
    budgetPerYearFen: integer('budget_per_year_fen').notNull(),
    tripsPerYear: integer('trips_per_year').notNull(),
    noRepeatYears: integer('no_repeat_years').notNull(),
    maxParts: integer('max_parts').notNull(),
    /** frontline | model_worker | skilled_worker | never_sent, first = highest priority */
    priorityGroups: text('priority_groups').array().notNull(),
    givenUpCountsAsUsed: boolean('given_up_counts_as_used').notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('recuperation_policy_from_uq').on(t.tenantId, t.effectiveFrom),
    check('recuperation_policy_dates_ck', sql`${t.effectiveTo} is null or ${t.effectiveFrom} <= ${t.effectiveTo}`),
    check(
      'recuperation_policy_figures_ck',
      sql`${t.maxDaysPerTrip} >= 1 and ${t.budgetPerDayFen} >= 0 and ${t.budgetPerYearFen} >= 0 and ${t.tripsPerYear} >= 0 and ${t.noRepeatYears} >= 0 and ${t.maxParts} >= 1`,
    ),
  ],
);

export interface CompanionRow {
  name: string;
  relation: string;
  gender: string | null;
  idNumberMasked: string;
}

export const BOOKING_ACTIVE_STATUSES = ['waitlisted', 'offered', 'requested', 'approved', 'confirmed'] as const;

export const recuperationBookings = pgTable(
  'recuperation_booking',
  {
    /** the member's home federation */
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    hostTenantId: uuid('host_tenant_id').notNull().references(() => federations.id),
    /** the host's batch (host_tenant_id, batch_id); no key across tenants, checked under the batch lock */
    batchId: uuid('batch_id').notNull(),
    memberId: uuid('member_id').notNull(),
    /** null for a member of the host itself (no agreement places used) */
    quotaId: uuid('quota_id'),
    allocationId: uuid('allocation_id'),
    // waitlisted | offered | requested | approved | confirmed | completed | cancelled | no_show
    status: text('status').notNull(),
    /** beds: the member and the companions */
    beds: integer('beds').notNull(),
    /** agreement places: 1 for a partner member, 0 for a host member (companions never use places) */
    quotaPlaces: integer('quota_places').notNull(),
    /** waitlist order: the policy's priority group (0 first), then requested_at */
    priorityRank: integer('priority_rank').notNull(),
    companions: jsonb('companions').$type<CompanionRow[]>().notNull().default(sql`'[]'::jsonb`),
    // what the member consented to share with the host (PIPL art. 23)
    memberName: text('member_name').notNull(),
    memberGender: text('member_gender'),
    memberIdMasked: text('member_id_masked').notNull(),
    memberMobile: text('member_mobile'),
    orgUnitName: text('org_unit_name').notNull(),
    consentAt: instant('consent_at').notNull(),
    // member (online) | staff_attested (a nomination: consent collected by the unit)
    consentMethod: text('consent_method').notNull(),
    consentShareMobile: boolean('consent_share_mobile').notNull(),
    consentVersion: text('consent_version').notNull(),
    // the trip as booked, for the member's yearly history and budget
    batchStart: date('batch_start', { mode: 'string' }).notNull(),
    tripDays: integer('trip_days').notNull(),
    pricePerDayFen: integer('price_per_day_fen').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    checkinToken: text('checkin_token').notNull(),
    /** 6 digits a member can read aloud, given on confirmation; unique among the batch's confirmed bookings (0027) */
    checkinCode: text('checkin_code'),
    checkedInAt: instant('checked_in_at'),
    checkedInBy: text('checked_in_by'),
    offerExpiresAt: instant('offer_expires_at'),
    requestedAt: instant('requested_at').notNull(),
    approvedAt: instant('approved_at'),
    approvedBy: text('approved_by'),
    confirmedAt: instant('confirmed_at'),
    confirmedBy: text('confirmed_by'),
    closedAt: instant('closed_at'),
    // member | home_rejected | host_rejected | offer_declined | offer_expired | ineligible
    cancelKind: text('cancel_kind'),
    cancelReason: text('cancel_reason'),
    /** a place given up without a reason may count as used (policy) */
    cancelJustified: boolean('cancel_justified'),
    nominated: boolean('nominated').notNull().default(false),
    createdBy: text('created_by').notNull(),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'recuperation_booking_member_fk', columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    foreignKey({ name: 'recuperation_booking_quota_fk', columns: [t.tenantId, t.quotaId], foreignColumns: [placeQuotas.tenantId, placeQuotas.id] }),
    foreignKey({ name: 'recuperation_booking_allocation_fk', columns: [t.tenantId, t.allocationId], foreignColumns: [placeAllocations.tenantId, placeAllocations.id] }),
    // at most one active booking per member and batch, whatever arrives at once; the idempotency
    // key; the host's batch lookups; the waitlist in its order; lapsed offers
    ...claimIndexes('recuperation_booking', { ...t, poolId: t.batchId }, BOOKING_ACTIVE_STATUSES),
    unique('recuperation_booking_token_uq').on(t.tenantId, t.checkinToken),
    index('recuperation_booking_host_token_idx').on(t.hostTenantId, t.checkinToken),
    uniqueIndex('recuperation_booking_code_uq').on(t.hostTenantId, t.batchId, t.checkinCode).where(sql`${t.checkinCode} is not null and ${t.status} = 'confirmed'`),
    index('recuperation_booking_member_idx').on(t.tenantId, t.memberId, t.batchStart),
    check(
      'recuperation_booking_status_ck',
      sql`${t.status} in ('waitlisted', 'offered', 'requested', 'approved', 'confirmed', 'completed', 'cancelled', 'no_show')`,
    ),
    check('recuperation_booking_beds_ck', sql`${t.beds} between 1 and 5`),
    check('recuperation_booking_places_ck', sql`${t.quotaPlaces} in (0, 1) and (${t.quotaPlaces} = 0 or ${t.quotaId} is not null)`),
    check('recuperation_booking_offer_ck', sql`${t.status} <> 'offered' or ${t.offerExpiresAt} is not null`),
  ],
);
