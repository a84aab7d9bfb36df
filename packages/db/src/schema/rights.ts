import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, tenantId, updatedAt } from './columns.ts';
import { storedFileChecks, storedFileColumns } from './files.ts';
import { federations } from './global.ts';

// Cross-city rights protection (权益共同维护, DOMAIN §3.2; docs/decisions/0013-rights-referral.md).
// A case belongs to the federation that took it in (A, the referrer: tenant_id). A referral of the
// case to a partner B (performer_tenant_id) is A's row too; B sees and updates it (policy in the
// _tenancy migration). Every step of a referral is an EVENT (rights_referral_event); the status
// on the referral row is the latest step's result, kept for locking and listing, and the service
// clocks are computed from the events every time. The case file is readable by the performer only
// while the worker's consent for that performer holds (RLS). Every read of it is logged
// (rights_file_access, visible to both sides, plus each reader's own audit chain).

export interface RightsDocument {
  name: string;
  /** contract | pay_slip | id_card | medical | other */
  kind: string;
  /** shared with the partner (true) or internal to the referring federation */
  shared: boolean;
  note: string;
}

export const rightsCases = pgTable(
  'rights_case',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    /** a member of the federation, or null for a non-member worker (minimal data below) */
    memberId: uuid('member_id'),
    workerName: text('worker_name').notNull(),
    workerMobile: text('worker_mobile').notNull().default(''),
    idNumberEnc: text('id_number_enc'),
    idNumberHmac: text('id_number_hmac'),
    idNumberMasked: text('id_number_masked'),
    employerName: text('employer_name').notNull(),
    /** 统一社会信用代码 (18 characters) or '' */
    employerCreditCode: text('employer_credit_code').notNull().default(''),
    employerCity: text('employer_city').notNull(),
    // wage_arrears | work_injury | labour_contract | social_insurance
    disputeKind: text('dispute_kind').notNull(),
    facts: text('facts').notNull(),
    claims: text('claims').notNull().default(''),
    amountClaimedFen: bigint('amount_claimed_fen', { mode: 'number' }).notNull().default(0),
    // hotline | walk_in | partner_referral
    source: text('source').notNull(),
    documents: jsonb('documents').$type<RightsDocument[]>().notNull().default(sql`'[]'::jsonb`),
    /** internal notes of the referring federation: never shown to a partner */
    internalNotes: text('internal_notes').notNull().default(''),
    /** a case of the same worker against the same employer within 90 days, when linked */
    linkedCaseId: uuid('linked_case_id'),
    createdBy: uuid('created_by'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('rights_case_worker_idx').on(t.tenantId, t.idNumberHmac, t.createdAt),
    check('rights_case_kind_ck', sql`${t.disputeKind} in ('wage_arrears', 'work_injury', 'labour_contract', 'social_insurance')`),
    check('rights_case_source_ck', sql`${t.source} in ('hotline', 'walk_in', 'partner_referral')`),
    check('rights_case_amount_ck', sql`${t.amountClaimedFen} >= 0`),
    foreignKey({ columns: [t.tenantId, t.linkedCaseId], foreignColumns: [t.tenantId, t.id], name: 'rights_case_linked_fk' }),
  ],
);

/**
 * A case document as a file (issue 11, docs/decisions/0053-file-store.md): a photo of the contract, a
 * pay slip, a PDF. The referring federation's (tenant_id); `shared` ones are read by the current
 * performer while the worker's consent for it holds and covers documents (RLS, migration 0055);
 * internal ones never leave the owner. Append-only. The named entries of `rights_case.documents`
 * (paper documents registered at intake, no file) stay as they were.
 */
export const rightsCaseDocuments = pgTable(
  'rights_case_document',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    caseId: uuid('case_id').notNull(),
    /** contract | pay_slip | id_card | medical | other */
    kind: text('kind').notNull(),
    /** shared with the partner (true) or internal to the referring federation */
    shared: boolean('shared').notNull(),
    note: text('note').notNull().default(''),
    ...storedFileColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [rightsCases.tenantId, rightsCases.id], name: 'rights_case_document_case_fk' }),
    index('rights_case_document_case_idx').on(t.tenantId, t.caseId, t.createdAt),
    check('rights_case_document_kind_ck', sql`${t.kind} in ('contract', 'pay_slip', 'id_card', 'medical', 'other')`),
    ...storedFileChecks('rights_case_document', t),
  ],
);

/** The worker's separate consent (PIPL art. 23) to share the case file with one named partner for one purpose. */
export const rightsConsents = pgTable(
  'rights_consent',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    caseId: uuid('case_id').notNull(),
    partnerTenantId: uuid('partner_tenant_id').notNull().references(() => federations.id),
    purpose: text('purpose').notNull(),
    /** what it covers: worker_identity | contact | facts | documents */
    scope: text('scope').array().notNull(),
    // signed_form | phone_attested
    method: text('method').notNull(),
    /** the signed form's name (the file is rights_consent_form), or the caseworker's attestation of the call */
    evidence: text('evidence').notNull(),
    givenAt: instant('given_at').notNull(),
    recordedBy: uuid('recorded_by'),
    withdrawnAt: instant('withdrawn_at'),
    withdrawReason: text('withdraw_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [rightsCases.tenantId, rightsCases.id], name: 'rights_consent_case_fk' }),
    check('rights_consent_method_ck', sql`${t.method} in ('signed_form', 'phone_attested')`),
    check('rights_consent_evidence_ck', sql`length(${t.evidence}) > 0`),
    index('rights_consent_case_idx').on(t.tenantId, t.caseId),
  ],
);

/**
 * The signed consent form as a file (issue 11, decision 0056): a PDF or a photo, one per consent given
 * by signed form (a deferred trigger refuses such a consent without it, migration 0057). The referring
 * federation's; the current performer reads it while the consent holds and covers documents and the
 * worker's identity (it carries the worker's signature). Append-only.
 */
export const rightsConsentForms = pgTable(
  'rights_consent_form',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    consentId: uuid('consent_id').notNull(),
    ...storedFileColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('rights_consent_form_consent_uq').on(t.tenantId, t.consentId),
    foreignKey({ columns: [t.tenantId, t.consentId], foreignColumns: [rightsConsents.tenantId, rightsConsents.id], name: 'rights_consent_form_consent_fk' }),
    ...storedFileChecks('rights_consent_form', t),
    check('rights_consent_form_scan_ck', sql`${t.contentType} in ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf')`),
  ],
);

/** A referral of a case to a partner: the FHIR-like request (A's) and task (B's) in one row, with its steps as events. */
export const rightsReferrals = pgTable(
  'rights_referral',
  {
    /** the referring federation (A), owner of the case */
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    caseId: uuid('case_id').notNull(),
    /** the federation acting on it now (B; another one after a transfer) */
    performerTenantId: uuid('performer_tenant_id').notNull().references(() => federations.id),
    /** the consent that allows sharing with the current performer: the database refuses a referral without one */
    consentId: uuid('consent_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    /** copied from the case: what the performer's lists show even without the file */
    disputeKind: text('dispute_kind').notNull(),
    // submitted | accepted | returned | in_progress | on_hold | resolved | followed_up | archived
    status: text('status').notNull(),
    /** B's assignee: a caseworker or a legal-aid station, as a label */
    assignee: text('assignee'),
    outcome: text('outcome'),
    amountRecoveredFen: bigint('amount_recovered_fen', { mode: 'number' }),
    /** copied from the case: it came in on the 12351 hotline, so the referral runs the hour clocks too (0055) */
    hotline: boolean('hotline').notNull().default(false),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [rightsCases.tenantId, rightsCases.id], name: 'rights_referral_case_fk' }),
    foreignKey({ columns: [t.tenantId, t.consentId], foreignColumns: [rightsConsents.tenantId, rightsConsents.id], name: 'rights_referral_consent_fk' }),
    check(
      'rights_referral_status_ck',
      sql`${t.status} in ('submitted', 'accepted', 'returned', 'in_progress', 'on_hold', 'resolved', 'followed_up', 'archived')`,
    ),
    check('rights_referral_other_ck', sql`${t.performerTenantId} <> ${t.tenantId}`),
    index('rights_referral_performer_idx').on(t.performerTenantId, t.status),
    index('rights_referral_case_idx').on(t.tenantId, t.caseId),
  ],
);

/** One step of a referral, append-only; seq = the referral's row_version after the step. */
export const rightsReferralEvents = pgTable(
  'rights_referral_event',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    referralId: uuid('referral_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    /** the status after the step */
    status: text('status').notNull(),
    actorTenantId: uuid('actor_tenant_id').notNull().references(() => federations.id),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    /** the performer after the step */
    performerTenantId: uuid('performer_tenant_id').notNull().references(() => federations.id),
    at: instant('at').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('rights_referral_event_seq_uq').on(t.tenantId, t.referralId, t.seq),
    foreignKey({ columns: [t.tenantId, t.referralId], foreignColumns: [rightsReferrals.tenantId, rightsReferrals.id], name: 'rights_referral_event_referral_fk' }),
  ],
);

/** A message on a referral's secure thread between the two federations' caseworkers; append-only. */
export const rightsReferralMessages = pgTable(
  'rights_referral_message',
  {
    /** the referring federation, owner of the referral */
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    referralId: uuid('referral_id').notNull(),
    authorTenantId: uuid('author_tenant_id')
      .notNull()
      .references(() => federations.id),
    authorUserId: uuid('author_user_id'),
    authorLabel: text('author_label').notNull(),
    body: text('body').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.referralId], foreignColumns: [rightsReferrals.tenantId, rightsReferrals.id], name: 'rights_referral_message_referral_fk' }),
    check('rights_referral_message_body_ck', sql`length(${t.body}) between 1 and 2000`),
    index('rights_referral_message_referral_idx').on(t.tenantId, t.referralId, t.at),
  ],
);

/** A file on a message of the referral's thread (decision 0056): the referral owner's row, like the message; the performer reads it while the consent holds (RLS). */
export const rightsReferralMessageFiles = pgTable(
  'rights_referral_message_file',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    referralId: uuid('referral_id').notNull(),
    messageId: uuid('message_id').notNull(),
    authorTenantId: uuid('author_tenant_id')
      .notNull()
      .references(() => federations.id),
    ...storedFileColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.referralId], foreignColumns: [rightsReferrals.tenantId, rightsReferrals.id], name: 'rights_referral_message_file_referral_fk' }),
    foreignKey({ columns: [t.tenantId, t.messageId], foreignColumns: [rightsReferralMessages.tenantId, rightsReferralMessages.id], name: 'rights_referral_message_file_message_fk' }),
    index('rights_referral_message_file_referral_idx').on(t.tenantId, t.referralId, t.createdAt),
    ...storedFileChecks('rights_referral_message_file', t),
  ],
);

/** Every read of a shared case file (and every refusal), seen by both sides. */
export const rightsFileAccesses = pgTable(
  'rights_file_access',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    referralId: uuid('referral_id').notNull(),
    readerTenantId: uuid('reader_tenant_id').notNull().references(() => federations.id),
    readerUserId: uuid('reader_user_id'),
    readerLabel: text('reader_label').notNull(),
    // read | refused
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    ip: text('ip'),
    at: instant('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.referralId], foreignColumns: [rightsReferrals.tenantId, rightsReferrals.id], name: 'rights_file_access_referral_fk' }),
    index('rights_file_access_referral_idx').on(t.tenantId, t.referralId, t.at),
  ],
);

/** A federation's service levels from a date: working days, and the hotline's minutes of business hours (0055). */
export const rightsSlaPolicies = pgTable(
  'rights_sla_policy',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    acceptDays: integer('accept_days').notNull(),
    respondDays: integer('respond_days').notNull(),
    resolveDays: integer('resolve_days').notNull(),
    followUpDays: integer('follow_up_days').notNull(),
    /** opening windows of a working day, 'HH:MM-HH:MM' China time, in order */
    businessHours: text('business_hours').array().notNull().default(sql`'{08:30-12:00,13:30-17:30}'`),
    dispatchMinutes: integer('dispatch_minutes').notNull().default(30),
    firstResponseMinutes: integer('first_response_minutes').notNull().default(120),
    hotlineFollowUpMinutes: integer('hotline_follow_up_minutes').notNull().default(1440),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('rights_sla_policy_from_uq').on(t.tenantId, t.effectiveFrom),
    check('rights_sla_policy_days_ck', sql`least(${t.acceptDays}, ${t.respondDays}, ${t.resolveDays}, ${t.followUpDays}) >= 1`),
    check('rights_sla_policy_minutes_ck', sql`least(${t.dispatchMinutes}, ${t.firstResponseMinutes}, ${t.hotlineFollowUpMinutes}) >= 1`),
    check('rights_sla_policy_hours_ck', sql`cardinality(${t.businessHours}) between 1 and 4`),
  ],
);

/** A day the federation's rights department is closed on top of the national calendar: every clock it owns stops. */
export const rightsClosureDays = pgTable(
  'rights_closure_day',
  {
    tenantId: tenantId().references(() => federations.id),
    day: date('day', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day] }), check('rights_closure_day_reason_ck', sql`length(btrim(${t.reason})) between 1 and 200`)],
);

/** A warning or breach notice sent for one clock of one referral: the row makes it once-only. */
export const rightsSlaAlerts = pgTable(
  'rights_sla_alert',
  {
    tenantId: tenantId().references(() => federations.id),
    referralId: uuid('referral_id').notNull(),
    clock: text('clock').notNull(),
    // warning | breach
    level: text('level').notNull(),
    sentAt: instant('sent_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.referralId, t.clock, t.level] }),
    foreignKey({ columns: [t.tenantId, t.referralId], foreignColumns: [rightsReferrals.tenantId, rightsReferrals.id], name: 'rights_sla_alert_referral_fk' }),
  ],
);
