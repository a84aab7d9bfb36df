import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agreements } from './agreements.ts';
import { createdAt, id, tenantId, updatedAt } from './columns.ts';
import { federations, users } from './global.ts';

// The work plan (工作清单): joint items under an agreement. Like every table under an agreement
// they carry the OWNER's tenant_id and are visible to the parties (policies in the _tenancy migration).

export const jointItems = pgTable(
  'joint_item',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    agreementId: uuid('agreement_id').notNull(),
    // programme | rights | contest | recuperation | project
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** the party that leads the item (一项目一主体) */
    leadTenantId: uuid('lead_tenant_id').notNull().references(() => federations.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    // not_started | in_progress | done | delayed | cancelled
    status: text('status').notNull().default('not_started'),
    /** the reason given for the last delay, cancellation or reopening */
    statusReason: text('status_reason').notNull().default(''),
    /** the health of the latest progress update (on_track | at_risk | off_track), kept with it for sorting */
    health: text('health'),
    /** joint projects only: initiation | research | midterm | closing | transfer */
    phase: text('phase'),
    // plan (from the agreement's work plan) | meeting (a joint meeting decision) | manual | import (Excel)
    source: text('source').notNull(),
    /** source = meeting: the meeting decision the item came from */
    sourceRef: uuid('source_ref'),
    createdByTenantId: uuid('created_by_tenant_id').notNull().references(() => federations.id),
    /** the person who added it by hand or by import; null when the system created it */
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdByLabel: text('created_by_label'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'joint_item_agreement_fk', columns: [t.tenantId, t.agreementId], foreignColumns: [agreements.tenantId, agreements.id] }).onDelete('cascade'),
    index('joint_item_agreement_idx').on(t.tenantId, t.agreementId, t.kind),
    // a decision becomes at most one item, even when two people convert it at once
    uniqueIndex('joint_item_source_ref_uq').on(t.tenantId, t.sourceRef).where(sql`source_ref is not null`),
    check('joint_item_kind_ck', sql`${t.kind} in ('programme', 'rights', 'contest', 'recuperation', 'project')`),
    check('joint_item_status_ck', sql`${t.status} in ('not_started', 'in_progress', 'done', 'delayed', 'cancelled')`),
    check('joint_item_source_ck', sql`${t.source} in ('plan', 'meeting', 'manual', 'import')`),
    check(
      'joint_item_phase_ck',
      sql`(${t.kind} = 'project' and ${t.phase} in ('initiation', 'research', 'midterm', 'closing', 'transfer')) or (${t.kind} <> 'project' and ${t.phase} is null)`,
    ),
    check('joint_item_dates_ck', sql`${t.startDate} <= ${t.endDate}`),
    check('joint_item_health_ck', sql`${t.health} is null or ${t.health} in ('on_track', 'at_risk', 'off_track')`),
  ],
);

/** One row per party: that side's responsible person for the item (一主体一责任人). */
export const jointItemSides = pgTable(
  'joint_item_side',
  {
    tenantId: tenantId().references(() => federations.id),
    itemId: uuid('item_id').notNull(),
    /** kept here so the row-level policy can ask the agreement directly */
    agreementId: uuid('agreement_id').notNull(),
    partyTenantId: uuid('party_tenant_id').notNull().references(() => federations.id),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id),
    responsibleName: text('responsible_name').notNull().default(''),
    responsibleContact: text('responsible_contact').notNull().default(''),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.itemId, t.partyTenantId] }),
    foreignKey({ name: 'joint_item_side_item_fk', columns: [t.tenantId, t.itemId], foreignColumns: [jointItems.tenantId, jointItems.id] }).onDelete('cascade'),
    foreignKey({ name: 'joint_item_side_agreement_fk', columns: [t.tenantId, t.agreementId], foreignColumns: [agreements.tenantId, agreements.id] }).onDelete('cascade'),
    // "my items": a person's sides across every agreement of their federation (the caller's tenant leads)
    index('joint_item_side_responsible_idx').on(t.partyTenantId, t.responsibleUserId).where(sql`responsible_user_id is not null`),
  ],
);
