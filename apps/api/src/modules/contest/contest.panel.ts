import type { DashboardPanelDto } from '@uc/contracts';
import type { ServiceCtx } from '../../service.ts';
import type { DashboardPanelProvider } from '../dashboard/index.ts';
import { enteringParties } from './contest.access.ts';
import { findCertificatesOfEvent, findEntrants, findEventsOfContests, findFederations, findVisibleContests } from './contest.repo.ts';

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
    const contests = (await findVisibleContests(ctx)).filter((c) => c.year === year && (!scope.agreement || c.agreementId === scope.agreement.id));
    if (!contests.length) return null;
    const events = await findEventsOfContests(ctx, contests.map((c) => c.id));
    const cities = [...new Set(contests.flatMap(enteringParties))];
    const counts = new Map(cities.map((c) => [c, [0, 0, 0]]));
    for (const e of events) {
      for (const en of await findEntrants(ctx, e.id)) counts.get(en.homeTenantId)![0]!++;
      for (const cert of await findCertificatesOfEvent(ctx, e.id)) {
        const row = counts.get(cert.homeTenantId)!;
        row[1]!++;
        if (cert.title) row[2]!++;
      }
    }
    const feds = await findFederations(ctx, cities);
    return {
      key: this.key,
      module: this.module,
      title: { zh: `技能竞赛参赛与获奖（${year}年）`, en: `Skills contests: entrants and awards (${year})` },
      view: {
        type: 'matrix',
        rows: cities.map((c) => ({ key: feds.get(c)?.slug ?? c, label: { zh: feds.get(c)?.nameZh ?? '', en: feds.get(c)?.nameEn ?? '' } })),
        columns: COLUMNS,
        values: cities.map((c) => counts.get(c)!),
      },
    };
  },
};
