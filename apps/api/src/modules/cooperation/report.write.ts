import type { CooperationInput } from '@uc/contracts';
import { cooperationReportConfirmations, cooperationReports } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { auditToParties } from '../agreement/index.ts';
import { cooperationScope, overviewOf } from './overview.query.ts';
import { getReportOf } from './report.query.ts';
import { clearConfirmations, findConfirmations, findReport, type ReportRow } from './report.repo.ts';
import { prefill, reportHash, withCommentary, type ReportContent } from './report.rules.ts';
import type { CooperationScope } from './cooperation.types.ts';

// The report's lifecycle: a draft regenerated from the providers (texts and commentary kept) →
// each party adds its commentary → each party confirms the hash it reviewed → frozen when all
// have. The report row is locked for every change, so a confirmation never sees a half-changed
// draft, and any change clears the confirmations of the content it replaced.

async function lockDraft(ctx: ServiceCtx, s: CooperationScope): Promise<{ row: ReportRow; created: boolean }> {
  let row = await findReport(ctx, s.agreement, s.year, { forUpdate: true });
  let created = false;
  if (!row) {
    const overview = await overviewOf(ctx, s);
    const content: ReportContent = { overview, ...prefill(overview), commentary: [] };
    const inserted = await ctx.db
      .insert(cooperationReports)
      .values({ tenantId: s.agreement.tenantId, agreementId: s.agreement.id, year: s.year, content, contentHash: reportHash(content), createdAt: ctx.now, updatedAt: ctx.now })
      .onConflictDoNothing()
      .returning();
    created = inserted.length > 0;
    row = await findReport(ctx, s.agreement, s.year, { forUpdate: true });
  }
  if (!row) throw new AppError('CONFLICT');
  if (row.status === 'frozen') throw new AppError('REPORT_FROZEN');
  return { row, created };
}

async function saveContent(ctx: ServiceCtx, row: ReportRow, content: ReportContent): Promise<string> {
  const contentHash = reportHash(content);
  await ctx.db
    .update(cooperationReports)
    .set({ content, contentHash, rowVersion: row.rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(cooperationReports.tenantId, row.tenantId), eq(cooperationReports.id, row.id)));
  if (contentHash !== row.contentHash) await clearConfirmations(ctx, row);
  return contentHash;
}

const mySlug = (ctx: ServiceCtx, s: CooperationScope) => s.parties.find((p) => p.tenantId === ctx.tenantId)!.slug;

/** Creates the draft or regenerates its figures from the providers (staff texts and commentary kept). */
export async function generateReport(ctx: ServiceCtx, input: CooperationInput) {
  const s = await cooperationScope(ctx, input);
  const { row } = await lockDraft(ctx, s);
  const previous = row.content as ReportContent;
  const content: ReportContent = { ...previous, overview: await overviewOf(ctx, s) };
  const contentHash = await saveContent(ctx, row, content);
  await auditToParties(ctx, s.parties, { type: 'cooperation.report_generated', entityType: 'cooperation_report', entityId: row.id, data: { agreementId: s.agreement.id, year: s.year, contentHash } });
  return getReportOf(ctx, s);
}

/** 存在问题 and 下一步打算, written by staff of either party. */
export async function saveReportTexts(ctx: ServiceCtx, input: CooperationInput & { problems: string; plans: string }) {
  const s = await cooperationScope(ctx, input);
  const { row } = await lockDraft(ctx, s);
  const contentHash = await saveContent(ctx, row, { ...(row.content as ReportContent), problems: input.problems, plans: input.plans });
  await auditToParties(ctx, s.parties, { type: 'cooperation.report_commented', entityType: 'cooperation_report', entityId: row.id, data: { party: mySlug(ctx, s), part: 'texts', contentHash } });
  return getReportOf(ctx, s);
}

/** The caller's federation's own commentary (one per party; a second replaces the first). */
export async function commentReport(ctx: ServiceCtx, input: CooperationInput & { commentary: string }) {
  const s = await cooperationScope(ctx, input);
  const { row } = await lockDraft(ctx, s);
  const party = mySlug(ctx, s);
  const contentHash = await saveContent(ctx, row, withCommentary(row.content as ReportContent, party, input.commentary));
  await auditToParties(ctx, s.parties, { type: 'cooperation.report_commented', entityType: 'cooperation_report', entityId: row.id, data: { party, part: 'commentary', contentHash } });
  return getReportOf(ctx, s);
}

/**
 * The caller's federation confirms the content it reviewed (its hash). Refused when the draft has
 * changed since (REPORT_CHANGED), when this party already confirmed (ALREADY_CONFIRMED) or when the
 * report is frozen; the confirmation that completes the set freezes the report.
 */
export async function confirmReport(ctx: ServiceCtx, input: CooperationInput & { contentHash: string }) {
  const s = await cooperationScope(ctx, input);
  const row = await findReport(ctx, s.agreement, s.year, { forUpdate: true });
  if (!row) throw new AppError('REPORT_CHANGED');
  // a party that confirmed hears that first, whether or not its confirmation completed the set
  const confirmed = await findConfirmations(ctx, row);
  if (confirmed.some((c) => c.partyTenantId === ctx.tenantId)) throw new AppError('ALREADY_CONFIRMED');
  if (row.status === 'frozen') throw new AppError('REPORT_FROZEN');
  if (row.contentHash !== input.contentHash) throw new AppError('REPORT_CHANGED');
  await ctx.db.insert(cooperationReportConfirmations).values({
    tenantId: row.tenantId,
    reportId: row.id,
    agreementId: row.agreementId,
    partyTenantId: ctx.tenantId,
    contentHash: row.contentHash,
    userId: ctx.actor.userId!,
    userLabel: ctx.actor.label,
    createdAt: ctx.now,
  });
  const party = mySlug(ctx, s);
  await auditToParties(ctx, s.parties, { type: 'cooperation.report_confirmed', entityType: 'cooperation_report', entityId: row.id, data: { party, contentHash: row.contentHash } });
  const all = s.parties.every((p) => p.tenantId === ctx.tenantId || confirmed.some((c) => c.partyTenantId === p.tenantId && c.contentHash === row.contentHash));
  if (all) {
    await ctx.db
      .update(cooperationReports)
      .set({ status: 'frozen', frozenAt: ctx.now, rowVersion: row.rowVersion + 1, updatedAt: ctx.now })
      .where(and(eq(cooperationReports.tenantId, row.tenantId), eq(cooperationReports.id, row.id)));
    await auditToParties(ctx, s.parties, { type: 'cooperation.report_frozen', entityType: 'cooperation_report', entityId: row.id, data: { year: s.year, contentHash: row.contentHash } });
  }
  return getReportOf(ctx, s);
}
