import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, tenantId, updatedAt } from './columns.ts';
import { members, orgUnits } from './core.ts';
import { federations } from './global.ts';

// Recuperation (疗休养, DOMAIN §3.4). The host federation owns its bases, routes and batches;
// partners with an active agreement may read them (policy in the _tenancy migration). A booking
// belongs to the member's HOME federation (tenant_id: the personal data's controller, composite
// keys to the member and the quota) and names the host (host_tenant_id); both may see it.
// docs/decisions/0009-booking-concurrency.md explains the counters and their constraints.

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
    capacity: integer('capacity').notNull(),
    /** beds held by offered, requested, approved, confirmed, completed and no-show bookings */
    bedsTaken: integer('beds_taken').notNull().default(0),
    bookingOpens: date('booking_opens', { mode: 'string' }).notNull(),
    bookingCloses: date('booking_closes', { mode: 'string' }).notNull(),
    /** the last day a member may cancel and get the place back */
    cancelDeadline: date('cancel_deadline', { mode: 'string' }).notNull(),
    // open | closed | cancelled
    status: text('status').notNull().default('open'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'recuperation_batch_route_fk', columns: [t.tenantId, t.routeId], foreignColumns: [recuperationRoutes.tenantId, recuperationRoutes.id] }),
    index('recuperation_batch_start_idx').on(t.tenantId, t.startDate),
    unique('recuperation_batch_code_uq').on(t.tenantId, t.code),
    // never overbooked, whatever the code above does
    check('recuperation_batch_beds_ck', sql`${t.bedsTaken} >= 0 and ${t.bedsTaken} <= ${t.capacity}`),
    check('recuperation_batch_capacity_ck', sql`${t.capacity} between 1 and 10000`),
    check('recuperation_batch_nights_ck', sql`${t.nights} between 0 and 29`),
    check('recuperation_batch_window_ck', sql`${t.bookingOpens} <= ${t.bookingCloses} and ${t.cancelDeadline} <= ${t.startDate}`),
    check('recuperation_batch_status_ck', sql`${t.status} in ('open', 'closed', 'cancelled')`),
  ],
);

/**
 * Places one federation (host) grants another (tenant_id: the receiver, whose members use them)
 * under an agreement for a calendar year. used = pool_used + the allocations' used.
 */
export const recuperationQuotas = pgTable(
  'recuperation_quota',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    hostTenantId: uuid('host_tenant_id').notNull().references(() => federations.id),
    agreementTenantId: uuid('agreement_tenant_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    year: integer('year').notNull(),
    granted: integer('granted').notNull(),
    /** places handed down to org units (sum of recuperation_allocation.places) */
    allocated: integer('allocated').notNull().default(0),
    used: integer('used').notNull().default(0),
    /** places used by members of units without an allocation */
    poolUsed: integer('pool_used').notNull().default(0),
    /** places given back over the year (cancellations, refusals) */
    released: integer('released').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('recuperation_quota_uq').on(t.tenantId, t.agreementId, t.hostTenantId, t.year),
    index('recuperation_quota_host_idx').on(t.hostTenantId, t.year),
    check('recuperation_quota_used_ck', sql`${t.used} >= 0 and ${t.used} <= ${t.granted}`),
    check('recuperation_quota_allocated_ck', sql`${t.allocated} >= 0 and ${t.allocated} <= ${t.granted}`),
    check('recuperation_quota_pool_ck', sql`${t.poolUsed} >= 0 and ${t.poolUsed} <= ${t.granted} - ${t.allocated}`),
    check('recuperation_quota_released_ck', sql`${t.released} >= 0`),
  ],
);

/** A share of a quota handed to an org unit; its members (and those of units below) use it. */
export const recuperationAllocations = pgTable(
  'recuperation_allocation',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    quotaId: uuid('quota_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    places: integer('places').notNull(),
    used: integer('used').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'recuperation_allocation_quota_fk', columns: [t.tenantId, t.quotaId], foreignColumns: [recuperationQuotas.tenantId, recuperationQuotas.id] }).onDelete('cascade'),
    foreignKey({ name: 'recuperation_allocation_unit_fk', columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    unique('recuperation_allocation_unit_uq').on(t.tenantId, t.quotaId, t.orgUnitId),
    check('recuperation_allocation_used_ck', sql`${t.used} >= 0 and ${t.used} <= ${t.places}`),
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
    foreignKey({ name: 'recuperation_booking_quota_fk', columns: [t.tenantId, t.quotaId], foreignColumns: [recuperationQuotas.tenantId, recuperationQuotas.id] }),
    foreignKey({ name: 'recuperation_booking_allocation_fk', columns: [t.tenantId, t.allocationId], foreignColumns: [recuperationAllocations.tenantId, recuperationAllocations.id] }),
    // at most one active booking per member and batch, whatever arrives at once
    uniqueIndex('recuperation_booking_active_uq')
      .on(t.tenantId, t.batchId, t.memberId)
      .where(sql`status in ('waitlisted', 'offered', 'requested', 'approved', 'confirmed')`),
    unique('recuperation_booking_idem_uq').on(t.tenantId, t.memberId, t.idempotencyKey),
    unique('recuperation_booking_token_uq').on(t.tenantId, t.checkinToken),
    index('recuperation_booking_host_token_idx').on(t.hostTenantId, t.checkinToken),
    index('recuperation_booking_host_batch_idx').on(t.hostTenantId, t.batchId, t.status),
    index('recuperation_booking_member_idx').on(t.tenantId, t.memberId, t.batchStart),
    index('recuperation_booking_waitlist_idx')
      .on(t.hostTenantId, t.batchId, t.priorityRank, t.requestedAt, t.id)
      .where(sql`status = 'waitlisted'`),
    index('recuperation_booking_offer_idx').on(t.offerExpiresAt).where(sql`status = 'offered'`),
    check(
      'recuperation_booking_status_ck',
      sql`${t.status} in ('waitlisted', 'offered', 'requested', 'approved', 'confirmed', 'completed', 'cancelled', 'no_show')`,
    ),
    check('recuperation_booking_beds_ck', sql`${t.beds} between 1 and 5`),
    check('recuperation_booking_places_ck', sql`${t.quotaPlaces} in (0, 1) and (${t.quotaPlaces} = 0 or ${t.quotaId} is not null)`),
    check('recuperation_booking_offer_ck', sql`${t.status} <> 'offered' or ${t.offerExpiresAt} is not null`),
  ],
);
