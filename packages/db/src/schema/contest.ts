import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, tenantId, updatedAt } from './columns.ts';
import { members } from './core.ts';
import { federations } from './global.ts';
import { claimColumns, claimIndexes, placePools } from './place.ts';

// Joint skills contests (技能共同提升, DOMAIN §3.3; docs/decisions/0011-contests.md).
// The ORGANISER federation (tenant_id) owns the contest, its events, the drawn entrants, the
// judge panels, the scores and the certificates; the parties (and a neutral judging partner)
// named in party_tenant_ids read them. A registration belongs to the member's HOME federation
// and is the places engine's claim on the event's pool (shares = entrants per city).
// Scores are append-only; a re-mark after an appeal is a separate override row: results are
// always derived from the raw rows.

export const contests = pgTable(
  'contest',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    agreementTenantId: uuid('agreement_tenant_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    /** the agreement's parties plus any neutral judging partner: who may read the contest */
    partyTenantIds: uuid('party_tenant_ids').array().notNull(),
    /** the neutral federation invited to judge (not a party; never registers entrants) */
    judgingPartnerTenantIds: uuid('judging_partner_tenant_ids').array().notNull().default(sql`'{}'::uuid[]`),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('contest_parties_gin').using('gin', t.partyTenantIds), check('contest_year_ck', sql`${t.year} between 2000 and 2100`)],
);

export interface ContestAspect {
  key: string;
  label: string;
  part: 'theory' | 'practical';
  type: 'measurement' | 'judgement';
  /** full marks of the aspect (points) */
  max: number;
  /** a measurement marked from the measured value: full marks within ±within of target, zero at ±zeroBeyond, linear between */
  tolerance?: { target: number; within: number; zeroBeyond: number; unit: string };
  /** a judgement marked against written level descriptors, lowest first: level i of n earns i/(n−1) of full marks */
  levels?: string[];
}

/** An event (赛项) of a contest: one trade; its entrant places are a pool of the engine (same id). */
export const contestEvents = pgTable(
  'contest_event',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    contestId: uuid('contest_id').notNull(),
    trade: text('trade').notNull(),
    venue: text('venue').notNull().default(''),
    eventDate: date('event_date', { mode: 'string' }).notNull(),
    registrationOpens: date('registration_opens', { mode: 'string' }).notNull(),
    registrationCloses: date('registration_closes', { mode: 'string' }).notNull(),
    minAge: integer('min_age').notNull().default(18),
    maxAge: integer('max_age').notNull().default(60),
    minYearsInTrade: integer('min_years_in_trade').notNull().default(0),
    requiredCertificates: text('required_certificates').array().notNull().default(sql`'{}'::text[]`),
    quotaPerCity: integer('quota_per_city').notNull(),
    /** theory weight in percent (practical = 100 − theory); fact: 30 / 70 */
    theoryWeight: integer('theory_weight').notNull().default(30),
    aspects: jsonb('aspects').$type<ContestAspect[]>().notNull(),
    /** how many advance to the next stage (0: final stage) */
    advance: integer('advance').notNull().default(0),
    /** 初赛 (preliminary) or 决赛 (final); a final is an event of its own, made from its preliminary's results */
    round: text('round').notNull().default('preliminary'),
    preliminaryId: uuid('preliminary_id'),
    appealHours: integer('appeal_hours').notNull().default(2),
    noticeDays: integer('notice_days').notNull().default(5),
    drawSeed: text('draw_seed'),
    drawnAt: instant('drawn_at'),
    lockedAt: instant('locked_at'),
    publishedAt: instant('published_at'),
    finalisedAt: instant('finalised_at'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'contest_event_contest_fk', columns: [t.tenantId, t.contestId], foreignColumns: [contests.tenantId, contests.id] }).onDelete('cascade'),
    foreignKey({ name: 'contest_event_pool_fk', columns: [t.tenantId, t.id], foreignColumns: [placePools.tenantId, placePools.id] }),
    index('contest_event_contest_idx').on(t.tenantId, t.contestId),
    check('contest_event_window_ck', sql`${t.registrationOpens} <= ${t.registrationCloses} and ${t.registrationCloses} <= ${t.eventDate}`),
    check('contest_event_age_ck', sql`${t.minAge} between 16 and 70 and ${t.maxAge} between ${t.minAge} and 70`),
    check('contest_event_weight_ck', sql`${t.theoryWeight} between 0 and 100`),
    check('contest_event_figures_ck', sql`${t.quotaPerCity} >= 0 and ${t.advance} >= 0 and ${t.appealHours} between 0 and 720 and ${t.noticeDays} between 0 and 60 and ${t.minYearsInTrade} >= 0`),
    foreignKey({ name: 'contest_event_preliminary_fk', columns: [t.tenantId, t.preliminaryId], foreignColumns: [t.tenantId, t.id] }),
    unique('contest_event_final_uq').on(t.tenantId, t.preliminaryId),
    check('contest_event_round_ck', sql`${t.round} in ('preliminary', 'final') and (${t.round} = 'final') = (${t.preliminaryId} is not null)`),
    check('contest_event_stages_ck', sql`(${t.lockedAt} is null or ${t.drawnAt} is not null) and (${t.publishedAt} is null or ${t.lockedAt} is not null) and (${t.finalisedAt} is null or ${t.publishedAt} is not null)`),
  ],
);

export const REGISTRATION_ACTIVE = ['waitlisted', 'offered', 'registered'] as const;

/** A member entered for an event by their home federation (tenant_id): the engine's claim. */
export const contestRegistrations = pgTable(
  'contest_registration',
  {
    ...claimColumns(),
    contestId: uuid('contest_id').notNull(),
    /** snapshot for the organiser's roster (the member row stays with the home federation) */
    memberName: text('member_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    yearsInTrade: integer('years_in_trade').notNull(),
    certificates: text('certificates').array().notNull().default(sql`'{}'::text[]`),
    /** the member consented to share these data with the organiser (PIPL art. 23) */
    consentAt: instant('consent_at').notNull(),
    registeredByUserId: uuid('registered_by_user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'contest_registration_member_fk', columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    ...claimIndexes('contest_registration', t, REGISTRATION_ACTIVE),
    check('contest_registration_status_ck', sql`${t.status} in ('waitlisted', 'offered', 'registered', 'withdrawn')`),
  ],
);

export const APPLICATION_OPEN = ['applied', 'approved'] as const;

/**
 * A member's own application for an event from their phone (基层工会推荐 → 市总审核), kept by their
 * HOME federation (tenant_id) until its staff decide: approving it takes an entrant place through
 * the same engine claim as a staff registration (registration_id); refusing tells the member.
 */
export const contestApplications = pgTable(
  'contest_application',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    hostTenantId: uuid('host_tenant_id')
      .notNull()
      .references(() => federations.id),
    eventId: uuid('event_id').notNull(),
    contestId: uuid('contest_id').notNull(),
    memberId: uuid('member_id').notNull(),
    yearsInTrade: integer('years_in_trade').notNull(),
    certificates: text('certificates').array().notNull().default(sql`'{}'::text[]`),
    /** the member consented to share their data with the organiser (PIPL art. 23) */
    consentAt: instant('consent_at').notNull(),
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
    foreignKey({ name: 'contest_application_member_fk', columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    foreignKey({ name: 'contest_application_registration_fk', columns: [t.tenantId, t.registrationId], foreignColumns: [contestRegistrations.tenantId, contestRegistrations.id] }),
    unique('contest_application_idem_uq').on(t.tenantId, t.memberId, t.idempotencyKey),
    uniqueIndex('contest_application_open_uq').on(t.tenantId, t.eventId, t.memberId).where(sql`status in ('applied', 'approved')`),
    index('contest_application_event_idx').on(t.tenantId, t.eventId, t.status),
    check('contest_application_status_ck', sql`${t.status} in ('applied', 'approved', 'refused', 'withdrawn')`),
    check('contest_application_approved_ck', sql`(${t.status} = 'approved') = (${t.registrationId} is not null) or ${t.status} = 'withdrawn'`),
    check('contest_application_years_ck', sql`${t.yearsInTrade} between 0 and 60`),
  ],
);

export type ContestApplicationRow = typeof contestApplications.$inferSelect;

/** A registration that took part, with the number drawn by lot (the organiser's). id = the registration's id. */
export const contestEntrants = pgTable(
  'contest_entrant',
  {
    tenantId: tenantId().references(() => federations.id),
    id: uuid('id').notNull(),
    eventId: uuid('event_id').notNull(),
    homeTenantId: uuid('home_tenant_id')
      .notNull()
      .references(() => federations.id),
    number: integer('number').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'contest_entrant_event_fk', columns: [t.tenantId, t.eventId], foreignColumns: [contestEvents.tenantId, contestEvents.id] }).onDelete('cascade'),
    unique('contest_entrant_number_uq').on(t.tenantId, t.eventId, t.number),
    // what a score's key pins: the entrant's real home federation
    unique('contest_entrant_home_uq').on(t.tenantId, t.id, t.homeTenantId),
  ],
);

/** A judge on an event's panel: a user with the judge role in a party or the judging partner. */
export const contestJudges = pgTable(
  'contest_judge',
  {
    tenantId: tenantId().references(() => federations.id),
    eventId: uuid('event_id').notNull(),
    userId: uuid('user_id').notNull(),
    judgeTenantId: uuid('judge_tenant_id')
      .notNull()
      .references(() => federations.id),
    displayName: text('display_name').notNull(),
    chief: boolean('chief').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.eventId, t.userId] }),
    foreignKey({ name: 'contest_judge_event_fk', columns: [t.tenantId, t.eventId], foreignColumns: [contestEvents.tenantId, contestEvents.id] }).onDelete('cascade'),
    unique('contest_judge_fed_uq').on(t.tenantId, t.eventId, t.userId, t.judgeTenantId),
  ],
);

/**
 * One judge's mark of one aspect of one entrant, once (append-only: the app role may only insert).
 * Its keys pin the judge's and the entrant's real federations, and a CHECK keeps them apart:
 * a judge never marks a compatriot, whatever inserts the row.
 */
export const contestScores = pgTable(
  'contest_score',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    eventId: uuid('event_id').notNull(),
    entrantId: uuid('entrant_id').notNull(),
    entrantTenantId: uuid('entrant_tenant_id').notNull(),
    judgeUserId: uuid('judge_user_id').notNull(),
    judgeTenantId: uuid('judge_tenant_id').notNull(),
    aspect: text('aspect').notNull(),
    /** hundredths of a point */
    mark: integer('mark').notNull(),
    /** the value a judge measured, for an aspect marked by tolerance (the mark follows from it) */
    measured: numeric('measured', { mode: 'number' }),
    submittedAt: instant('submitted_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'contest_score_entrant_fk', columns: [t.tenantId, t.entrantId, t.entrantTenantId], foreignColumns: [contestEntrants.tenantId, contestEntrants.id, contestEntrants.homeTenantId] }),
    foreignKey({ name: 'contest_score_judge_fk', columns: [t.tenantId, t.eventId, t.judgeUserId, t.judgeTenantId], foreignColumns: [contestJudges.tenantId, contestJudges.eventId, contestJudges.userId, contestJudges.judgeTenantId] }),
    unique('contest_score_once_uq').on(t.tenantId, t.eventId, t.entrantId, t.judgeUserId, t.aspect),
    check('contest_score_compatriot_ck', sql`${t.judgeTenantId} <> ${t.entrantTenantId}`),
    check('contest_score_mark_ck', sql`${t.mark} between 0 and 100000`),
  ],
);

/** One import of the exam system's theory sheet for an event: the whole sheet; the latest one counts. */
export const contestTheoryImports = pgTable(
  'contest_theory_import',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    eventId: uuid('event_id').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    rows: integer('rows').notNull(),
    byUserId: uuid('by_user_id'),
    at: instant('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'contest_theory_import_event_fk', columns: [t.tenantId, t.eventId], foreignColumns: [contestEvents.tenantId, contestEvents.id] }).onDelete('cascade'),
    index('contest_theory_import_event_idx').on(t.tenantId, t.eventId, t.at),
  ],
);

/** A theory mark as the exam system gave it (apart from the judges' marks); null: absent (缺考). */
export const contestTheoryMarks = pgTable(
  'contest_theory_mark',
  {
    tenantId: tenantId().references(() => federations.id),
    importId: uuid('import_id').notNull(),
    eventId: uuid('event_id').notNull(),
    entrantId: uuid('entrant_id').notNull(),
    aspect: text('aspect').notNull(),
    /** hundredths of a point */
    mark: integer('mark'),
  },
  (t) => [
    primaryKey({ name: 'contest_theory_mark_pk', columns: [t.tenantId, t.importId, t.entrantId, t.aspect] }),
    foreignKey({ name: 'contest_theory_mark_import_fk', columns: [t.tenantId, t.importId], foreignColumns: [contestTheoryImports.tenantId, contestTheoryImports.id] }).onDelete('cascade'),
    foreignKey({ name: 'contest_theory_mark_entrant_fk', columns: [t.tenantId, t.entrantId], foreignColumns: [contestEntrants.tenantId, contestEntrants.id] }).onDelete('cascade'),
    check('contest_theory_mark_mark_ck', sql`${t.mark} between 0 and 100000`),
  ],
);

/** A theory mark corrected by the chief judge on an upheld appeal: append-only; the latest wins over the import. */
export const contestTheoryOverrides = pgTable(
  'contest_theory_override',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    eventId: uuid('event_id').notNull(),
    entrantId: uuid('entrant_id').notNull(),
    aspect: text('aspect').notNull(),
    /** hundredths of a point */
    mark: integer('mark').notNull(),
    appealId: uuid('appeal_id').notNull(),
    reason: text('reason').notNull(),
    byUserId: uuid('by_user_id'),
    at: instant('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'contest_theory_override_event_fk', columns: [t.tenantId, t.eventId], foreignColumns: [contestEvents.tenantId, contestEvents.id] }).onDelete('cascade'),
    foreignKey({ name: 'contest_theory_override_entrant_fk', columns: [t.tenantId, t.entrantId], foreignColumns: [contestEntrants.tenantId, contestEntrants.id] }).onDelete('cascade'),
    index('contest_theory_override_event_idx').on(t.tenantId, t.eventId, t.entrantId, t.aspect, t.at),
    check('contest_theory_override_mark_ck', sql`${t.mark} between 0 and 100000`),
  ],
);

/** An audited override of a locked mark (a re-mark after an appeal): append-only; the latest wins. */
export const contestScoreOverrides = pgTable(
  'contest_score_override',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    scoreId: uuid('score_id').notNull(),
    mark: integer('mark').notNull(),
    reason: text('reason').notNull(),
    byUserId: uuid('by_user_id'),
    at: instant('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'contest_score_override_score_fk', columns: [t.tenantId, t.scoreId], foreignColumns: [contestScores.tenantId, contestScores.id] }),
    check('contest_score_override_mark_ck', sql`${t.mark} between 0 and 100000`),
  ],
);

/** A written appeal by the entrant's home federation (tenant_id) to the organiser (host). */
export const contestAppeals = pgTable(
  'contest_appeal',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    hostTenantId: uuid('host_tenant_id')
      .notNull()
      .references(() => federations.id),
    eventId: uuid('event_id').notNull(),
    entrantId: uuid('entrant_id').notNull(),
    reason: text('reason').notNull(),
    // filed | upheld | rejected
    status: text('status').notNull().default('filed'),
    decisionReason: text('decision_reason'),
    filedAt: instant('filed_at').notNull(),
    decidedAt: instant('decided_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('contest_appeal_host_idx').on(t.hostTenantId, t.eventId), check('contest_appeal_status_ck', sql`${t.status} in ('filed', 'upheld', 'rejected')`)],
);

/** A certificate issued on finalising: verifiable by its number on the public page. */
export const contestCertificates = pgTable(
  'contest_certificate',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    number: text('number').notNull(),
    eventId: uuid('event_id').notNull(),
    entrantId: uuid('entrant_id').notNull(),
    homeTenantId: uuid('home_tenant_id').notNull(),
    /** what a reader of the certificate may see: name masked, event, award, date, issuers */
    maskedName: text('masked_name').notNull(),
    contestTitle: text('contest_title').notNull(),
    trade: text('trade').notNull(),
    award: text('award').notNull(),
    title: text('title'),
    rank: integer('rank').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    issuers: text('issuers').array().notNull(),
    /** SHA-256 of the canonical facts above */
    hash: text('hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('contest_certificate_number_uq').on(t.tenantId, t.number),
    index('contest_certificate_number_idx').on(t.number),
    unique('contest_certificate_entrant_uq').on(t.tenantId, t.entrantId),
    foreignKey({ name: 'contest_certificate_event_fk', columns: [t.tenantId, t.eventId], foreignColumns: [contestEvents.tenantId, contestEvents.id] }),
  ],
);

export type ContestRow = typeof contests.$inferSelect;
export type ContestEventRow = typeof contestEvents.$inferSelect;
export type ContestRegistrationRow = typeof contestRegistrations.$inferSelect;
