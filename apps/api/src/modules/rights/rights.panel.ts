import type { DashboardPanelDto } from '@uc/contracts';
import { hasRole, type ServiceCtx } from '../../service.ts';
import type { DashboardPanelProvider } from '../dashboard/index.ts';
import { board } from './board.query.ts';
import { CASE_ROLES } from './rights.types.ts';

// The dashboard panel "cross-city rights referrals" for the federation scope: open referrals each
// way, clocks near breach, breaches (day clocks and hotline hour clocks alike: deadlines, counted),
// and the amount recovered this year. Shown to caseworkers and
// admins only (others see no panel), and only when the federation has referrals.

export const rightsPanel: DashboardPanelProvider = {
  key: 'rights.board',
  module: 'rights',
  order: 250,
  scopes: ['federation'],
  async load(ctx: ServiceCtx, scope): Promise<DashboardPanelDto | null> {
    if (!hasRole(ctx.actor, ...CASE_ROLES)) return null;
    const b = await board(ctx);
    const year = Number(scope.today.slice(0, 4));
    const openCount = (side: 'referred' | 'received') => b.open.filter((o) => o.side === side).reduce((n, o) => n + o.count, 0);
    if (!b.open.length && !b.outcomes.length) return null;
    const recovered = b.outcomes.filter((o) => o.year === year).reduce((n, o) => n + o.amountRecoveredFen, 0);
    return {
      key: this.key,
      module: this.module,
      title: { zh: '异地维权协作', en: 'Cross-city rights referrals' },
      view: {
        type: 'stats',
        stats: [
          { key: 'referred', label: { zh: '转出在办', en: 'Referred, open' }, value: openCount('referred'), unit: { zh: '件', en: 'cases' } },
          { key: 'received', label: { zh: '转入在办', en: 'Received, open' }, value: openCount('received'), unit: { zh: '件', en: 'cases' } },
          { key: 'near', label: { zh: '时限将届满', en: 'Near a deadline' }, value: b.nearBreach.length + b.hourNearBreach.length, unit: null },
          { key: 'breached', label: { zh: '已超时', en: 'Deadlines missed' }, value: b.breaches.length + b.hourBreaches.length, unit: null },
          { key: 'recovered', label: { zh: `${year}年追回金额`, en: `Recovered in ${year}` }, value: Math.round(recovered / 100), unit: { zh: '元', en: 'yuan' } },
        ],
      },
    };
  },
};
