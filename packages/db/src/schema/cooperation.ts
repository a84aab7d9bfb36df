import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { agreements } from './agreements.ts';
import { createdAt, id, instant, tenantId, updatedAt } from './columns.ts';
import { federations, users } from './global.ts';

// The annual cooperation report (年度合作报告, issue 15): one per agreement and year, owned by the
// agreement's owner (tenant_id) and shared with its parties like every row under an agreement.
// content is the snapshot (figures from the providers, staff texts, each party's commentary) and
// content_hash its canonical hash; a party's confirmation binds that hash; when every party has
// confirmed the same hash the report is frozen.

export const cooperationReports = pgTable(
  'cooperation_report',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    agreementId: uuid('agreement_id').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull().default('draft'),
    content: jsonb('content').notNull(),
    contentHash: text('content_hash').notNull(),
    frozenAt: instant('frozen_at'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'cooperation_report_agreement_fk', columns: [t.tenantId, t.agreementId], foreignColumns: [agreements.tenantId, agreements.id] }).onDelete('cascade'),
    unique('cooperation_report_year_uq').on(t.tenantId, t.agreementId, t.year),
    check('cooperation_report_status_ck', sql`${t.status} in ('draft', 'frozen')`),
    check('cooperation_report_year_ck', sql`${t.year} between 2000 and 2100`),
  ],
);

/** A party's confirmation of the report's content as it then was (its hash); one per party. */
export const cooperationReportConfirmations = pgTable(
  'cooperation_report_confirmation',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    reportId: uuid('report_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    partyTenantId: uuid('party_tenant_id').notNull().references(() => federations.id),
    contentHash: text('content_hash').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id),
    userLabel: text('user_label').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'cooperation_report_confirmation_report_fk', columns: [t.tenantId, t.reportId], foreignColumns: [cooperationReports.tenantId, cooperationReports.id] }).onDelete('cascade'),
    foreignKey({ name: 'cooperation_report_confirmation_agreement_fk', columns: [t.tenantId, t.agreementId], foreignColumns: [agreements.tenantId, agreements.id] }).onDelete('cascade'),
    unique('cooperation_report_confirmation_party_uq').on(t.tenantId, t.reportId, t.partyTenantId),
    index('cooperation_report_confirmation_agreement_idx').on(t.tenantId, t.agreementId),
  ],
);
