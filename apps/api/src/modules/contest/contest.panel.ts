import type { DashboardPanelDto } from '@uc/contracts';
import type { ServiceCtx } from '../../service.ts';
import type { DashboardPanelProvider } from '../dashboard/index.ts';
import { contestFigures } from './figures.query.ts';

// The dashboard panel "skills contests": entrants, awards and titles per city this year, over
// the contests the federation is named in (for an agreement: its contests).

const COLUMNS = [
  { key: 'entrants', label: { zh: '参赛选手', en: 'Entrants' } },
  { key: 'awards', label: { zh: '获奖', en: 'Awards' } },
  { key: 'titles', label: { zh: '技术能手', en: 'Titles' } },
];

export const contestPanel: DashboardPanelProvider = {
  key: 'contest.entrants',
  module: 'contest',
  order: 300,
  scopes: ['federation', 'agreement'],
  async load(ctx: ServiceCtx, scope): Promise<DashboardPanelDto | null> {
    const year = Number(scope.today.slice(0, 4));
    const f = await contestFigures(ctx, year, scope.agreement?.id ?? null);
    if (!f.contests.length) return null;
    return {
      key: this.key,
      module: this.module,
      title: { zh: `技能竞赛参赛与获奖（${year}年）`, en: `Skills contests: entrants and awards (${year})` },
      view: {
        type: 'matrix',
        rows: f.perCity.map((c) => ({ key: c.slug, label: { zh: c.nameZh, en: c.nameEn } })),
        columns: COLUMNS,
        values: f.perCity.map((c) => [c.entrants, c.awards, c.titles]),
      },
    };
  },
};
