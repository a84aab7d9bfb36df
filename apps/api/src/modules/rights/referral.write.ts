import type { z } from 'zod';
import type { ReferralStatus, ReferralStep, referInput, referralReasonInput, referralTransferInput, referralTransferRequestInput } from '@uc/contracts';
import { rightsReferralEvents, rightsReferrals } from '@uc/db';
import { and, desc, eq } from 'drizzle-orm';
import { chinaDate } from '../../lib/dates.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyFederation, type Notice } from '../notification/index.ts';
import { checkStep, pendingTransferRequest, type Side } from './referral.rules.ts';
import { DISPUTE_LABELS, STEP_LABELS } from './rights.labels.ts';
import { recordConsent } from './consent.write.ts';
import { findConsentOf, findEvents, findFederationBySlug, findFederations, findOwnCase, findOwnConsent, findReferral, findReferralsOfCase, findRightsAgreement } from './rights.repo.ts';
import type { ConsentRow, Ctx, ReferralRow } from './rights.types.ts';
import { findFormsOf } from './consentForm.repo.ts';

// The referral's steps. Each one locks the referral row, checks the client's row version (two
// caseworkers acting at once: the second gets STALE_VERSION, nothing is lost), checks the state
// machine (referral.rules.ts), updates the row, appends the step as an event (seq = the new row
// version, unique), writes the actor's audit event and tells the other side.

/** a consent a referral may rest on: not withdrawn, and, given by signed form, with its form on file (the database checks it too) */
async function consentUsable(ctx: Ctx, consent: ConsentRow) {
  if (consent.withdrawnAt) return false;
  return consent.method !== 'signed_form' || !!(await findFormsOf(ctx, consent.tenantId, [consent.id])).get(consent.id);
}

type Patch = Partial<Pick<ReferralRow, 'assignee' | 'outcome' | 'amountRecoveredFen' | 'performerTenantId' | 'consentId'>>;

/** A sends the case to the partner its consent names, under an agreement covering rights. */
export async function refer(ctx: Ctx, input: z.infer<typeof referInput>) {
  const c = await findOwnCase(ctx, input.caseId);
  const consent = await findOwnConsent(ctx, input.consentId);
  if (consent.caseId !== c.id || !(await consentUsable(ctx, consent))) throw new AppError('CONSENT_REQUIRED');
  const agreement = await findRightsAgreement(ctx, consent.partnerTenantId, chinaDate(ctx.now));
  if (!agreement) throw new AppError('NOT_COVERED');
  const open = (await findReferralsOfCase(ctx, c.id)).filter((r) => r.status !== 'archived');
  if (open.length) throw new AppError('CONFLICT', { referralId: open[0]!.id });
  const [r] = await ctx.db
    .insert(rightsReferrals)
    .values({
      tenantId: ctx.tenantId,
      caseId: c.id,
      performerTenantId: consent.partnerTenantId,
      consentId: consent.id,
      agreementId: agreement.id,
      disputeKind: c.disputeKind,
      hotline: c.source === 'hotline',
      status: 'submitted',
      rowVersion: 1,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await appendEvent(ctx, r!, 'submit', { note: input.note });
  await afterStep(ctx, r!, 'submit', null, input.note);
  return r!;
}

/** One step of the state machine on a referral the caller made or acts on. */
export async function takeStep(ctx: Ctx, step: Exclude<ReferralStep, 'submit' | 'transfer' | 'consent_withdrawn'>, input: { id: string; rowVersion: number }, data: Record<string, unknown>, patch: Patch = {}) {
  const r = await lockAt(ctx, input.id, input.rowVersion);
  return recordStep(ctx, r, step, data, patch);
}

/** A approves the move of a referral to another partner: the consent must name that partner and an agreement must cover rights with it. */
export async function transfer(ctx: Ctx, input: z.infer<typeof referralTransferInput>) {
  const r = await lockAt(ctx, input.id, input.rowVersion);
  if (r.tenantId !== ctx.tenantId) throw new AppError('FORBIDDEN');
  if (!input.consentId === !input.consent) throw new AppError('BAD_INPUT', { fields: { consentId: 'consent_one_of' } });
  const consent = await findOwnConsent(ctx, input.consentId ?? (await consentForTransfer(ctx, r, input.consent!)));
  if (consent.caseId !== r.caseId || !(await consentUsable(ctx, consent))) throw new AppError('CONSENT_REQUIRED');
  if (consent.partnerTenantId === r.performerTenantId) throw new AppError('BAD_INPUT', { fields: { consentId: 'same_partner' } });
  if (!(await findRightsAgreement(ctx, consent.partnerTenantId, chinaDate(ctx.now)))) throw new AppError('NOT_COVERED');
  return recordStep(ctx, r, 'transfer', { reason: input.reason, from: r.performerTenantId, to: consent.partnerTenantId }, { performerTenantId: consent.partnerTenantId, consentId: consent.id });
}

/**
 * B asks A to move the referral to a third federation (B cannot see A's agreements: whether one
 * covers rights with that federation, and the worker's consent for it, are A's to check when it
 * approves by transferring). One request at a time; the clocks go on as before.
 */
export async function requestTransfer(ctx: Ctx, input: z.infer<typeof referralTransferRequestInput>) {
  const r = await lockAt(ctx, input.id, input.rowVersion);
  const to = await findFederationBySlug(ctx.db, input.partnerSlug);
  if (!to) throw new AppError('NOT_FOUND');
  if (to.id === r.tenantId || to.id === r.performerTenantId) throw new AppError('BAD_INPUT', { fields: { partnerSlug: 'same_partner' } });
  if (pendingTransferRequest(await findEvents(ctx.db, [r]))) throw new AppError('REFERRAL_STATE', { status: r.status, reason: 'transfer_requested' });
  // a worker who withdrew consent is not handed to yet another federation
  if ((await findConsentOf(ctx, r))?.withdrawnAt) throw new AppError('CONSENT_REQUIRED');
  return recordStep(ctx, r, 'request_transfer', { to: to.id, reason: input.reason }, {});
}

/** A declines B's pending transfer request, with a reason B reads; the referral stays with B. */
export async function declineTransfer(ctx: Ctx, input: z.infer<typeof referralReasonInput>) {
  const r = await lockAt(ctx, input.id, input.rowVersion);
  if (r.tenantId === ctx.tenantId && !pendingTransferRequest(await findEvents(ctx.db, [r]))) throw new AppError('REFERRAL_STATE', { status: r.status, reason: 'no_transfer_request' });
  return recordStep(ctx, r, 'decline_transfer', { reason: input.reason }, {});
}

/** Records the worker's consent for the new partner, once the transfer could go there: so a refused one leaves none. */
async function consentForTransfer(ctx: Ctx, r: ReferralRow, consent: NonNullable<z.infer<typeof referralTransferInput>['consent']>): Promise<string> {
  const partner = await findFederationBySlug(ctx.db, consent.partnerSlug);
  if (!partner || partner.id === ctx.tenantId) throw new AppError('NOT_FOUND');
  if (partner.id === r.performerTenantId) throw new AppError('BAD_INPUT', { fields: { consentId: 'same_partner' } });
  if (!(await findRightsAgreement(ctx, partner.id, chinaDate(ctx.now)))) throw new AppError('NOT_COVERED');
  return (await recordConsent(ctx, { caseId: r.caseId, ...consent })).id;
}

async function lockAt(ctx: Ctx, id: string, rowVersion: number): Promise<ReferralRow> {
  const r = await findReferral(ctx, id, { forUpdate: true });
  if (r.rowVersion !== rowVersion) throw new AppError('STALE_VERSION', { rowVersion: r.rowVersion, status: r.status });
  return r;
}

/** Applies a step to a locked referral: state check, update, event, audit, notice. */
export async function recordStep(ctx: Ctx, r: ReferralRow, step: ReferralStep, data: Record<string, unknown>, patch: Patch): Promise<ReferralRow> {
  const side: Side = r.tenantId === ctx.tenantId ? 'referrer' : 'performer';
  const check = checkStep(step, r.status as ReferralStatus, side, step === 'resume' ? await holdBeganIn(ctx, r) : null);
  if (!check.ok) throw new AppError(check.reason === 'wrong_side' ? 'FORBIDDEN' : 'REFERRAL_STATE', { status: r.status });
  const [next] = await ctx.db
    .update(rightsReferrals)
    .set({ ...patch, status: check.to, rowVersion: r.rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(rightsReferrals.tenantId, r.tenantId), eq(rightsReferrals.id, r.id), eq(rightsReferrals.rowVersion, r.rowVersion)))
    .returning();
  if (!next) throw new AppError('STALE_VERSION');
  await appendEvent(ctx, next, step, step === 'hold' ? { ...data, from: r.status } : data);
  await afterStep(ctx, next, step, r.status, typeof data.note === 'string' ? data.note : typeof data.reason === 'string' ? data.reason : '');
  return next;
}

/** The status the current hold began in (its event records it). */
async function holdBeganIn(ctx: Ctx, r: ReferralRow): Promise<ReferralStatus | null> {
  const [hold] = await ctx.db
    .select({ data: rightsReferralEvents.data })
    .from(rightsReferralEvents)
    .where(and(eq(rightsReferralEvents.tenantId, r.tenantId), eq(rightsReferralEvents.referralId, r.id), eq(rightsReferralEvents.type, 'hold')))
    .orderBy(desc(rightsReferralEvents.seq))
    .limit(1);
  return (hold?.data.from as ReferralStatus | undefined) ?? null;
}

async function appendEvent(ctx: Ctx, r: ReferralRow, step: ReferralStep, data: Record<string, unknown>) {
  await ctx.db.insert(rightsReferralEvents).values({
    tenantId: r.tenantId,
    referralId: r.id,
    seq: r.rowVersion,
    type: step,
    status: r.status,
    actorTenantId: ctx.tenantId,
    actorUserId: ctx.actor.userId,
    actorLabel: ctx.actor.label,
    performerTenantId: r.performerTenantId,
    at: ctx.now,
    data,
  });
}

/** The actor's audit event and a notice to the other side's caseworkers (and to a new performer after a transfer). */
async function afterStep(ctx: Ctx, r: ReferralRow, step: ReferralStep, from: string | null, note: string) {
  const feds = await findFederations(ctx.db, [r.tenantId, r.performerTenantId, ctx.tenantId]);
  const referrer = feds.get(r.tenantId)!;
  const performer = feds.get(r.performerTenantId)!;
  await recordAudit(ctx, { type: 'rights.referral_step', entityType: 'rights_referral', entityId: r.id, data: { step, from, to: r.status, referrer: referrer.slug, performer: performer.slug } });
  const actor = feds.get(ctx.tenantId)!;
  const other = ctx.tenantId === r.tenantId ? performer : referrer;
  const kind = DISPUTE_LABELS[r.disputeKind as keyof typeof DISPUTE_LABELS];
  const notice: Pick<Notice, 'kind' | 'vars'> =
    step === 'submit' || step === 'transfer'
      ? { kind: 'rights.referred' as const, vars: { party: actor.nameZh, partyEn: actor.nameEn, kind: kind.zh, kindEn: kind.en } }
      : { kind: 'rights.step' as const, vars: { party: actor.nameZh, partyEn: actor.nameEn, kind: kind.zh, kindEn: kind.en, step: STEP_LABELS[step].zh, stepEn: STEP_LABELS[step].en, note } };
  await notifyFederation(ctx.db, { tenantId: other.id, slug: other.slug }, ['caseworker', 'admin'], { ...notice, link: `/t/{slug}/rights/${r.id}` }, ctx.env.publicUrl);
}
