import { PER_PARTY_FIGURES, type AgreementContent } from '@uc/contracts';
import { agreements, agreementVersions } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { notifyFederation } from '../notification/index.ts';
import { assertAllowed } from './lifecycle.rules.ts';
import { auditToParties, findAgreement, findParties, nextVersionNumber, stepActorOf } from './agreement.repo.ts';
import { sanitizeContent } from './content.rules.ts';

export interface SaveVersionInput {
  id: string;
  baseVersionId: string;
  content: AgreementContent;
  note: string;
}

/**
 * Saves a change as a new version. baseVersionId must be the version the editor started from:
 * if someone saved in between, the change is refused (STALE_VERSION) rather than lost.
 */
export async function saveVersion(ctx: ServiceCtx, input: SaveVersionInput): Promise<{ versionId: string; number: number }> {
  const a = await findAgreement(ctx, input.id, { forUpdate: true });
  const state = { status: a.status as never, amendment: a.amendment as never };
  assertAllowed(state, 'edit', stepActorOf(ctx, a));
  if (a.currentVersionId !== input.baseVersionId) throw new AppError('STALE_VERSION');
  const parties = await findParties(ctx, a);
  const slugs = new Set(parties.map((p) => p.slug));
  const content = sanitizeContent(input.content);
  content.commons.forEach((section, si) => {
    section.items.forEach((item, ii) => {
      if (!slugs.has(item.leadSlug)) throw new AppError('BAD_INPUT', { fields: { [`content.commons.${si}.items.${ii}.leadSlug`]: 'invalid_value' } });
    });
    // figures by direction (places, entrants, seats): each on its own kind only, keyed by the parties of this agreement
    for (const { byParty, kind } of Object.values(PER_PARTY_FIGURES)) {
      const keys = Object.keys(section.figures[byParty] ?? {});
      if (keys.length && (section.kind !== kind || keys.some((slug) => !slugs.has(slug)))) {
        throw new AppError('BAD_INPUT', { fields: { [`content.commons.${si}.figures.${byParty}`]: 'invalid_value' } });
      }
    }
  });
  if (new Set(content.commons.map((c) => c.kind)).size !== content.commons.length) {
    throw new AppError('BAD_INPUT', { fields: { 'content.commons': 'invalid_value' } });
  }

  const number = await nextVersionNumber(ctx, a);
  const versionId = crypto.randomUUID();
  await ctx.db.insert(agreementVersions).values({
    tenantId: a.tenantId,
    id: versionId,
    agreementId: a.id,
    number,
    content,
    note: input.note,
    createdByUserId: ctx.actor.userId,
    createdByLabel: ctx.actor.label,
    createdByTenantId: ctx.tenantId,
    createdAt: ctx.now,
  });
  // during an amendment the version in force keeps its title and term until the amendment is signed
  const inAmendment = a.status === 'active';
  await ctx.db
    .update(agreements)
    .set({
      currentVersionId: versionId,
      ...(inAmendment ? {} : { title: content.title, termStart: content.termStart, termEnd: content.termEnd }),
      rowVersion: a.rowVersion + 1,
      updatedAt: ctx.now,
    })
    .where(and(eq(agreements.tenantId, a.tenantId), eq(agreements.id, a.id)));

  const audience = a.status === 'draft' ? parties.filter((p) => p.tenantId === ctx.tenantId) : parties;
  await auditToParties(ctx, audience, { type: 'agreement.version_saved', entityType: 'agreement', entityId: a.id, data: { version: number, note: input.note } });
  if (a.status !== 'draft') {
    const me = parties.find((p) => p.tenantId === ctx.tenantId)!;
    for (const p of parties.filter((x) => x.tenantId !== ctx.tenantId)) {
      await notifyFederation(
        ctx.db,
        p,
        ['admin', 'signatory', 'lead'],
        { kind: 'agreement.new_version', vars: { title: content.title, party: me.nameZh, partyEn: me.nameEn, version: number }, link: `/t/{slug}/agreements/${a.id}` },
        ctx.env.publicUrl,
      );
    }
  }
  return { versionId, number };
}
