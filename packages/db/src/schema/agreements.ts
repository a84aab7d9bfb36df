import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, tenantId, updatedAt } from './columns.ts';
import { federations, users } from './global.ts';

// An agreement is owned by the initiating federation (tenant_id) and shared with its parties
// through agreement_party: one row per party keyed by that party's tenant_id. Every table under
// an agreement carries the owner's tenant_id and is visible to whoever has a party row.

export const agreements = pgTable(
  'agreement',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    title: text('title').notNull(),
    // draft | negotiating | signing | active | expired | terminated | declined
    status: text('status').notNull(),
    // an amendment of an active agreement: negotiating | signing | null
    amendment: text('amendment'),
    currentVersionId: uuid('current_version_id'),
    inForceVersionId: uuid('in_force_version_id'),
    /** every party's tenant (initiator included); what the row-level policy checks, see 0003 */
    partyTenantIds: uuid('party_tenant_ids').array().notNull(),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    /** the human number, e.g. 杭甬合〔2026〕1号: year and sequence per initiating federation (0027) */
    number: text('number').notNull().default(''),
    numberYear: integer('number_year'),
    numberSeq: integer('number_seq'),
    terminationReason: text('termination_reason'),
    expiryNoticeSentAt: instant('expiry_notice_sent_at'),
    /** optimistic concurrency for lifecycle steps */
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('agreement_status_idx').on(t.tenantId, t.status, t.termEnd),
    unique('agreement_number_uq').on(t.tenantId, t.numberYear, t.numberSeq),
    index('agreement_parties_gin').using('gin', t.partyTenantIds),
  ],
);

/** The last agreement number given per initiating federation and year (migration 0027). */
export const agreementNumberCounters = pgTable(
  'agreement_number_counter',
  {
    tenantId: tenantId().references(() => federations.id),
    year: integer('year').notNull(),
    lastNo: integer('last_no').notNull(),
  },
  (t) => [primaryKey({ name: 'agreement_number_counter_pk', columns: [t.tenantId, t.year] })],
);

export const agreementParties = pgTable(
  'agreement_party',
  {
    /** the party's federation */
    tenantId: tenantId().references(() => federations.id),
    agreementTenantId: uuid('agreement_tenant_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    role: text('role').notNull(),
    position: integer('position').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.agreementId] }),
    foreignKey({ name: 'agreement_party_agreement_fk', columns: [t.agreementTenantId, t.agreementId], foreignColumns: [agreements.tenantId, agreements.id] }).onDelete('cascade'),
    index('agreement_party_agreement_idx').on(t.agreementTenantId, t.agreementId),
  ],
);

/**
 * The wind-down of an ended agreement, one row per party federation, written in the transaction
 * that does that party's wind-down: exactly once whatever races (migration 0044).
 */
export const agreementWindDowns = pgTable(
  'agreement_wind_down',
  {
    tenantId: tenantId().references(() => federations.id),
    agreementTenantId: uuid('agreement_tenant_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    /** expired | terminated */
    ended: text('ended').notNull(),
    doneAt: instant('done_at').notNull(),
    /** what each module wound down: { bookings: 3, items: 2, … } */
    summary: jsonb('summary').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    primaryKey({ name: 'agreement_wind_down_pk', columns: [t.tenantId, t.agreementId] }),
    foreignKey({ name: 'agreement_wind_down_party_fk', columns: [t.tenantId, t.agreementId], foreignColumns: [agreementParties.tenantId, agreementParties.agreementId] }).onDelete('cascade'),
    check('agreement_wind_down_ended_ck', sql`${t.ended} in ('expired', 'terminated')`),
  ],
);

export const agreementVersions = pgTable(
  'agreement_version',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    agreementId: uuid('agreement_id').notNull(),
    number: integer('number').notNull(),
    content: jsonb('content').notNull(),
    /** SHA-256 of the canonical serialisation; set when the version is frozen for signature */
    contentHash: text('content_hash'),
    frozenAt: instant('frozen_at'),
    note: text('note').notNull().default(''),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdByLabel: text('created_by_label').notNull(),
    createdByTenantId: uuid('created_by_tenant_id').notNull().references(() => federations.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'agreement_version_agreement_fk', columns: [t.tenantId, t.agreementId], foreignColumns: [agreements.tenantId, agreements.id] }).onDelete('cascade'),
    unique('agreement_version_number_uq').on(t.tenantId, t.agreementId, t.number),
  ],
);

export const signatures = pgTable(
  'agreement_signature',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    agreementId: uuid('agreement_id').notNull(),
    versionId: uuid('version_id').notNull(),
    partyTenantId: uuid('party_tenant_id').notNull().references(() => federations.id),
    // signed | declined
    decision: text('decision').notNull(),
    reason: text('reason'),
    userId: uuid('user_id').notNull().references(() => users.id),
    userLabel: text('user_label').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    contentHash: text('content_hash').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'agreement_signature_version_fk', columns: [t.tenantId, t.versionId], foreignColumns: [agreementVersions.tenantId, agreementVersions.id] }).onDelete('cascade'),
    // one decision per party per version: the database refuses a double signature
    unique('agreement_signature_party_uq').on(t.tenantId, t.versionId, t.partyTenantId),
    unique('agreement_signature_idem_uq').on(t.tenantId, t.agreementId, t.idempotencyKey),
  ],
);

export const agreementComments = pgTable(
  'agreement_comment',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    agreementId: uuid('agreement_id').notNull(),
    versionId: uuid('version_id').notNull(),
    clauseKey: text('clause_key'),
    authorTenantId: uuid('author_tenant_id').notNull().references(() => federations.id),
    authorUserId: uuid('author_user_id').references(() => users.id),
    authorLabel: text('author_label').notNull(),
    addressedToTenantId: uuid('addressed_to_tenant_id').references(() => federations.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
    /** the top-level comment this one answers (0037); replies are one level deep */
    parentId: uuid('parent_id'),
    /** a top-level comment is open until a party resolves it; no version is frozen while one is open */
    resolvedAt: instant('resolved_at'),
    resolvedByUserId: uuid('resolved_by_user_id').references(() => users.id),
    resolvedByTenantId: uuid('resolved_by_tenant_id').references(() => federations.id),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'agreement_comment_version_fk', columns: [t.tenantId, t.versionId], foreignColumns: [agreementVersions.tenantId, agreementVersions.id] }).onDelete('cascade'),
    foreignKey({ name: 'agreement_comment_parent_fk', columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }).onDelete('cascade'),
    index('agreement_comment_agreement_idx').on(t.tenantId, t.agreementId, t.createdAt),
    index('agreement_comment_open_idx').on(t.tenantId, t.agreementId).where(sql`${t.parentId} is null and ${t.resolvedAt} is null`),
    check('agreement_comment_reply_ck', sql`${t.parentId} is null or ${t.resolvedAt} is null`),
    check('agreement_comment_resolved_ck', sql`(${t.resolvedAt} is null) = (${t.resolvedByTenantId} is null)`),
  ],
);

/** In-app notifications, in the recipient's federation. */
export const notifications = pgTable(
  'notification',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** the facts the notice was written from: title and body are rendered from kind + vars in the reader's language (null: written before 0036, its text as stored) */
    vars: jsonb('vars').$type<Record<string, string | number>>(),
    link: text('link'),
    /** de-duplicates notices a job may raise twice */
    dedupeKey: text('dedupe_key'),
    readAt: instant('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('notification_user_idx').on(t.tenantId, t.userId, t.createdAt),
    unique('notification_dedupe_uq').on(t.tenantId, t.userId, t.dedupeKey),
  ],
);
