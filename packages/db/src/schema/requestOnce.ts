import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
