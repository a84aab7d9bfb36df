import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { agreements } from './agreements.ts';
import { createdAt, id, instant, tenantId, updatedAt } from './columns.ts';
import { federations, users } from './global.ts';
import { jointItems } from './jointItems.ts';

// Milestones (时间节点) of a joint item. Like the item they carry the agreement owner's tenant_id
// and are visible to the parties; each party has a side (its owner) and confirms in each round.

export const jointMilestones = pgTable(
  'joint_milestone',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    agreementId: uuid('agreement_id').notNull(),
    itemId: uuid('item_id').notNull(),
    title: text('title').notNull(),
    /** a calendar date in Asia/Shanghai; overdue from the next day */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    // open | done (every party confirmed in the current round)
    status: text('status').notNull().default('open'),
    /** 1, then +1 on each reopen: confirmations count in the current round only */
    round: integer('round').notNull().default(1),
    doneAt: instant('done_at'),
    reopenReason: text('reopen_reason').notNull().default(''),
    createdByTenantId: uuid('created_by_tenant_id').notNull().references(() => federations.id),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'joint_milestone_item_fk', columns: [t.tenantId, t.itemId], foreignColumns: [jointItems.tenantId, jointItems.id] }).onDelete('cascade'),
    foreignKey({ name: 'joint_milestone_agreement_fk', columns: [t.tenantId, t.agreementId], foreignColumns: [agreements.tenantId, agreements.id] }).onDelete('cascade'),
    index('joint_milestone_item_idx').on(t.tenantId, t.itemId, t.dueDate),
    // overdue and due-soon questions ask only open milestones: per agreement (views) and per owner (the daily job)
    index('joint_milestone_open_agreement_idx').on(t.tenantId, t.agreementId, t.dueDate).where(sql`status = 'open'`),
    index('joint_milestone_open_due_idx').on(t.tenantId, t.dueDate).where(sql`status = 'open'`),
    check('joint_milestone_status_ck', sql`${t.status} in ('open', 'done')`),
    check('joint_milestone_done_ck', sql`(${t.status} = 'done') = (${t.doneAt} is not null)`),
    check('joint_milestone_round_ck', sql`${t.round} >= 1`),
  ],
);

/** One row per party: that side's owner of the milestone. Each side is changed by that side only (policy). */
export const jointMilestoneSides = pgTable(
  'joint_milestone_side',
  {
    tenantId: tenantId().references(() => federations.id),
    milestoneId: uuid('milestone_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    partyTenantId: uuid('party_tenant_id').notNull().references(() => federations.id),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    ownerName: text('owner_name').notNull().default(''),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.milestoneId, t.partyTenantId] }),
    foreignKey({ name: 'joint_milestone_side_milestone_fk', columns: [t.tenantId, t.milestoneId], foreignColumns: [jointMilestones.tenantId, jointMilestones.id] }).onDelete('cascade'),
    foreignKey({ name: 'joint_milestone_side_agreement_fk', columns: [t.tenantId, t.agreementId], foreignColumns: [agreements.tenantId, agreements.id] }).onDelete('cascade'),
    index('joint_milestone_side_owner_idx').on(t.partyTenantId, t.ownerUserId).where(sql`owner_user_id is not null`),
  ],
);

/**
 * A party's confirmation of a milestone in one round. The primary key makes a second confirmation
 * by the same side in the same round impossible; rows are never updated (append-only grants), and
 * a reopen starts a new round instead of deleting them, so the history stays.
 */
export const jointMilestoneConfirmations = pgTable(
  'joint_milestone_confirmation',
  {
    tenantId: tenantId().references(() => federations.id),
    milestoneId: uuid('milestone_id').notNull(),
    round: integer('round').notNull(),
    partyTenantId: uuid('party_tenant_id').notNull().references(() => federations.id),
    agreementId: uuid('agreement_id').notNull(),
    confirmedByUserId: uuid('confirmed_by_user_id').references(() => users.id),
    confirmedByLabel: text('confirmed_by_label').notNull(),
    confirmedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.milestoneId, t.round, t.partyTenantId] }),
    foreignKey({ name: 'joint_milestone_confirmation_milestone_fk', columns: [t.tenantId, t.milestoneId], foreignColumns: [jointMilestones.tenantId, jointMilestones.id] }).onDelete('cascade'),
    foreignKey({ name: 'joint_milestone_confirmation_agreement_fk', columns: [t.tenantId, t.agreementId], foreignColumns: [agreements.tenantId, agreements.id] }).onDelete('cascade'),
  ],
);

/**
 * One overdue alert per milestone, due date and period (0: the first day overdue, 1: a week later, …).
 * The daily job inserts here first and notifies only when the insert made a row, so a second run
 * of the same day, or two runs at once, alert once.
 */
export const jointMilestoneAlerts = pgTable(
  'joint_milestone_alert',
  {
    tenantId: tenantId().references(() => federations.id),
    milestoneId: uuid('milestone_id').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    period: integer('period').notNull(),
    sentAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.milestoneId, t.dueDate, t.period] }),
    foreignKey({ name: 'joint_milestone_alert_milestone_fk', columns: [t.tenantId, t.milestoneId], foreignColumns: [jointMilestones.tenantId, jointMilestones.id] }).onDelete('cascade'),
  ],
);
