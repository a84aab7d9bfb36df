import type { MemberRowDto } from '@uc/contracts';
import { memberHonours } from '@uc/db';
import { and, desc, eq } from 'drizzle-orm';
import type { MemberSection } from '../home/index.ts';

// 我的: the member's honours and where each came from (the recorded source).
export const honoursSection: MemberSection = {
  key: 'honours',
  order: 500,
  async load(ctx, limit) {
    const found = await ctx.db
      .select()
      .from(memberHonours)
      .where(and(eq(memberHonours.tenantId, ctx.tenantId), eq(memberHonours.memberId, ctx.memberId)))
      .orderBy(desc(memberHonours.validFrom));
    const rows: MemberRowDto[] = found.slice(0, limit).map((h) => ({
      id: h.id,
      kind: 'honour',
      title: h.source,
      params: { honour: h.kind, until: h.validUntil ?? '' },
      status: null,
      date: h.validFrom,
      link: null,
      qr: null,
      verify: null,
    }));
    return { rows, total: found.length };
  },
};
