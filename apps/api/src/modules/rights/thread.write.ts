import type { referralMessageInput } from '@uc/contracts';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { acceptFile } from '../../lib/fileStore.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyFederation } from '../notification/index.ts';
import { DISPUTE_LABELS } from './rights.labels.ts';
import { findConsentOf, findFederations, findReferral } from './rights.repo.ts';
import type { Ctx } from './rights.types.ts';
import { insertMessage, insertMessageFile } from './thread.repo.ts';

// A caseworker of either federation on a referral writes on its secure thread. The performer writes
// only while the worker's consent holds (the thread carries the case); an archived referral's thread
// is closed. Each message is in the author's audit chain (its length, never its text), and the other
// side's caseworkers are told there is one — without its text, since notices also go out by email.
// A message may carry one file (decision 0056: the one file store's checks; its audit keeps type,
// size and hash, never the name).

export async function postMessage(ctx: Ctx, input: z.infer<typeof referralMessageInput>) {
  const r = await findReferral(ctx, input.id);
  if (r.status === 'archived') throw new AppError('CONFLICT', { reason: 'archived' });
  const consent = await findConsentOf(ctx, r);
  const consentHolds = !!consent && !consent.withdrawnAt;
  if (ctx.tenantId === r.performerTenantId && !consentHolds) throw new AppError('CONSENT_REQUIRED');
  const file = input.file ? acceptFile(input.file) : null;
  const m = await insertMessage(ctx, { tenantId: r.tenantId, referralId: r.id, authorTenantId: ctx.tenantId, authorUserId: ctx.actor.userId, authorLabel: ctx.actor.label, body: input.body, at: ctx.now });
  if (file) {
    await insertMessageFile(ctx, { tenantId: r.tenantId, referralId: r.id, messageId: m.id, authorTenantId: ctx.tenantId, ...file, uploadedByUserId: ctx.actor.userId, uploadedByLabel: ctx.actor.label, createdAt: ctx.now });
  }
  await recordAudit(ctx, {
    type: 'rights.message_posted',
    entityType: 'rights_referral',
    entityId: r.id,
    data: { messageId: m.id, length: input.body.length, ...(file ? { file: { contentType: file.contentType, size: file.size, sha256: file.sha256 } } : {}) },
  });
  // the performer without consent cannot open the thread, so is not called to it
  if (ctx.tenantId === r.performerTenantId || consentHolds) await tellOtherSide(ctx, r);
  return { id: m.id };
}

/**
 * One notice per referral per hour to each caseworker of the other side: a busy exchange sends one
 * email, not one per message, and the notice leads to the whole thread anyway.
 */
async function tellOtherSide(ctx: Ctx, r: Awaited<ReturnType<typeof findReferral>>) {
  const feds = await findFederations(ctx.db, [r.tenantId, r.performerTenantId]);
  const author = feds.get(ctx.tenantId)!;
  const other = feds.get(ctx.tenantId === r.tenantId ? r.performerTenantId : r.tenantId)!;
  const kind = DISPUTE_LABELS[r.disputeKind as keyof typeof DISPUTE_LABELS];
  const hour = ctx.now.toISOString().slice(0, 13);
  await notifyFederation(
    ctx.db,
    { tenantId: other.id, slug: other.slug },
    ['caseworker'],
    { kind: 'rights.message', vars: { party: author.nameZh, partyEn: author.nameEn, kind: kind.zh, kindEn: kind.en }, link: `/t/{slug}/rights/${r.id}`, dedupeKey: `rights.message:${r.id}:${hour}` },
    ctx.env.publicUrl,
  );
}
