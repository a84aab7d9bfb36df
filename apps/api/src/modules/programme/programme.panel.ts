import type { DashboardPanelDto } from '@uc/contracts';
import type { ServiceCtx } from '../../service.ts';
import type { DashboardPanelProvider } from '../dashboard/index.ts';
import { programmeFigures } from './attendance.query.ts';

// The dashboard panel of joint programmes: sessions held, attendances and people, attendances
// per city, and the top topics — from check-ins, for the federation or one agreement.

export const programmeAttendancePanel: DashboardPanelProvider = {
  key: 'programme.attendance',
  module: 'programme',
  order: 400,
  scopes: ['federation', 'agreement'],
  async load(ctx: ServiceCtx, scope): Promise<DashboardPanelDto | null> {
    const f = await programmeFigures(ctx, scope.agreement?.id ?? null);
    if (!f.attendances) return null;
    return {
      key: this.key,
      module: this.module,
      title: { zh: '思想共同引领：活动参与情况', en: 'Joint programmes: attendance' },
      view: {
        type: 'stats',
        stats: [
          { key: 'sessions', label: { zh: '场次', en: 'Sessions held' }, value: f.sessionsHeld, unit: { zh: '场', en: '' } },
          { key: 'attendances', label: { zh: '人次', en: 'Attendances' }, value: f.attendances, unit: { zh: '人次', en: '' } },
          { key: 'people', label: { zh: '人数', en: 'People' }, value: f.people, unit: { zh: '人', en: '' } },
          ...f.perCity.map((c, i) => ({ key: `city${i}`, label: { zh: `${c.federation}人次`, en: `${c.federation}: attendances` }, value: c.attendances, unit: null })),
          ...f.topTopics.slice(0, 3).map((t, i) => ({ key: `topic${i}`, label: { zh: `热门主题：${t.topic}`, en: `Top topic: ${t.topic}` }, value: t.attendances, unit: { zh: '人次', en: '' } })),
        ],
      },
    };
  },
};
