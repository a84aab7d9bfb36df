import { agreementParties, agreements, agreementVersions, federations } from '@uc/db';
import type { z } from 'zod';
import type { agreementCreateInput } from '@uc/contracts';
import { inArray } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { addDays, addYears, chinaDate } from '../../lib/dates.ts';
import { hasRole, type ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { blankTemplate, twinCityTemplate } from './template.rules.ts';
import { nextAgreementSeq } from './number.repo.ts';
import { agreementNumber, federationShortName } from './number.rules.ts';

/** Drafts an agreement with the chosen parties, from the five-commons template or blank. */
export async function createAgreement(ctx: ServiceCtx, input: z.infer<typeof agreementCreateInput>): Promise<{ id: string }> {
  if (!hasRole(ctx.actor, 'admin', 'signatory')) throw new AppError('FORBIDDEN');
  const slugs = [...new Set(input.partySlugs)];
  const others = await ctx.db.select().from(federations).where(inArray(federations.slug, slugs));
  if (others.length !== slugs.length) throw new AppError('BAD_INPUT', { fields: { partySlugs: 'invalid_value' } });
  if (others.some((f) => f.id === ctx.tenantId)) throw new AppError('BAD_INPUT', { fields: { partySlugs: 'invalid_value' } });
  const [self] = await ctx.db.select().from(federations).where(inArray(federations.id, [ctx.tenantId]));
  const parties = [self!, ...others];

  const termStart = input.termStart ?? chinaDate(ctx.now);
  const termEnd = input.termEnd ?? addDays(addYears(termStart, 3), -1);
  if (termEnd < termStart) throw new AppError('BAD_INPUT', { fields: { termEnd: 'term_order' } });
  const content =
    input.fromTemplate === 'twin-city-five-commons'
      ? twinCityTemplate(parties, termStart, termEnd)
      : blankTemplate(parties, termStart, termEnd, input.title);
  if (input.title) content.title = input.title;

  const agreementId = crypto.randomUUID();
  const versionId = crypto.randomUUID();
  // the human number, given now (a draft is already discussed and notified under it)
  const numberYear = Number(chinaDate(ctx.now).slice(0, 4));
  const numberSeq = await nextAgreementSeq(ctx, numberYear);
  await ctx.db.insert(agreements).values({
    tenantId: ctx.tenantId,
    id: agreementId,
    title: content.title,
    number: agreementNumber(parties.map(federationShortName), numberYear, numberSeq),
    numberYear,
    numberSeq,
    status: 'draft',
    currentVersionId: versionId,
    partyTenantIds: parties.map((p) => p.id),
    termStart,
    termEnd,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await ctx.db.insert(agreementParties).values(
    parties.map((p, i) => ({
      tenantId: p.id,
      agreementTenantId: ctx.tenantId,
      agreementId,
      role: i === 0 ? 'initiator' : 'party',
      position: i,
      createdAt: ctx.now,
    })),
  );
  await ctx.db.insert(agreementVersions).values({
    tenantId: ctx.tenantId,
    id: versionId,
    agreementId,
    number: 1,
    content,
    note: '',
    createdByUserId: ctx.actor.userId,
    createdByLabel: ctx.actor.label,
    createdByTenantId: ctx.tenantId,
    createdAt: ctx.now,
  });
  await recordAudit(ctx, {
    type: 'agreement.created',
    entityType: 'agreement',
    entityId: agreementId,
    data: { title: content.title, parties: parties.map((p) => p.slug) },
  });
  return { id: agreementId };
}
