import type { Commons, FigureDto } from '@uc/contracts';
import { agreementParties } from '@uc/db';
import { eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { findVisibleAgreement } from '../agreement/index.ts';
import { cooperationScope, overviewOf } from './overview.query.ts';

// The federation-level report: every figure of every active agreement the federation is party to,
// summed by commons and figure key for the year. Derived on each read, never stored.

export async function federationReport(ctx: ServiceCtx, input: { year: number }) {
  const mine = await ctx.db.select({ agreementId: agreementParties.agreementId }).from(agreementParties).where(eq(agreementParties.tenantId, ctx.tenantId));
  const list = [];
  const sections = new Map<string, { commons: Commons; title: { zh: string; en: string }; figures: Map<string, FigureDto> }>();
  for (const { agreementId } of mine) {
    const a = await findVisibleAgreement(ctx, agreementId);
    if (a.status !== 'active') continue;
    list.push({ id: a.id, number: a.number, title: a.title });
    const o = await overviewOf(ctx, await cooperationScope(ctx, { agreementId, year: input.year }));
    for (const s of o.sections) {
      const sec = sections.get(s.commons) ?? { commons: s.commons, title: s.title, figures: new Map() };
      for (const f of s.figures) {
        const prev = sec.figures.get(f.key);
        sec.figures.set(f.key, prev ? { ...prev, value: prev.value + f.value } : f);
      }
      sections.set(s.commons, sec);
    }
  }
  return {
    year: input.year,
    agreements: list,
    sections: [...sections.values()].map((s) => ({ commons: s.commons, title: s.title, figures: [...s.figures.values()] })),
  };
}
