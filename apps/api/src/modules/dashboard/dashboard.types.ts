import type { DashboardPanelDto, DashboardScope } from '@uc/contracts';
import type { SQL } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import type { AgreementRow } from '../agreement/index.ts';

// The dashboard is a list of panels, each from a provider a module registers
// (dashboard.panel.ts). A provider answers for the scopes it knows and may return null when it
// has nothing to show (e.g. an agreement without recuperation). Later modules — recuperation
// (places used each way), contests, programmes — add a provider without touching the others.

export interface DashboardScopeCtx {
  scope: DashboardScope;
  /** scope 'agreement': the agreement (the caller is a party); null for 'federation' */
  agreement: AgreementRow | null;
  /** today in Asia/Shanghai */
  today: string;
  /** how many weeks the time series cover */
  weeks: number;
  /**
   * A SQL fragment listing the scope's agreements as rows (tenant_id, agreement_id): for a
   * federation its active agreements as a party, for an agreement that one. Use it as
   * `with scope as (${ctx.scopeSql}) …` and join on both columns.
   */
  scopeSql: SQL;
}

export interface DashboardPanelProvider {
  /** stable id, unique across modules: '<module>.<panel>' */
  key: string;
  module: string;
  /** panels are shown in this order (items 100–199, recuperation 200–299, contests 300–399, …) */
  order: number;
  scopes: readonly DashboardScope[];
  load(ctx: ServiceCtx, scope: DashboardScopeCtx): Promise<DashboardPanelDto | null>;
}
