import type { MemberRowDto } from '@uc/contracts';
import type { MemberSection } from '../home/index.ts';
import { myCases } from './case.query.ts';

// 我的: the member's own rights cases — the status and partner only (never the case file).
export const rightsSection: MemberSection = {
  key: 'rights',
  order: 400,
  async load(ctx, limit) {
    const all = await myCases(ctx);
    const rows: MemberRowDto[] = all.slice(0, limit).map((c) => ({
      id: c.id,
      kind: 'rightsCase',
      title: c.employerName,
      params: { dispute: c.disputeKind, partner: c.partner?.nameZh ?? '', partnerEn: c.partner?.nameEn ?? '' },
      status: c.status ?? 'received',
      date: c.updatedAt,
      link: { to: '/t/$tenant/rights/mine', params: {} },
      qr: null,
      verify: null,
    }));
    return { rows, total: all.length };
  },
};
