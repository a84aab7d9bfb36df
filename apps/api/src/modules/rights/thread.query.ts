import type { ThreadDto } from '@uc/contracts';
import { fileAnswer } from '../../lib/fileStore.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { loadPeople } from '../person/index.ts';
import { logAccess } from './referral.query.ts';
import { findConsentOf, findFederations, findReferral } from './rights.repo.ts';
import type { Ctx, ReferralRow } from './rights.types.ts';
import { findMessageFile, findMessageFiles, findMessages } from './thread.repo.ts';

// Reading a referral's secure thread: part of the shared file, so the performer reads it only while
// the worker's consent holds, and every read (granted or refused) is on both sides' access log and
// in the reader's audit chain, as a read of the file is. The files on its messages (decision 0056)
// follow the same rule, each opening logged again (reason `thread_file`).

export const threadFileUrl = (referralId: string, id: string) => `/api/referrals/${referralId}/thread/${id}`;

/** the performer without a live consent is refused (and the refusal logged); the referrer always reads its own referral's thread */
async function refusedToPerformer(ctx: Ctx, r: ReferralRow, referrer: string, extra: { fileId?: string } = {}) {
  if (ctx.tenantId !== r.performerTenantId) return false;
  const consent = await findConsentOf(ctx, r);
  if (consent && !consent.withdrawnAt) return false;
  await logAccess(ctx, r, 'refused', 'consent_withdrawn');
  await recordAudit(ctx, { type: 'rights.file_read', entityType: 'rights_referral', entityId: r.id, data: { referrer, outcome: 'refused', reason: 'consent_withdrawn', ...extra } });
  return true;
}

export async function readThread(ctx: Ctx, id: string): Promise<ThreadDto> {
  const r = await findReferral(ctx, id);
  const feds = await findFederations(ctx.db, [r.tenantId]);
  const referrer = feds.get(r.tenantId)!.slug;
  if (await refusedToPerformer(ctx, r, referrer)) return { access: 'refused', reason: 'consent_withdrawn' };
  const messages = await findMessages(ctx, r);
  const files = await findMessageFiles(ctx, r);
  await logAccess(ctx, r, 'read', 'thread');
  await recordAudit(ctx, { type: 'rights.file_read', entityType: 'rights_referral', entityId: r.id, data: { referrer, outcome: 'read', reason: 'thread' } });
  const authors = await findFederations(ctx.db, messages.map((m) => m.authorTenantId));
  const people = await loadPeople(ctx, messages.map((m) => m.authorUserId), messages.map((m) => m.authorTenantId));
  return {
    access: 'granted',
    messages: messages.map((m) => ({
      id: m.id,
      author: authors.get(m.authorTenantId)!,
      authorPerson: people.person(m.authorUserId, m.authorTenantId),
      mine: m.authorTenantId === ctx.tenantId,
      body: m.body,
      at: m.at.toISOString(),
      files: files
        .filter((f) => f.messageId === m.id)
        .map((f) => ({ id: f.id, filename: f.filename, contentType: f.contentType as 'application/pdf', size: f.size, url: threadFileUrl(r.id, f.id) })),
    })),
  };
}

/** One file of the thread (GET /api/referrals/<id>/thread/<file>): logged on the shared access log and in the reader's chain. */
export async function readThreadFile(ctx: Ctx, input: { id: string; fileId: string }) {
  const r = await findReferral(ctx, input.id);
  const referrer = (await findFederations(ctx.db, [r.tenantId])).get(r.tenantId)!.slug;
  if (await refusedToPerformer(ctx, r, referrer, { fileId: input.fileId })) return { access: 'refused' as const, reason: 'consent_withdrawn' as const, filename: '', contentType: null, base64: '' };
  const row = await findMessageFile(ctx, r, input.fileId);
  if (!row) throw new AppError('NOT_FOUND');
  await logAccess(ctx, r, 'read', 'thread_file');
  await recordAudit(ctx, { type: 'rights.file_read', entityType: 'rights_referral', entityId: r.id, data: { referrer, outcome: 'read', reason: 'thread_file', fileId: row.id } });
  return { access: 'granted' as const, reason: null, ...fileAnswer(row) };
}
