import type { ServiceCtx } from '../../service.ts';
import { figure, UNITS, type CooperationProvider, type CooperationScope } from '../cooperation/index.ts';
import { programmeFigures } from './attendance.query.ts';

// 思想共同引领 in the cooperation overview and report: sessions held, attendances and people, per
// city and the top topics — programmeFigures, the figures of the programmes' dashboard panel.

export const programmeCooperation: CooperationProvider = {
  commons: 'programme',
  order: 300,
  async load(ctx: ServiceCtx, s: CooperationScope) {
    const f = await programmeFigures(ctx, s.agreement.id, s.year);
    if (!f.attendances) return null;
    return {
      commons: 'programme' as const,
      title: { zh: '思想共同引领', en: 'Joint programmes' },
      figures: [
        figure('sessions', '活动场次', 'Sessions held', f.sessionsHeld, UNITS.session),
        figure('attendances', '参与人次', 'Attendances', f.attendances, UNITS.times),
        figure('people', '参与人数', 'People', f.people, UNITS.person),
        ...f.perCity.map((c, i) => figure(`city${i}`, `${c.federation}职工参与`, `${c.federation}: attendances`, c.attendances, UNITS.times)),
      ],
      directions: [],
      highlights: f.topTopics.slice(0, 3).map((t) => `“${t.topic}”主题活动参与${t.attendances}人次`),
      attention: [],
    };
  },
};
