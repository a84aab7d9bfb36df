// The dashboard: a list of panels each module registers (registerDashboardPanel from its register()).
export { registerDashboardPanel } from './dashboard.panel.ts';
export { dashboardPanels } from './dashboard.query.ts';
export { dashboardRouter } from './dashboard.router.ts';
export type { DashboardPanelProvider, DashboardScopeCtx } from './dashboard.types.ts';
export { register } from './dashboard.download.ts';
