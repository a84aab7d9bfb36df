import { timestamp, uuid } from 'drizzle-orm/pg-core';

// Every tenant-owned table starts with these two columns; the primary key is (tenant_id, id).
export const tenantId = () => uuid('tenant_id').notNull();
export const id = () => uuid('id').notNull().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
