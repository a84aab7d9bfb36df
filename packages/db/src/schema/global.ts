import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, instant } from './columns.ts';

// The only tables without tenant_id. Listed in GLOBAL_TABLES; the schema test checks every other table.
export const federations = pgTable('federation', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  city: text('city').notNull(),
  /** one-character short name for document numbers (杭, 甬); '' = derived from the city (migration 0027) */
  shortName: text('short_name').notNull().default(''),
  createdAt: createdAt(),
  // onboarding by the platform operator (issue 12): 'active' | 'suspended'
  status: text('status').notNull().default('active'),
  regionCode: text('region_code').notNull().default(''),
  contactName: text('contact_name').notNull().default(''),
  contactEmail: text('contact_email').notNull().default(''),
  contactPhone: text('contact_phone').notNull().default(''),
  suspendedAt: instant('suspended_at'),
  suspendedReason: text('suspended_reason'),
});

export const users = pgTable('app_user', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** 职务 (e.g. 常务副主席): shown with the name wherever a person is named (issue 16) */
  title: text('title').notNull().default(''),
  passwordHash: text('password_hash').notNull(),
  locale: text('locale').notNull().default('zh-CN'),
  createdAt: createdAt(),
  passwordChangedAt: instant('password_changed_at'),
  /** 'operator': the platform operator (global role, created by the CLI); null for everyone else */
  platformRole: text('platform_role'),
  /** a member account signs in by mobile (unique among users that have one) */
  mobile: text('mobile').unique(),
});

export const sessions = pgTable(
  'session',
  {
    // SHA-256 of the cookie token (hex); the token itself is never stored.
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: instant('expires_at').notNull(),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

export const loginThrottle = pgTable('login_throttle', {
  // 'email:<address>' or 'ip:<address>'
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: instant('locked_until'),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** The platform's own hash-chained audit log (creating, suspending federations), one chain. */
export const platformAuditEvents = pgTable('platform_audit_event', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  at: instant('at').notNull(),
  actorUserId: uuid('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  ip: text('ip'),
  type: text('type').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** One row: the chain's last seq and hash, locked by every append. */
export const platformAuditHead = pgTable('platform_audit_head', {
  id: integer('id').primaryKey().default(1),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** SMS waiting to be sent by the provider (like the email outbox). The body holds a code until it is sent. */
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toMobile: text('to_mobile').notNull(),
    body: text('body').notNull(),
    purpose: text('purpose').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** a sender's lease: after a crash the message is sent again once this has passed */
    claimedUntil: instant('claimed_until'),
    /** the backoff after a failed attempt */
    nextAttemptAt: instant('next_attempt_at'),
    /** an invitation to activate: the federation and member it was sent for (at most one a day per member) */
    federationId: uuid('federation_id'),
    memberId: uuid('member_id'),
    createdAt: createdAt(),
    sentAt: instant('sent_at'),
  },
  (t) => [index('sms_outbox_pending_idx').on(t.status, t.createdAt), index('sms_outbox_member_idx').on(t.memberId, t.createdAt).where(sql`member_id is not null`)],
);

/** One-time codes sent by SMS: hashed, short-lived, single-use, a few attempts. */
export const smsCodes = pgTable(
  'sms_code',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose').notNull(),
    mobile: text('mobile').notNull(),
    /** the federation of the member record (activation); null for a reset */
    federationId: uuid('federation_id').references(() => federations.id),
    memberId: uuid('member_id'),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: instant('expires_at').notNull(),
    consumedAt: instant('consumed_at'),
    /** the address that asked for it (throttled per address too) */
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [index('sms_code_mobile_idx').on(t.mobile, t.purpose, t.createdAt), index('sms_code_ip_idx').on(t.ip, t.createdAt), check('sms_code_purpose_ck', sql`${t.purpose} in ('activate', 'reset', 'signin')`)],
);

/** A staff password reset link: the SHA-256 of its token, single-use, short-lived. */
export const passwordResets = pgTable(
  'password_reset',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('password_reset_token_uq').on(t.tokenHash)],
);

/** A day of the national calendar as the State Council's yearly notice arranges it, over the package's (0052). */
export const nationalCalendarDays = pgTable(
  'national_calendar_day',
  {
    day: date('day', { mode: 'string' }).primaryKey(),
    work: boolean('work').notNull(),
    name: text('name').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [check('national_calendar_day_name_ck', sql`length(btrim(${t.name})) between 1 and 40`)],
);

export const GLOBAL_TABLES = ['federation', 'app_user', 'session', 'login_throttle', 'platform_audit_event', 'platform_audit_head', 'sms_outbox', 'sms_code', 'password_reset', 'national_calendar_day'] as const;
