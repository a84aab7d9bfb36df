import type { referralMessageInput } from '@uc/contracts';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { findConsentOf, findReferral } from './rights.repo.ts';
import type { Ctx } from './rights.types.ts';
import { insertMessage } from './thread.repo.ts';

// A caseworker of either federation on a referral writes on its secure thread. The performer writes
// only while the worker's consent holds (the thread carries the case); an archived referral's thread
// is closed. Each message is in the author's audit chain (its length, never its text).

export async function postMessage(ctx: Ctx, input: z.infer<typeof referralMessageInput>) {
  const r = await findReferral(ctx, input.id);
  if (r.status === 'archived') throw new AppError('CONFLICT', { reason: 'archived' });
  if (ctx.tenantId === r.performerTenantId) {
    const consent = await findConsentOf(ctx, r);
    if (!consent || consent.withdrawnAt) throw new AppError('CONSENT_REQUIRED');
  }
  const m = await insertMessage(ctx, { tenantId: r.tenantId, referralId: r.id, authorTenantId: ctx.tenantId, authorUserId: ctx.actor.userId, authorLabel: ctx.actor.label, body: input.body, at: ctx.now });
  await recordAudit(ctx, { type: 'rights.message_posted', entityType: 'rights_referral', entityId: r.id, data: { messageId: m.id, length: input.body.length } });
  return { id: m.id };
}
