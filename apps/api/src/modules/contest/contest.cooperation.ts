import type { ServiceCtx } from '../../service.ts';
import { attention, figure, UNITS, type CooperationProvider, type CooperationScope } from '../cooperation/index.ts';
import { contestFigures } from './figures.query.ts';

// 技能共同提升 in the cooperation overview and report: the agreement's contests of the year,
// entrants, awards and titles per city, open appeals — contestFigures, as the contests panel.

export const contestCooperation: CooperationProvider = {
  commons: 'contest',
  order: 400,
  async load(ctx: ServiceCtx, s: CooperationScope) {
    const f = await contestFigures(ctx, s.year, s.agreement.id);
    if (!f.contests.length) return null;
    const sum = (k: 'entrants' | 'awards' | 'titles') => f.perCity.reduce((n, c) => n + c[k], 0);
    return {
      commons: 'contest' as const,
      title: { zh: '技能共同提升', en: 'Skills contests' },
      figures: [
        figure('contests', '联合竞赛', 'Contests', f.contests.length, UNITS.item),
        figure('events', '赛项', 'Events', f.events, UNITS.item),
        figure('entrants', '参赛选手', 'Entrants', sum('entrants'), UNITS.person),
        figure('awards', '获奖', 'Awards', sum('awards'), UNITS.person),
        figure('titles', '技术能手', 'Titles', sum('titles'), UNITS.person),
        ...f.perCity.map((c) => figure(`entrants:${c.slug}`, `${c.nameZh}参赛选手`, `${c.nameEn}: entrants`, c.entrants, UNITS.person)),
        ...f.perCity.map((c) => figure(`awards:${c.slug}`, `${c.nameZh}获奖`, `${c.nameEn}: awards`, c.awards, UNITS.person)),
      ],
      directions: [],
      highlights: f.contests.map((c) => `联合举办“${c.title}”`),
      attention: f.openAppeals.map((a) => attention(`appeal:${a.id}`, a.trade, `“${a.trade}”赛项有申诉待处理`, `An appeal in “${a.trade}” awaits a decision`, `/t/{slug}/contests/${a.contestId}`)),
    };
  },
};
