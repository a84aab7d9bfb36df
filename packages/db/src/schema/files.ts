import { sql, type SQL } from 'drizzle-orm';
import { check, customType, integer, text, uuid, type PgColumn } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { users } from './global.ts';

// The one file store (docs/decisions/0053-file-store.md): every table that keeps files — joint-item
// attachments (0008), rights case documents, programme materials — has these columns and these
// checks; each owner keeps its own table so its row-level security is the owner's rows' policy.

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => v,
  // postgres.js gives a Buffer, PGlite a Uint8Array
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const STORED_FILE_TYPES_SQL = sql.raw(
  `('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')`,
);

/** name, type (read from the bytes), size, SHA-256, the bytes, who uploaded it and when */
export const storedFileColumns = () => ({
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  bytes: bytea('bytes').notNull(),
  uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id),
  uploadedByLabel: text('uploaded_by_label').notNull(),
  createdAt: createdAt(),
});

/** the size (1 byte – 10 MB, and the bytes are that size) and the accepted types, in the table */
export const storedFileChecks = (table: string, t: { size: PgColumn; bytes: PgColumn; contentType: PgColumn }): ReturnType<typeof check>[] => [
  check(`${table}_size_ck`, sql`${t.size} > 0 and ${t.size} <= 10485760 and octet_length(${t.bytes}) = ${t.size}` as SQL),
  check(`${table}_type_ck`, sql`${t.contentType} in ${STORED_FILE_TYPES_SQL}`),
];
