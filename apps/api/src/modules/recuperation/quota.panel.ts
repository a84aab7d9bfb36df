import type { DashboardPanelDto } from '@uc/contracts';
import type { ServiceCtx } from '../../service.ts';
import type { DashboardPanelProvider } from '../dashboard/index.ts';
import { listQuotas, placesPanel } from './quota.query.ts';
import { yearOf } from './recuperation.rules.ts';

// The joint-items dashboard panel "recuperation places used each way": for an agreement its
// flows; for a federation every flow it grants or receives this year. Rows are flows
// (host → receiver), columns granted / used / released.

const COLUMNS = [
  { key: 'granted', label: { zh: '名额', en: 'Granted' } },
  { key: 'used', label: { zh: '已使用', en: 'Used' } },
  { key: 'released', label: { zh: '已退回', en: 'Released' } },
];

export const recuperationPlacesPanel: DashboardPanelProvider = {
  key: 'recuperation.places',
  module: 'recuperation',
  order: 200,
  scopes: ['federation', 'agreement'],
  async load(ctx: ServiceCtx, scope): Promise<DashboardPanelDto | null> {
    const year = yearOf(scope.today);
    const flows = scope.agreement
      ? (await placesPanel(ctx, scope.agreement.id, year)).flows
      : (await listQuotas(ctx, year)).map((q) => ({ hostSlug: q.host.slug, hostNameZh: q.host.nameZh, receiverSlug: q.receiver.slug, receiverNameZh: q.receiver.nameZh, granted: q.granted, used: q.used, released: q.released }));
    if (!flows.length) return null;
    return {
      key: this.key,
      module: this.module,
      title: { zh: `疗休养名额互用情况（${year}年）`, en: `Recuperation places used each way (${year})` },
      view: {
        type: 'matrix',
        rows: flows.map((f) => ({ key: `${f.hostSlug}>${f.receiverSlug}`, label: { zh: `${f.hostNameZh} → ${f.receiverNameZh}`, en: `${f.hostSlug} → ${f.receiverSlug}` } })),
        columns: COLUMNS,
        values: flows.map((f) => [f.granted, f.used, f.released]),
      },
    };
  },
};
