import { cooperationReportConfirmations, cooperationReports } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import type { AgreementRow } from '../agreement/index.ts';

export type ReportRow = typeof cooperationReports.$inferSelect;

/** The agreement's report for the year (row security shows it to the parties only). */
export async function findReport(ctx: ServiceCtx, a: AgreementRow, year: number, opts: { forUpdate?: boolean } = {}): Promise<ReportRow | undefined> {
  const q = ctx.db
    .select()
    .from(cooperationReports)
    .where(and(eq(cooperationReports.tenantId, a.tenantId), eq(cooperationReports.agreementId, a.id), eq(cooperationReports.year, year)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findConfirmations(ctx: ServiceCtx, r: ReportRow) {
  return ctx.db
    .select()
    .from(cooperationReportConfirmations)
    .where(and(eq(cooperationReportConfirmations.tenantId, r.tenantId), eq(cooperationReportConfirmations.reportId, r.id)));
}

/** A draft that changed is confirmed by no one: the confirmations of the old content go. */
export async function clearConfirmations(ctx: ServiceCtx, r: ReportRow) {
  await ctx.db.delete(cooperationReportConfirmations).where(and(eq(cooperationReportConfirmations.tenantId, r.tenantId), eq(cooperationReportConfirmations.reportId, r.id)));
}
