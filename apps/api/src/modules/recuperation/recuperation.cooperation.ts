import type { ServiceCtx } from '../../service.ts';
import { direction, figure, UNITS, type CooperationProvider, type CooperationScope } from '../cooperation/index.ts';
import { placesPanel } from './quota.query.ts';

// 疗休养 in the cooperation overview and report: places each host granted the other party this year
// and how many were used — the agreement's places panel (placesPanel), the figures its page shows.

export const recuperationCooperation: CooperationProvider = {
  commons: 'recuperation',
  order: 200,
  async load(ctx: ServiceCtx, s: CooperationScope) {
    const { flows } = await placesPanel(ctx, s.agreement.id, s.year);
    if (!flows.length) return null;
    const party = (slug: string) => s.parties.find((p) => p.slug === slug)!;
    const sum = (f: (x: (typeof flows)[number]) => number) => flows.reduce((n, x) => n + f(x), 0);
    return {
      commons: 'recuperation' as const,
      title: { zh: '疗休养互享', en: 'Recuperation' },
      figures: [
        figure('granted', '互享名额', 'Places granted', sum((x) => x.granted), UNITS.place),
        figure('used', '已使用', 'Places used', sum((x) => x.used), UNITS.place),
        figure('released', '已退回', 'Places released', sum((x) => x.released), UNITS.place),
      ],
      directions: flows.map((x) => direction('places', party(x.hostSlug), party(x.receiverSlug), { zh: '疗休养名额', en: 'recuperation places' }, x.granted, x.used)),
      highlights: flows.filter((x) => x.used > 0).map((x) => `${x.receiverNameZh}职工赴${x.hostNameZh}疗休养${x.used}人`),
      attention: [],
    };
  },
};
