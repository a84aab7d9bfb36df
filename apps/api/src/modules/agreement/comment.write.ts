import { agreementComments } from '@uc/db';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { notifyFederation } from '../notification/index.ts';
import { auditToParties, findAgreement, findParties } from './agreement.repo.ts';

/** A comment on the current version (optionally on one clause, optionally addressed to one party). */
export async function addComment(ctx: ServiceCtx, input: { id: string; clauseKey: string | null; addressedToSlug: string | null; body: string }) {
  const a = await findAgreement(ctx, input.id);
  if (!['draft', 'negotiating', 'signing', 'active'].includes(a.status)) throw new AppError('INVALID_TRANSITION');
  const parties = await findParties(ctx, a);
  const to = input.addressedToSlug ? parties.find((p) => p.slug === input.addressedToSlug) : null;
  if (input.addressedToSlug && !to) throw new AppError('BAD_INPUT', { fields: { addressedToSlug: 'invalid_value' } });
  const [row] = await ctx.db
    .insert(agreementComments)
    .values({
      tenantId: a.tenantId,
      agreementId: a.id,
      versionId: a.currentVersionId!,
      clauseKey: input.clauseKey,
      authorTenantId: ctx.tenantId,
      authorUserId: ctx.actor.userId,
      authorLabel: ctx.actor.label,
      addressedToTenantId: to?.tenantId ?? null,
      body: input.body,
      createdAt: ctx.now,
    })
    .returning({ id: agreementComments.id });
  const audience = a.status === 'draft' ? parties.filter((p) => p.tenantId === ctx.tenantId) : parties;
  await auditToParties(ctx, audience, {
    type: 'agreement.commented',
    entityType: 'agreement',
    entityId: a.id,
    data: { clauseKey: input.clauseKey, addressedTo: input.addressedToSlug },
  });
  const me = parties.find((p) => p.tenantId === ctx.tenantId)!;
  const recipients = to ? [to] : audience.filter((p) => p.tenantId !== ctx.tenantId);
  for (const p of recipients.filter((x) => x.tenantId !== ctx.tenantId)) {
    await notifyFederation(
      ctx.db,
      p,
      ['admin', 'signatory', 'lead'],
      {
        kind: 'agreement.comment',
        vars: { title: a.title, party: me.nameZh, partyEn: me.nameEn, excerpt: input.body.slice(0, 80) },
        link: `/t/{slug}/agreements/${a.id}`,
      },
      ctx.env.publicUrl,
    );
  }
  return { id: row!.id };
}
