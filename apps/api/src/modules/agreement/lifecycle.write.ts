import type { AgreementStatus, Role } from '@uc/contracts';
import { agreements, agreementVersions } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { notifyFederation, type Notice } from '../notification/index.ts';
import { openThreads } from './comment.write.ts';
import { agreementContentHash } from './version.rules.ts';
import { assertAllowed, next, type Amendment, type Step } from './lifecycle.rules.ts';
import { auditToParties, findAgreement, findParties, findVersion, nextVersionNumber, stepActorOf, type AgreementRow, type PartyRow } from './agreement.repo.ts';

export type SimpleStep = 'openNegotiation' | 'sendForSignature' | 'reopen' | 'terminate' | 'amend';

const stateOf = (a: AgreementRow) => ({ status: a.status as AgreementStatus, amendment: a.amendment as Amendment });

/**
 * Takes one lifecycle step. rowVersion is what the caller saw: a step based on a stale view
 * (someone else moved the agreement meanwhile) is refused with STALE_VERSION.
 */
export async function takeStep(ctx: ServiceCtx, input: { id: string; rowVersion: number; step: SimpleStep; reason?: string }) {
  const a = await findAgreement(ctx, input.id, { forUpdate: true });
  const before = stateOf(a);
  assertAllowed(before, input.step, stepActorOf(ctx, a));
  if (a.rowVersion !== input.rowVersion) throw new AppError('STALE_VERSION');
  if (input.step === 'terminate' && !input.reason) throw new AppError('BAD_INPUT', { fields: { reason: 'required' } });
  const parties = await findParties(ctx, a);
  const after = next(before, input.step);
  const changes: Partial<typeof agreements.$inferInsert> = { ...after, rowVersion: a.rowVersion + 1, updatedAt: ctx.now };
  let contentHash: string | undefined;

  if (input.step === 'sendForSignature') {
    // no version is frozen while a comment thread is open; comments lock the agreement row too
    if ((await openThreads(ctx, a)) > 0) throw new AppError('COMMENTS_OPEN');
    // freeze the current version: its hash is what every signer confirms
    const v = await findVersion(ctx, a, a.currentVersionId!);
    contentHash = agreementContentHash({ agreementId: a.id, versionNumber: v.number, parties, content: v.content as never });
    await ctx.db
      .update(agreementVersions)
      .set({ contentHash, frozenAt: ctx.now })
      .where(and(eq(agreementVersions.tenantId, a.tenantId), eq(agreementVersions.id, v.id)));
  }
  if (input.step === 'amend') {
    // an amendment starts as a copy of the version in force
    const inForce = await findVersion(ctx, a, a.inForceVersionId!);
    const versionId = crypto.randomUUID();
    const number = await nextVersionNumber(ctx, a);
    await ctx.db.insert(agreementVersions).values({
      tenantId: a.tenantId,
      id: versionId,
      agreementId: a.id,
      number,
      content: inForce.content,
      note: '修订 / amendment',
      createdByUserId: ctx.actor.userId,
      createdByLabel: ctx.actor.label,
      createdByTenantId: ctx.tenantId,
      createdAt: ctx.now,
    });
    changes.currentVersionId = versionId;
  }
  if (input.step === 'terminate') changes.terminationReason = input.reason!;

  await ctx.db.update(agreements).set(changes).where(and(eq(agreements.tenantId, a.tenantId), eq(agreements.id, a.id)));
  const audience = before.status === 'draft' && input.step !== 'openNegotiation' ? parties.filter((p) => p.tenantId === ctx.tenantId) : parties;
  await auditToParties(ctx, audience, {
    type: 'agreement.step',
    entityType: 'agreement',
    entityId: a.id,
    data: { step: input.step, from: describe(before), to: describe(after), ...(input.reason ? { reason: input.reason } : {}), ...(contentHash ? { contentHash } : {}) },
  });
  await notifyStep(ctx, a, parties, input.step, { reason: input.reason, contentHash });
  return { status: after.status, amendment: after.amendment };
}

const describe = (s: { status: string; amendment: string | null }) => (s.amendment ? `${s.status}+amendment:${s.amendment}` : s.status);

async function notifyStep(ctx: ServiceCtx, a: AgreementRow, parties: PartyRow[], step: Step, extra: { reason?: string | undefined; contentHash?: string | undefined }) {
  const me = parties.find((p) => p.tenantId === ctx.tenantId)!;
  const link = `/t/{slug}/agreements/${a.id}`;
  const base = { title: a.title, party: me.nameZh, partyEn: me.nameEn };
  let notice: Notice | null = null;
  let roles: Role[] = ['admin', 'signatory'];
  if (step === 'openNegotiation') notice = { kind: 'agreement.invited', vars: base, link };
  if (step === 'sendForSignature') {
    const v = await findVersion(ctx, a, a.currentVersionId!);
    notice = { kind: 'agreement.sign_requested', vars: { ...base, version: v.number, hash: extra.contentHash ?? '' }, link };
    roles = ['signatory'];
  }
  if (step === 'terminate') notice = { kind: 'agreement.terminated', vars: { ...base, reason: extra.reason ?? '' }, link };
  if (!notice) return;
  // a request to sign goes to every party, the initiator's own signatories included
  const targets = step === 'sendForSignature' ? parties : parties.filter((p) => p.tenantId !== ctx.tenantId);
  for (const p of targets) await notifyFederation(ctx.db, p, roles, notice, ctx.env.publicUrl);
}
