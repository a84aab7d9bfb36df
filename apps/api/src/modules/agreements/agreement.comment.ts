import { agreementComments, agreementVersions, federations } from '@uc/db';
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { notifyFederation } from '../notifications/notify.ts';
import { auditToParties, findAgreement, findParties } from './agreement.repo.ts';

const author = alias(federations, 'author_federation');
const addressee = alias(federations, 'addressee_federation');

export async function listComments(ctx: ServiceCtx, id: string) {
  const a = await findAgreement(ctx, id);
  const rows = await ctx.db
    .select({ c: agreementComments, versionNumber: agreementVersions.number, authorSlug: author.slug, addressedToSlug: addressee.slug })
    .from(agreementComments)
    .innerJoin(agreementVersions, and(eq(agreementVersions.tenantId, agreementComments.tenantId), eq(agreementVersions.id, agreementComments.versionId)))
    .innerJoin(author, eq(author.id, agreementComments.authorTenantId))
    .leftJoin(addressee, eq(addressee.id, agreementComments.addressedToTenantId))
    .where(and(eq(agreementComments.tenantId, a.tenantId), eq(agreementComments.agreementId, a.id)))
    .orderBy(asc(agreementComments.createdAt));
  return rows.map((r) => ({
    id: r.c.id,
    versionId: r.c.versionId,
    versionNumber: r.versionNumber,
    clauseKey: r.c.clauseKey,
    authorSlug: r.authorSlug,
    authorLabel: r.c.authorLabel,
    addressedToSlug: r.addressedToSlug,
    body: r.c.body,
    createdAt: r.c.createdAt.toISOString(),
  }));
}

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
