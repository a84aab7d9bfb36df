import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { agreements } from './agreements.ts';
import { createdAt, id, tenantId, updatedAt } from './columns.ts';
import { federations } from './global.ts';
import { jointItems } from './jointItems.ts';

// Mechanisms (机制保障, seed 003): liaison pairs and joint meetings. Owned by the agreement's
// owner (tenant_id) and visible to its parties, like every table under an agreement.

/** A liaison pair (联络员 / 对口部门) at one level; its contacts are in liaison_contact, one per party. */
export const liaisonPairs = pgTable(
  'liaison_pair',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    agreementId: uuid('agreement_id').notNull(),
    // vice_chair (常务副主席) | department (对口部门) | industry (产业工会) | district (区县(市)总工会)
    level: text('level').notNull(),
    createdByTenantId: uuid('created_by_tenant_id').notNull().references(() => federations.id),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'liaison_pair_agreement_fk', columns: [t.tenantId, t.agreementId], foreignColumns: [agreements.tenantId, agreements.id] }).onDelete('cascade'),
    index('liaison_pair_agreement_idx').on(t.tenantId, t.agreementId),
    check('liaison_pair_level_ck', sql`${t.level} in ('vice_chair', 'department', 'industry', 'district')`),
  ],
);

/** One side of a liaison pair: the party's unit and contact person. Only that party edits it. */
export const liaisonContacts = pgTable(
  'liaison_contact',
  {
    tenantId: tenantId().references(() => federations.id),
    pairId: uuid('pair_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    partyTenantId: uuid('party_tenant_id').notNull().references(() => federations.id),
    unitName: text('unit_name').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    title: text('title').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.pairId, t.partyTenantId] }),
    foreignKey({ name: 'liaison_contact_pair_fk', columns: [t.tenantId, t.pairId], foreignColumns: [liaisonPairs.tenantId, liaisonPairs.id] }).onDelete('cascade'),
    foreignKey({ name: 'liaison_contact_agreement_fk', columns: [t.tenantId, t.agreementId], foreignColumns: [agreements.tenantId, agreements.id] }).onDelete('cascade'),
  ],
);

export interface MeetingAttendee {
  name: string;
  federationSlug: string;
  title: string;
}

/** A joint meeting (联席会议): at least yearly, hosted by the parties in turn. */
export const jointMeetings = pgTable(
  'joint_meeting',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    agreementId: uuid('agreement_id').notNull(),
    meetingDate: date('meeting_date', { mode: 'string' }).notNull(),
    hostTenantId: uuid('host_tenant_id').notNull().references(() => federations.id),
    title: text('title').notNull(),
    location: text('location').notNull().default(''),
    /** the items to discuss (议程), plain text, set when scheduling */
    agenda: text('agenda').notNull().default(''),
    attendees: jsonb('attendees').$type<MeetingAttendee[]>().notNull().default(sql`'[]'::jsonb`),
    minutes: text('minutes').notNull().default(''),
    // planned | held
    status: text('status').notNull().default('planned'),
    createdByTenantId: uuid('created_by_tenant_id').notNull().references(() => federations.id),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'joint_meeting_agreement_fk', columns: [t.tenantId, t.agreementId], foreignColumns: [agreements.tenantId, agreements.id] }).onDelete('cascade'),
    index('joint_meeting_agreement_idx').on(t.tenantId, t.agreementId, t.meetingDate),
    check('joint_meeting_status_ck', sql`${t.status} in ('planned', 'held')`),
  ],
);

/** A decision of a joint meeting (会议议定事项); it may become a joint item (joint_item_id). */
export const meetingDecisions = pgTable(
  'meeting_decision',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    meetingId: uuid('meeting_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    text: text('text').notNull(),
    jointItemId: uuid('joint_item_id'),
    createdByTenantId: uuid('created_by_tenant_id').notNull().references(() => federations.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'meeting_decision_meeting_fk', columns: [t.tenantId, t.meetingId], foreignColumns: [jointMeetings.tenantId, jointMeetings.id] }).onDelete('cascade'),
    foreignKey({ name: 'meeting_decision_agreement_fk', columns: [t.tenantId, t.agreementId], foreignColumns: [agreements.tenantId, agreements.id] }).onDelete('cascade'),
    // no action (not set null): a composite key cannot null tenant_id; issue 4 decides what deleting an item does
    foreignKey({ name: 'meeting_decision_item_fk', columns: [t.tenantId, t.jointItemId], foreignColumns: [jointItems.tenantId, jointItems.id] }),
    index('meeting_decision_meeting_idx').on(t.tenantId, t.meetingId),
  ],
);
