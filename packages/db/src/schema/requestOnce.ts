import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantId } from './columns.ts';
import { federations, users } from './global.ts';

/**
 * One answer per create request (migration 0026, docs/decisions/0022-request-once.md): the key a
 * form sends once per opening, the procedure it was sent to, and the answer the first request gave.
 */
export const requestOnce = pgTable(
  'request_once',
  {
    tenantId: tenantId().references(() => federations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    procedure: text('procedure').notNull(),
    result: jsonb('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'request_once_pk', columns: [t.tenantId, t.userId, t.key] }),
    index('request_once_created_idx').on(t.tenantId, t.createdAt),
    check('request_once_key_ck', sql`length(${t.key}) between 8 and 100`),
  ],
);

/**
 * Calls of a costly kind (files rendered, mail to typed addresses) per user and federation in a
 * fixed window (migration 0035, docs/decisions/0032-rate-limits.md).
 */
export const rateWindows = pgTable(
  'rate_window',
  {
    tenantId: tenantId().references(() => federations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    calls: integer('calls').notNull(),
    windowEnds: timestamp('window_ends', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'rate_window_pk', columns: [t.tenantId, t.userId, t.action] }), check('rate_window_calls_ck', sql`${t.calls} > 0`)],
);
