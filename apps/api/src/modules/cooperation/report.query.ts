import type { CooperationInput, ReportDto } from '@uc/contracts';
import { agreements, cooperationReportConfirmations, cooperationReports } from '@uc/db';
import { and, desc, eq, notExists } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { hasRole, type ServiceCtx } from '../../service.ts';
import { cooperationScope, overviewOf } from './overview.query.ts';
import { findConfirmations, findReport } from './report.repo.ts';
import { prefill, reportHash, type ReportContent } from './report.rules.ts';
import type { CooperationScope } from './cooperation.types.ts';

/** The report as the caller's party sees it; before anyone generated it, an unsaved draft computed now. */
export async function getReport(ctx: ServiceCtx, input: CooperationInput): Promise<ReportDto> {
  return getReportOf(ctx, await cooperationScope(ctx, input));
}

export async function getReportOf(ctx: ServiceCtx, s: CooperationScope): Promise<ReportDto> {
  const me = s.parties.find((p) => p.tenantId === ctx.tenantId)!;
  const slugOf = (tenantId: string) => s.parties.find((p) => p.tenantId === tenantId)?.slug ?? '';
  const editor = hasRole(ctx.actor, 'admin', 'signatory', 'lead', 'officer');
  const signer = hasRole(ctx.actor, 'admin', 'signatory');
  const row = await findReport(ctx, s.agreement, s.year);
  if (!row) {
    const overview = await overviewOf(ctx, s);
    const content: ReportContent = { overview, ...prefill(overview), commentary: [] };
    return { id: null, agreementId: s.agreement.id, year: s.year, status: 'draft', content, contentHash: reportHash(content), confirmations: [], frozenAt: null, permissions: { mySlug: me.slug, canEdit: editor, canConfirm: false } };
  }
  const confirmations = await findConfirmations(ctx, row);
  const draft = row.status === 'draft';
  return {
    id: row.id,
    agreementId: row.agreementId,
    year: row.year,
    status: row.status as ReportDto['status'],
    content: row.content as ReportContent,
    contentHash: row.contentHash,
    confirmations: confirmations.map((c) => ({ party: slugOf(c.partyTenantId), userLabel: c.userLabel, at: c.createdAt.toISOString(), contentHash: c.contentHash })),
    frozenAt: row.frozenAt?.toISOString() ?? null,
    permissions: { mySlug: me.slug, canEdit: draft && editor, canConfirm: draft && signer && !confirmations.some((c) => c.partyTenantId === ctx.tenantId) },
  };
}

/** Recomputes the stored content's hash: a stored figure edited behind the service no longer matches. */
export async function verifyReport(ctx: ServiceCtx, input: CooperationInput) {
  const s = await cooperationScope(ctx, input);
  const row = await findReport(ctx, s.agreement, s.year);
  if (!row) throw new AppError('NOT_FOUND');
  const computedHash = reportHash(row.content as ReportContent);
  return { matches: computedHash === row.contentHash, storedHash: row.contentHash, computedHash };
}

/** Drafts of the agreements the caller's federation is party to that it has not confirmed yet (the staff to-do list). */
export async function reportsAwaitingMyConfirmation(ctx: ServiceCtx, limit = 50) {
  const rows = await ctx.db
    .select({ id: cooperationReports.id, agreementId: cooperationReports.agreementId, year: cooperationReports.year, title: agreements.title, updatedAt: cooperationReports.updatedAt })
    .from(cooperationReports)
    .innerJoin(agreements, and(eq(agreements.tenantId, cooperationReports.tenantId), eq(agreements.id, cooperationReports.agreementId)))
    .where(
      and(
        eq(cooperationReports.status, 'draft'),
        notExists(
          ctx.db
            .select({ id: cooperationReportConfirmations.id })
            .from(cooperationReportConfirmations)
            .where(and(eq(cooperationReportConfirmations.tenantId, cooperationReports.tenantId), eq(cooperationReportConfirmations.reportId, cooperationReports.id), eq(cooperationReportConfirmations.partyTenantId, ctx.tenantId))),
        ),
      ),
    )
    .orderBy(desc(cooperationReports.updatedAt), cooperationReports.id)
    .limit(limit);
  return rows;
}
