import type { DashboardPanelProvider } from './dashboard.types.ts';
import { itemPanels } from './items.panels.ts';
import { recuperationPlacesPanel } from '../../recuperation/quota.panel.ts';

// Every dashboard panel provider. A module adds its panels with one line here (or by calling
// registerDashboardPanel from a module loaded at start); nothing else changes.
const providers: DashboardPanelProvider[] = [...itemPanels, recuperationPlacesPanel];

export function registerDashboardPanel(p: DashboardPanelProvider): void {
  if (providers.some((x) => x.key === p.key)) throw new Error(`dashboard panel ${p.key} is registered twice`);
  providers.push(p);
}

export function dashboardProviders(): readonly DashboardPanelProvider[] {
  return [...providers].sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}

export type { DashboardPanelProvider, DashboardScopeCtx } from './dashboard.types.ts';
