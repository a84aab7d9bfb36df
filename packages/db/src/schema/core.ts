import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, instant, tenantId, updatedAt } from './columns.ts';
import { federations, users } from './global.ts';


export const invitations = pgTable(
  'invitation',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    title: text('title').notNull().default(''),
    roles: text('roles').array().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: instant('expires_at').notNull(),
    acceptedAt: instant('accepted_at'),
    revokedAt: instant('revoked_at'),
    invitedBy: uuid('invited_by').references(() => users.id),
    // the org unit the membership made on acceptance is limited to (null: the whole federation)
    orgUnitId: uuid('org_unit_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('invitation_tenant_created_idx').on(t.tenantId, t.createdAt),
    foreignKey({ name: 'invitation_org_unit_fk', columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  ],
);

export const orgUnits = pgTable(
  'org_unit',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    /** an office's own short code for the unit (letters, digits, - and _), unique in the federation */
    code: text('code'),
    // city | district | industry | street | grassroots
    kind: text('kind').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'org_unit_parent_fk', columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    index('org_unit_parent_idx').on(t.tenantId, t.parentId),
    unique('org_unit_sibling_name_uq').on(t.tenantId, t.parentId, t.name).nullsNotDistinct(),
    uniqueIndex('org_unit_code_uq').on(t.tenantId, t.code).where(sql`code IS NOT NULL`),
  ],
);

export const members = pgTable(
  'member',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    orgUnitId: uuid('org_unit_id').notNull(),
    name: text('name').notNull(),
    gender: text('gender'),
    mobile: text('mobile'),
    // AES-256-GCM ciphertext; HMAC for uniqueness and lookup; the masked form for display.
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberHmac: text('id_number_hmac').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    frontline: text('frontline'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'member_org_unit_fk', columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    unique('member_id_number_uq').on(t.tenantId, t.idNumberHmac),
    index('member_org_unit_idx').on(t.tenantId, t.orgUnitId),
    index('member_name_idx').on(t.tenantId, t.name, t.id),
    index('member_created_idx').on(t.tenantId, t.createdAt, t.id),
  ],
);

export const memberHonours = pgTable(
  'member_honour',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    memberId: uuid('member_id').notNull(),
    // model_worker | may_day_medal | skilled_worker | frontline
    kind: text('kind').notNull(),
    source: text('source').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'member_honour_member_fk', columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }).onDelete('cascade'),
    index('member_honour_member_idx').on(t.tenantId, t.memberId),
    index('member_honour_kind_idx').on(t.tenantId, t.kind, t.memberId),
  ],
);

export const auditEvents = pgTable(
  'audit_event',
  {
    tenantId: tenantId().references(() => federations.id),
    /** the order of appending (a global sequence); the chain's order is seq, assigned when sealed */
    entry: bigint('entry', { mode: 'number' }).notNull().default(sql`nextval('audit_entry_seq')`),
    /** null until the sequencer chained it (docs/decisions/0024) */
    seq: bigint('seq', { mode: 'number' }),
    id: id(),
    at: instant('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    ip: text('ip'),
    type: text('type').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    prevHash: text('prev_hash'),
    hash: text('hash'),
    /** 1: chained by the old writer (0004); 2: appended, then sealed (0024) */
    v: smallint('v').notNull().default(1),
    contentHash: text('content_hash'),
    /** the API's keyed MAC of content_hash */
    mac: text('mac'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.entry] }),
    uniqueIndex('audit_event_seq_key').on(t.tenantId, t.seq),
    uniqueIndex('audit_event_id_key').on(t.id),
    index('audit_event_pending_idx').on(t.tenantId, t.entry).where(sql`seq IS NULL`),
    index('audit_event_type_idx').on(t.tenantId, t.type, t.seq),
    index('audit_event_entity_idx').on(t.tenantId, t.entityType, t.entityId),
  ],
);

/** One row per federation: the sealed chain's last seq and hash, and the key holder's MAC of them. */
export const auditHeads = pgTable('audit_head', {
  tenantId: tenantId().primaryKey().references(() => federations.id),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  hash: text('hash').notNull(),
  signedSeq: bigint('signed_seq', { mode: 'number' }),
  signedHash: text('signed_hash'),
  mac: text('mac'),
});

export const outbox = pgTable(
  'outbox',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    toEmail: text('to_email').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: instant('sent_at'),
    /** a failed message waits until then (backoff); null: due now */
    nextAttemptAt: instant('next_attempt_at'),
    /** a sender's lease: claimed (FOR UPDATE SKIP LOCKED) and being sent until then */
    claimedUntil: instant('claimed_until'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('outbox_pending_idx').on(t.tenantId, t.status, t.createdAt)],
);

export const memberships = pgTable(
  'membership',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // staff roles (admin, signatory, lead, officer, judge, caseworker) or ['member'] for a member account
    roles: text('roles').array().notNull(),
    memberId: uuid('member_id'),
    status: text('status').notNull().default('active'),
    // a staff membership limited to an org unit and the units below it (null: the whole federation)
    orgUnitId: uuid('org_unit_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('membership_tenant_user_uq').on(t.tenantId, t.userId),
    index('membership_user_idx').on(t.userId),
    index('membership_member_idx').on(t.tenantId, t.memberId).where(sql`member_id is not null`),
    foreignKey({ name: 'membership_member_fk', columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    foreignKey({ name: 'membership_org_unit_fk', columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  ],
);
