import type { CooperationProvider } from './cooperation.types.ts';

// Every cooperation provider (one per commons). A module registers its own from its register()
// (modules/index.ts calls each module's once at start), as dashboard panels are registered.
const providers: CooperationProvider[] = [];

export function registerCooperationProvider(p: CooperationProvider): void {
  if (providers.some((x) => x.commons === p.commons)) throw new Error(`cooperation provider ${p.commons} is registered twice`);
  providers.push(p);
}

/** The registered providers in section order. */
export function cooperationProviders(): readonly CooperationProvider[] {
  return [...providers].sort((a, b) => a.order - b.order || a.commons.localeCompare(b.commons));
}
