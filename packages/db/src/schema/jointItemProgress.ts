import { sql } from 'drizzle-orm';
import { check, foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { agreements } from './agreements.ts';
import { createdAt, id, tenantId } from './columns.ts';
import { federations, users } from './global.ts';
import { storedFileColumns } from './files.ts';
import { jointItems } from './jointItems.ts';

// Progress updates, their attachments and the activity feed of joint items. All carry the
// agreement owner's tenant_id and are visible to the parties; updates and activity are append-only.

export const jointItemUpdates = pgTable(
  'joint_item_update',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    agreementId: uuid('agreement_id').notNull(),
    itemId: uuid('item_id').notNull(),
    /** the federation the author wrote for */
    partyTenantId: uuid('party_tenant_id').notNull().references(() => federations.id),
    authorUserId: uuid('author_user_id').references(() => users.id),
    authorLabel: text('author_label').notNull(),
    // on_track | at_risk | off_track
    health: text('health').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'joint_item_update_item_fk', columns: [t.tenantId, t.itemId], foreignColumns: [jointItems.tenantId, jointItems.id] }).onDelete('cascade'),
    foreignKey({ name: 'joint_item_update_agreement_fk', columns: [t.tenantId, t.agreementId], foreignColumns: [agreements.tenantId, agreements.id] }).onDelete('cascade'),
    index('joint_item_update_item_idx').on(t.tenantId, t.itemId, t.createdAt),
    // health over time, per agreement
    index('joint_item_update_agreement_idx').on(t.tenantId, t.agreementId, t.createdAt),
    check('joint_item_update_health_ck', sql`${t.health} in ('on_track', 'at_risk', 'off_track')`),
  ],
);

/** Files (images, PDF, Word, Excel ≤ 10 MB) kept in the database: see docs/decisions/0008-attachments.md. */
export const jointItemAttachments = pgTable(
  'joint_item_attachment',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    agreementId: uuid('agreement_id').notNull(),
    itemId: uuid('item_id').notNull(),
    /** the progress update that carries it; null until one names it */
    updateId: uuid('update_id'),
    partyTenantId: uuid('party_tenant_id').notNull().references(() => federations.id),
    ...storedFileColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'joint_item_attachment_item_fk', columns: [t.tenantId, t.itemId], foreignColumns: [jointItems.tenantId, jointItems.id] }).onDelete('cascade'),
    foreignKey({ name: 'joint_item_attachment_agreement_fk', columns: [t.tenantId, t.agreementId], foreignColumns: [agreements.tenantId, agreements.id] }).onDelete('cascade'),
    foreignKey({ name: 'joint_item_attachment_update_fk', columns: [t.tenantId, t.updateId], foreignColumns: [jointItemUpdates.tenantId, jointItemUpdates.id] }).onDelete('cascade'),
    index('joint_item_attachment_item_idx').on(t.tenantId, t.itemId, t.createdAt),
    index('joint_item_attachment_update_idx').on(t.tenantId, t.updateId).where(sql`update_id is not null`),
    check('joint_item_attachment_size_ck', sql`${t.size} > 0 and ${t.size} <= 10485760 and octet_length(${t.bytes}) = ${t.size}`),
    check(
      'joint_item_attachment_type_ck',
      sql`${t.contentType} in ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')`,
    ),
  ],
);

/** Every change to an agreement's items, by whom and when; one row (the owner's), read by every party. */
export const jointItemActivity = pgTable(
  'joint_item_activity',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    agreementId: uuid('agreement_id').notNull(),
    /** null for agreement-wide entries (an import); no foreign key, so the history outlives a deleted milestone */
    itemId: uuid('item_id'),
    milestoneId: uuid('milestone_id'),
    type: text('type').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorLabel: text('actor_label').notNull(),
    /** the federation the actor acted for; null for the system (jobs) */
    actorTenantId: uuid('actor_tenant_id').references(() => federations.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'joint_item_activity_agreement_fk', columns: [t.tenantId, t.agreementId], foreignColumns: [agreements.tenantId, agreements.id] }).onDelete('cascade'),
    index('joint_item_activity_item_idx').on(t.tenantId, t.itemId, t.at),
    index('joint_item_activity_agreement_idx').on(t.tenantId, t.agreementId, t.at),
  ],
);
