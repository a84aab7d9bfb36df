import { integer, pgTable, text, uuid, index } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.ts';

// The only tables without tenant_id. Listed in GLOBAL_TABLES; the schema test checks every other table.
export const federations = pgTable('federation', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  city: text('city').notNull(),
  createdAt: createdAt(),
});

export const users = pgTable('app_user', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  locale: text('locale').notNull().default('zh-CN'),
  createdAt: createdAt(),
  passwordChangedAt: instant('password_changed_at'),
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

export const GLOBAL_TABLES = ['federation', 'app_user', 'session', 'login_throttle'] as const;
