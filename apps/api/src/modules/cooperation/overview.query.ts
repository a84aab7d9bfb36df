import type { CooperationInput, CooperationOverviewDto } from '@uc/contracts';
import { chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { findParties, findVisibleAgreement } from '../agreement/index.ts';
import { cooperationProviders } from './cooperation.provider.ts';
import type { CooperationScope } from './cooperation.types.ts';

/** The scope of an agreement the caller's federation is a party to (NOT_FOUND otherwise). */
export async function cooperationScope(ctx: ServiceCtx, input: CooperationInput): Promise<CooperationScope> {
  const agreement = await findVisibleAgreement(ctx, input.agreementId);
  const parties = await findParties(ctx, agreement);
  return { agreement, parties, year: input.year, today: chinaDate(ctx.now) };
}

/** The agreement overview: term and status, then every registered commons' section for the year. */
export async function cooperationOverview(ctx: ServiceCtx, input: CooperationInput): Promise<CooperationOverviewDto> {
  return overviewOf(ctx, await cooperationScope(ctx, input));
}

export async function overviewOf(ctx: ServiceCtx, scope: CooperationScope): Promise<CooperationOverviewDto> {
  const sections = [];
  for (const p of cooperationProviders()) {
    const section = await p.load(ctx, scope);
    if (section) sections.push(section);
  }
  const a = scope.agreement;
  return {
    agreement: {
      id: a.id,
      number: a.number,
      title: a.title,
      status: a.status,
      termStart: a.termStart ?? null,
      termEnd: a.termEnd ?? null,
      parties: scope.parties.map((p) => ({ slug: p.slug, nameZh: p.nameZh, nameEn: p.nameEn })),
    },
    year: scope.year,
    sections,
  };
}
