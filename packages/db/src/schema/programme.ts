import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, tenantId, updatedAt } from './columns.ts';
import { members } from './core.ts';
import { storedFileChecks, storedFileColumns } from './files.ts';
import { federations } from './global.ts';
import { claimColumns, claimIndexes, placePools } from './place.ts';

// Joint programmes (思想共同引领, DOMAIN §3.1; docs/decisions/0012-programmes.md). A federation
// lists its venues (阵地); the host federation owns an event under an active agreement covering
// programmes, co-hosted by the partner, and its sessions. A session's seats are a places-engine
// pool (same (tenant_id, id)) with one share per party city; a registration is the engine's
// claim, in this table, owned by the member's HOME federation and visible to the host.
// Check-in is a column of the registration: set once, attendance counts derive from it.

export const PROGRAMME_REG_ACTIVE = ['waitlisted', 'offered', 'registered'] as const;
export const PROGRAMME_REG_HOLDING = ['offered', 'registered'] as const;

export const programmeVenues = pgTable(
  'programme_venue',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    name: text('name').notNull(),
    // home (职工之家) | palace (工人文化宫) | studio (劳模工匠创新工作室) | online | other
    kind: text('kind').notNull(),
    city: text('city').notNull().default(''),
    address: text('address').notNull().default(''),
    capacity: integer('capacity').notNull().default(0),
    facilities: text('facilities').array().notNull().default(sql`'{}'::text[]`),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('programme_venue_kind_ck', sql`${t.kind} in ('home', 'palace', 'studio', 'online', 'other')`),
    check('programme_venue_capacity_ck', sql`${t.capacity} between 0 and 100000`),
  ],
);

export const programmeEvents = pgTable(
  'programme_event',
  {
    /** the host federation */
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    agreementTenantId: uuid('agreement_tenant_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    /** the co-host: the other party of the agreement */
    partnerTenantId: uuid('partner_tenant_id')
      .notNull()
      .references(() => federations.id),
    // lecture (宣讲) | study (学习会) | training (培训班) | visit (参观交流) | online (线上直播)
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    topic: text('topic').notNull(),
    speakers: jsonb('speakers').$type<{ name: string; title: string }[]>().notNull().default(sql`'[]'::jsonb`),
    description: text('description').notNull().default(''),
    /** seats per city at each session (default: the clause's seatsPerCity) */
    seatsPerCity: integer('seats_per_city').notNull(),
    /** hours before a session when a city's unused seats go to anyone */
    releaseHours: integer('release_hours').notNull().default(48),
    /** a member's own registration needs their HOME federation's approval first (基层/市总审核; decision 0051) */
    homeApproval: boolean('home_approval').notNull().default(false),
    /** sessions a member must have attended for the class's certificate (结业证书; decision 0057); null = all of them */
    certificateSessions: integer('certificate_sessions'),
    // draft | published | open | closed | held | archived
    status: text('status').notNull().default('draft'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('programme_event_partner_idx').on(t.partnerTenantId, t.status),
    check('programme_event_kind_ck', sql`${t.kind} in ('lecture', 'study', 'training', 'visit', 'online')`),
    check('programme_event_status_ck', sql`${t.status} in ('draft', 'published', 'open', 'closed', 'held', 'archived')`),
    check('programme_event_certificate_ck', sql`${t.certificateSessions} is null or ${t.certificateSessions} between 1 and 100`),
    check('programme_event_seats_ck', sql`${t.seatsPerCity} between 0 and 100000 and ${t.releaseHours} between 0 and 720`),
  ],
);

/**
 * An event's materials (资料: slides as PDF, images, documents; docs/decisions/0053-file-store.md): the
 * host's rows (tenant_id), uploaded by the host's or the co-host's staff (party_tenant_id), read by
 * both parties' staff and by members registered for the event (checked by the service). Append-only.
 */
export const programmeMaterials = pgTable(
  'programme_material',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    eventId: uuid('event_id').notNull(),
    /** the federation whose staff uploaded it: the host or the co-host */
    partyTenantId: uuid('party_tenant_id')
      .notNull()
      .references(() => federations.id),
    ...storedFileColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'programme_material_event_fk', columns: [t.tenantId, t.eventId], foreignColumns: [programmeEvents.tenantId, programmeEvents.id] }).onDelete('cascade'),
    index('programme_material_event_idx').on(t.tenantId, t.eventId, t.createdAt),
    ...storedFileChecks('programme_material', t),
  ],
);

export const programmeSessions = pgTable(
  'programme_session',
  {
    /** the host; id = the seats' pool id */
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    eventId: uuid('event_id').notNull(),
    title: text('title').notNull().default(''),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    /** a venue of either party (no key across tenants: checked by the service) */
    venueTenantId: uuid('venue_tenant_id'),
    venueId: uuid('venue_id'),
    onlineUrl: text('online_url'),
    /** credit hours (学时) in tenths */
    creditTenths: integer('credit_tenths').notNull().default(0),
    // scheduled | cancelled
    status: text('status').notNull().default('scheduled'),
    rescheduledAt: instant('rescheduled_at'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'programme_session_event_fk', columns: [t.tenantId, t.eventId], foreignColumns: [programmeEvents.tenantId, programmeEvents.id] }).onDelete('cascade'),
    foreignKey({ name: 'programme_session_pool_fk', columns: [t.tenantId, t.id], foreignColumns: [placePools.tenantId, placePools.id] }),
    index('programme_session_event_idx').on(t.tenantId, t.eventId, t.startsAt),
    check('programme_session_time_ck', sql`${t.startsAt} < ${t.endsAt}`),
    check('programme_session_status_ck', sql`${t.status} in ('scheduled', 'cancelled')`),
    check('programme_session_place_ck', sql`${t.venueId} is not null or ${t.onlineUrl} is not null`),
  ],
);

export const programmeRegistrations = pgTable(
  'programme_registration',
  {
    ...claimColumns(),
    eventId: uuid('event_id').notNull(),
    /** the member's name and mobile as shared with the host (consented when the host is the other city) */
    memberName: text('member_name').notNull(),
    memberMobile: text('member_mobile').notNull().default(''),
    consentAt: instant('consent_at'),
    /** staff of the home federation registered the member */
    nominated: integer('nominated').notNull().default(0),
    cancelReason: text('cancel_reason'),
    checkedInAt: instant('checked_in_at'),
    checkedInBy: text('checked_in_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'programme_registration_member_fk', columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    ...claimIndexes('programme_registration', t, PROGRAMME_REG_ACTIVE),
    index('programme_registration_member_idx').on(t.tenantId, t.memberId),
    check('programme_registration_status_ck', sql`${t.status} in ('waitlisted', 'offered', 'registered', 'cancelled')`),
  ],
);

/**
 * A member's own registration for a session of an event that needs their home federation's
 * approval (decision 0051): the HOME federation's row only (the host sees nothing of it), holding
 * no seat. Approving it claims the seat through the same registration a member or staff make
 * (registration_id); refusing tells the member the reason; the member may withdraw it while open.
 * Same shape and statuses as contest_application.
 */
export const programmeRequests = pgTable(
  'programme_request',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    hostTenantId: uuid('host_tenant_id')
      .notNull()
      .references(() => federations.id),
    eventId: uuid('event_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    memberId: uuid('member_id').notNull(),
    /** the member agreed to their name and mobile going to the host (needed when the host is the other city) */
    consentAt: instant('consent_at'),
    // applied | approved | refused | withdrawn
    status: text('status').notNull().default('applied'),
    registrationId: uuid('registration_id'),
    decidedByUserId: uuid('decided_by_user_id'),
    decidedAt: instant('decided_at'),
    decisionReason: text('decision_reason'),
    idempotencyKey: text('idempotency_key').notNull(),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'programme_request_member_fk', columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    foreignKey({ name: 'programme_request_registration_fk', columns: [t.tenantId, t.registrationId], foreignColumns: [programmeRegistrations.tenantId, programmeRegistrations.id] }),
    unique('programme_request_idem_uq').on(t.tenantId, t.memberId, t.idempotencyKey),
    uniqueIndex('programme_request_open_uq').on(t.tenantId, t.sessionId, t.memberId).where(sql`status = 'applied'`),
    index('programme_request_status_idx').on(t.tenantId, t.status, t.eventId),
    check('programme_request_status_ck', sql`${t.status} in ('applied', 'approved', 'refused', 'withdrawn')`),
    check('programme_request_approved_ck', sql`(${t.status} = 'approved') = (${t.registrationId} is not null)`),
  ],
);

export type ProgrammeRequestRow = typeof programmeRequests.$inferSelect;

/** Someone of either city who came to a session without registering, recorded at the door by the host. */
export const programmeWalkIns = pgTable(
  'programme_walk_in',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    sessionId: uuid('session_id').notNull(),
    eventId: uuid('event_id').notNull(),
    homeTenantId: uuid('home_tenant_id')
      .notNull()
      .references(() => federations.id),
    name: text('name').notNull(),
    /** id_number | mobile */
    keyKind: text('key_kind').notNull(),
    /** a keyed hash of the number given: counts a person once (never the number itself) */
    personKey: text('person_key').notNull(),
    masked: text('masked').notNull(),
    /** the host's own member with that number, when there is one */
    memberId: uuid('member_id'),
    recordedBy: text('recorded_by').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('programme_walk_in_once_uq').on(t.tenantId, t.sessionId, t.personKey),
    foreignKey({ name: 'programme_walk_in_session_fk', columns: [t.tenantId, t.sessionId], foreignColumns: [programmeSessions.tenantId, programmeSessions.id] }).onDelete('cascade'),
    index('programme_walk_in_event_idx').on(t.tenantId, t.eventId),
    check('programme_walk_in_kind_ck', sql`${t.keyKind} in ('id_number', 'mobile')`),
  ],
);

/** An attendee's rating (1–5) and comment on a session, once per registration; the member's home federation owns it. */
export const programmeFeedback = pgTable(
  'programme_feedback',
  {
    tenantId: tenantId().references(() => federations.id),
    registrationId: uuid('registration_id').notNull(),
    hostTenantId: uuid('host_tenant_id')
      .notNull()
      .references(() => federations.id),
    eventId: uuid('event_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    rating: integer('rating').notNull(),
    comment: text('comment').notNull().default(''),
    at: instant('at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'programme_feedback_pk', columns: [t.tenantId, t.registrationId] }),
    foreignKey({ name: 'programme_feedback_registration_fk', columns: [t.tenantId, t.registrationId], foreignColumns: [programmeRegistrations.tenantId, programmeRegistrations.id] }).onDelete('cascade'),
    index('programme_feedback_event_idx').on(t.hostTenantId, t.eventId),
    check('programme_feedback_rating_ck', sql`${t.rating} between 1 and 5`),
  ],
);

/**
 * A class's completion certificate as issued (decision 0057): the masked facts printed on it and their
 * hash, stored the first time the issuing federation hands it out, read by number on the public
 * verification page (programme_certificate_by_number). Who qualifies is never read from here.
 */
export const programmeCertificates = pgTable(
  'programme_certificate',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    number: text('number').notNull(),
    eventId: uuid('event_id').notNull(),
    homeTenantId: uuid('home_tenant_id').notNull(),
    memberId: uuid('member_id').notNull(),
    maskedName: text('masked_name').notNull(),
    classTitle: text('class_title').notNull(),
    topic: text('topic').notNull(),
    attended: integer('attended').notNull(),
    sessions: integer('sessions').notNull(),
    creditHours: text('credit_hours').notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuers: text('issuers').array().notNull(),
    /** SHA-256 of the canonical facts above */
    hash: text('hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('programme_certificate_number_uq').on(t.tenantId, t.number), index('programme_certificate_number_idx').on(t.number)],
);
