import { agreementComments } from '@uc/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { notifyFederation } from '../notification/index.ts';
import { auditToParties, findAgreement, findParties, type AgreementRow } from './agreement.repo.ts';

// Comment threads (docs/decisions/0028-comment-threads.md). Every write here locks the agreement
// row, as sending for signature does: a comment racing the freeze either lands first (and the
// freeze is refused with COMMENTS_OPEN) or waits and is refused because the version is frozen.

/** Comments (new, replies, reopening) are taken while the version can still change; not while signatures are collected. */
const takesComments = (a: AgreementRow) =>
  a.status === 'draft' || a.status === 'negotiating' || (a.status === 'active' && a.amendment !== 'signing');

/** A comment on the current version (optionally on one clause, optionally addressed to one party), or a reply to one. */
export async function addComment(ctx: ServiceCtx, input: { id: string; clauseKey: string | null; addressedToSlug: string | null; body: string; replyToId?: string | null }) {
  const a = await findAgreement(ctx, input.id, { forUpdate: true });
  if (!takesComments(a)) throw new AppError('INVALID_TRANSITION');
  const parties = await findParties(ctx, a);
  const to = input.addressedToSlug ? parties.find((p) => p.slug === input.addressedToSlug) : null;
  if (input.addressedToSlug && !to) throw new AppError('BAD_INPUT', { fields: { addressedToSlug: 'invalid_value' } });
  const parent = input.replyToId ? await findThread(ctx, a, input.replyToId, 'replyToId') : null;
  const clauseKey = parent ? parent.clauseKey : input.clauseKey;
  const [row] = await ctx.db
    .insert(agreementComments)
    .values({
      tenantId: a.tenantId,
      agreementId: a.id,
      versionId: a.currentVersionId!,
      clauseKey,
      authorTenantId: ctx.tenantId,
      authorUserId: ctx.actor.userId,
      authorLabel: ctx.actor.label,
      addressedToTenantId: to?.tenantId ?? null,
      body: input.body,
      createdAt: ctx.now,
      parentId: parent?.id ?? null,
    })
    .returning({ id: agreementComments.id });
  const audience = a.status === 'draft' ? parties.filter((p) => p.tenantId === ctx.tenantId) : parties;
  await auditToParties(ctx, audience, {
    type: 'agreement.commented',
    entityType: 'agreement',
    entityId: a.id,
    data: { clauseKey, addressedTo: input.addressedToSlug, ...(parent ? { replyToId: parent.id } : {}) },
  });
  const me = parties.find((p) => p.tenantId === ctx.tenantId)!;
  // a reply goes to the thread's author's federation too
  const parentParty = parent ? parties.find((p) => p.tenantId === parent.authorTenantId) : undefined;
  const recipients = to ? [to, ...(parentParty && parentParty !== to ? [parentParty] : [])] : audience.filter((p) => p.tenantId !== ctx.tenantId);
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

/** Resolves a thread, or reopens it; reopening is refused while signatures are collected, like a new comment. */
export async function resolveComment(ctx: ServiceCtx, input: { id: string; commentId: string; resolved: boolean }) {
  const a = await findAgreement(ctx, input.id, { forUpdate: true });
  const parties = await findParties(ctx, a);
  const thread = await findThread(ctx, a, input.commentId, 'commentId');
  if (input.resolved === (thread.resolvedAt !== null)) return { resolved: input.resolved };
  if (!input.resolved && !takesComments(a)) throw new AppError('INVALID_TRANSITION');
  if (input.resolved && !(takesComments(a) || a.status === 'signing' || a.amendment === 'signing')) throw new AppError('INVALID_TRANSITION');
  await ctx.db
    .update(agreementComments)
    .set(
      input.resolved
        ? { resolvedAt: ctx.now, resolvedByUserId: ctx.actor.userId, resolvedByTenantId: ctx.tenantId }
        : { resolvedAt: null, resolvedByUserId: null, resolvedByTenantId: null },
    )
    .where(and(eq(agreementComments.tenantId, a.tenantId), eq(agreementComments.id, thread.id)));
  const audience = a.status === 'draft' ? parties.filter((p) => p.tenantId === ctx.tenantId) : parties;
  await auditToParties(ctx, audience, {
    type: input.resolved ? 'agreement.comment_resolved' : 'agreement.comment_reopened',
    entityType: 'agreement',
    entityId: a.id,
    data: { commentId: thread.id, clauseKey: thread.clauseKey },
  });
  return { resolved: input.resolved };
}

/** A top-level comment of this agreement (replies answer only those). */
async function findThread(ctx: ServiceCtx, a: AgreementRow, commentId: string, field: string) {
  const [row] = await ctx.db
    .select()
    .from(agreementComments)
    .where(and(eq(agreementComments.tenantId, a.tenantId), eq(agreementComments.agreementId, a.id), eq(agreementComments.id, commentId)));
  if (!row) throw new AppError('NOT_FOUND');
  if (row.parentId) throw new AppError('BAD_INPUT', { fields: { [field]: 'invalid_value' } });
  return row;
}

/** How many threads of the agreement are open; call with the agreement row locked. */
export async function openThreads(ctx: ServiceCtx, a: AgreementRow): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(agreementComments)
    .where(and(eq(agreementComments.tenantId, a.tenantId), eq(agreementComments.agreementId, a.id), isNull(agreementComments.parentId), isNull(agreementComments.resolvedAt)));
  return Number(row?.n ?? 0);
}
