import type { AgreementStatus } from '@uc/contracts';
import { agreements, signatures } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { notifyFederation } from '../notification/index.ts';
import { assertAllowed, next, type Amendment } from './lifecycle.rules.ts';
import { auditToParties, findAgreement, findParties, findVersion, stepActorOf } from './agreement.repo.ts';

/** Work that comes with a version coming into force, in the signing transaction (the joint items of its work plan). */
export type ActivationHandler = (ctx: ServiceCtx, agreementId: string, versionId: string) => Promise<unknown>;
const activationHandlers: ActivationHandler[] = [];

/** Registered by the module that owns the work (jointItem's register()); the agreement module imports none of them. */
export function onAgreementActivated(handler: ActivationHandler): void {
  if (activationHandlers.includes(handler)) throw new Error('activation handler registered twice');
  activationHandlers.push(handler);
}

export interface DecisionInput {
  id: string;
  versionId: string;
  idempotencyKey: string;
  /** sign: the hash the signer was shown, and their password again (checked by the procedure: passwordConfirmedProcedure) */
  contentHash?: string;
  password?: string;
  /** decline */
  reason?: string;
}

export interface DecisionResult {
  decision: 'signed' | 'declined';
  status: AgreementStatus;
  amendment: Amendment;
  /** true for the one signature that completed the set and put the agreement in force */
  activated: boolean;
}

/**
 * Records a party's decision on the frozen version. The agreement row is locked for the whole
 * decision, so of two signatures arriving together exactly one sees the set complete; the unique
 * (version, party) key refuses a second decision by the same party; a repeated request with the
 * same idempotency key returns the first result.
 */
export async function decide(ctx: ServiceCtx, decision: 'signed' | 'declined', input: DecisionInput): Promise<DecisionResult> {
  const a = await findAgreement(ctx, input.id, { forUpdate: true });

  const [repeat] = await ctx.db
    .select()
    .from(signatures)
    .where(and(eq(signatures.tenantId, a.tenantId), eq(signatures.agreementId, a.id), eq(signatures.idempotencyKey, `${ctx.actor.userId}:${input.idempotencyKey}`)));
  if (repeat) {
    return { decision: repeat.decision as DecisionResult['decision'], status: a.status as AgreementStatus, amendment: a.amendment as Amendment, activated: false };
  }

  const before = { status: a.status as AgreementStatus, amendment: a.amendment as Amendment };
  assertAllowed(before, decision === 'signed' ? 'sign' : 'decline', stepActorOf(ctx, a));
  if (a.currentVersionId !== input.versionId) throw new AppError('STALE_VERSION');
  const version = await findVersion(ctx, a, input.versionId);
  if (!version.frozenAt || !version.contentHash) throw new AppError('INVALID_TRANSITION');
  if (decision === 'signed' && input.contentHash !== version.contentHash) throw new AppError('HASH_MISMATCH');

  const [already] = await ctx.db
    .select({ id: signatures.id })
    .from(signatures)
    .where(and(eq(signatures.tenantId, a.tenantId), eq(signatures.versionId, version.id), eq(signatures.partyTenantId, ctx.tenantId)));
  if (already) throw new AppError('ALREADY_SIGNED');

  await ctx.db.insert(signatures).values({
    tenantId: a.tenantId,
    agreementId: a.id,
    versionId: version.id,
    partyTenantId: ctx.tenantId,
    decision,
    reason: input.reason ?? null,
    userId: ctx.actor.userId!,
    userLabel: ctx.actor.label,
    ip: ctx.actor.ip,
    userAgent: ctx.actor.userAgent?.slice(0, 400) ?? null,
    contentHash: version.contentHash,
    idempotencyKey: `${ctx.actor.userId}:${input.idempotencyKey}`,
    createdAt: ctx.now,
  });

  const parties = await findParties(ctx, a);
  const signed = await ctx.db
    .select({ party: signatures.partyTenantId })
    .from(signatures)
    .where(and(eq(signatures.tenantId, a.tenantId), eq(signatures.versionId, version.id), eq(signatures.decision, 'signed')));
  const completes = decision === 'signed' && parties.every((p) => signed.some((s) => s.party === p.tenantId));
  const after = next(before, decision === 'signed' ? 'sign' : 'decline', { completesSignatures: completes });
  const changes: Partial<typeof agreements.$inferInsert> = { ...after, rowVersion: a.rowVersion + 1, updatedAt: ctx.now };
  if (completes) {
    const content = version.content as { title: string; termStart: string; termEnd: string };
    Object.assign(changes, { inForceVersionId: version.id, title: content.title, termStart: content.termStart, termEnd: content.termEnd });
  }
  await ctx.db.update(agreements).set(changes).where(and(eq(agreements.tenantId, a.tenantId), eq(agreements.id, a.id)));

  const me = parties.find((p) => p.tenantId === ctx.tenantId)!;
  await auditToParties(
    ctx,
    parties,
    decision === 'signed'
      ? { type: 'agreement.signed', entityType: 'agreement', entityId: a.id, data: { party: me.slug, version: version.number, contentHash: version.contentHash } }
      : { type: 'agreement.declined', entityType: 'agreement', entityId: a.id, data: { party: me.slug, version: version.number, reason: input.reason ?? '' } },
  );
  if (completes) {
    await auditToParties(ctx, parties, { type: 'agreement.activated', entityType: 'agreement', entityId: a.id, data: { version: version.number, contentHash: version.contentHash } });
    // e.g. the work plan of the version now in force becomes joint items (only those not there yet)
    for (const handler of activationHandlers) await handler(ctx, a.id, version.id);
  }
  const link = `/t/{slug}/agreements/${a.id}`;
  const vars = { title: a.title, party: me.nameZh, partyEn: me.nameEn, reason: input.reason ?? '' };
  for (const p of parties) {
    if (completes) {
      await notifyFederation(ctx.db, p, ['admin', 'signatory', 'lead'], { kind: 'agreement.activated', vars, link }, ctx.env.publicUrl);
    } else if (p.tenantId !== ctx.tenantId) {
      const kind = decision === 'signed' ? 'agreement.signed' : 'agreement.declined';
      await notifyFederation(ctx.db, p, ['admin', 'signatory'], { kind, vars, link }, ctx.env.publicUrl);
    }
  }
  return { decision, status: after.status, amendment: after.amendment, activated: completes };
}
