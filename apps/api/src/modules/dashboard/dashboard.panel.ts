import type { DashboardPanelProvider } from './dashboard.types.ts';

// Every dashboard panel provider. A module registers its own panels from its register()
// (modules/index.ts calls each module's once at start); the dashboard imports none of them.
const providers: DashboardPanelProvider[] = [];

export function registerDashboardPanel(p: DashboardPanelProvider): void {
  if (providers.some((x) => x.key === p.key)) throw new Error(`dashboard panel ${p.key} is registered twice`);
  providers.push(p);
}

/** The registered providers, in panel order (then by key, so the order never depends on registration). */
export function dashboardProviders(): readonly DashboardPanelProvider[] {
  return [...providers].sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}
