import type { DashboardDto, DashboardScope } from '@uc/contracts';
import { sql } from 'drizzle-orm';
import { chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { dashboardProviders } from './dashboard.panel.ts';
import type { DashboardScopeCtx } from './dashboard.types.ts';
import { findVisibleAgreement } from '../agreement/index.ts';

/** The scope's agreements as (tenant_id, agreement_id) rows; see DashboardScopeCtx.scopeSql. */
export function federationScopeSql(tenantId: string) {
  return sql`select p.agreement_tenant_id as tenant_id, p.agreement_id
    from agreement_party p join agreement a on a.tenant_id = p.agreement_tenant_id and a.id = p.agreement_id
    where p.tenant_id = ${tenantId} and a.status = 'active'`;
}
/** One agreement, once it has come into force: a draft's planned items are not work under way (未启动). */
export const agreementScopeSql = (a: { tenantId: string; id: string }) => sql`select a.tenant_id, a.id as agreement_id from agreement a
    where a.tenant_id = ${a.tenantId}::uuid and a.id = ${a.id}::uuid and a.status in ('active', 'expired', 'terminated')`;

/** Every registered panel for the scope, in order; a provider with nothing to show is left out. */
export async function dashboardPanels(ctx: ServiceCtx, input: { scope: DashboardScope; agreementId?: string | undefined; weeks: number; modules?: string[] | undefined }): Promise<DashboardDto> {
  const agreement = input.scope === 'agreement' ? await findVisibleAgreement(ctx, input.agreementId!) : null;
  const scope: DashboardScopeCtx = {
    scope: input.scope,
    agreement,
    today: chinaDate(ctx.now),
    weeks: input.weeks,
    scopeSql: agreement ? agreementScopeSql(agreement) : federationScopeSql(ctx.tenantId),
  };
  const panels = [];
  for (const p of dashboardProviders()) {
    if (!p.scopes.includes(input.scope) || (input.modules && !input.modules.includes(p.module))) continue;
    const panel = await p.load(ctx, scope);
    if (panel) panels.push(panel);
  }
  return { scope: input.scope, agreementId: agreement?.id ?? null, today: scope.today, panels };
}
