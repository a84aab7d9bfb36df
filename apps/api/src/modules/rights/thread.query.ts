import type { ThreadDto } from '@uc/contracts';
import { recordAudit } from '../audit/index.ts';
import { logAccess } from './referral.query.ts';
import { findConsentOf, findFederations, findReferral } from './rights.repo.ts';
import type { Ctx } from './rights.types.ts';
import { findMessages } from './thread.repo.ts';

// Reading a referral's secure thread: part of the shared file, so the performer reads it only while
// the worker's consent holds, and every read (granted or refused) is on both sides' access log and
// in the reader's audit chain, as a read of the file is.

export async function readThread(ctx: Ctx, id: string): Promise<ThreadDto> {
  const r = await findReferral(ctx, id);
  const feds = await findFederations(ctx.db, [r.tenantId]);
  const referrer = feds.get(r.tenantId)!.slug;
  if (ctx.tenantId === r.performerTenantId) {
    const consent = await findConsentOf(ctx, r);
    if (!consent || consent.withdrawnAt) {
      await logAccess(ctx, r, 'refused', 'consent_withdrawn');
      await recordAudit(ctx, { type: 'rights.file_read', entityType: 'rights_referral', entityId: r.id, data: { referrer, outcome: 'refused', reason: 'consent_withdrawn' } });
      return { access: 'refused', reason: 'consent_withdrawn' };
    }
  }
  const messages = await findMessages(ctx, r);
  await logAccess(ctx, r, 'read', 'thread');
  await recordAudit(ctx, { type: 'rights.file_read', entityType: 'rights_referral', entityId: r.id, data: { referrer, outcome: 'read', reason: 'thread' } });
  const authors = await findFederations(ctx.db, messages.map((m) => m.authorTenantId));
  return {
    access: 'granted',
    messages: messages.map((m) => ({ id: m.id, author: authors.get(m.authorTenantId)!, authorLabel: m.authorLabel, mine: m.authorTenantId === ctx.tenantId, body: m.body, at: m.at.toISOString() })),
  };
}
