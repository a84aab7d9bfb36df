import type { feedbackInput } from '@uc/contracts';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { findFeedbackOf, insertFeedbackOnce } from './feedback.repo.ts';
import { findRegistration, findSession } from './programme.repo.ts';

// An attendee rates a session they were checked in at, once (a repeat answers with the first).
// Only the member themself, from their own federation; a registration they did not attend is refused.

export async function giveFeedback(ctx: ServiceCtx, input: z.infer<typeof feedbackInput>) {
  const r = await findRegistration(ctx, input.id);
  if (!r || r.tenantId !== ctx.tenantId || r.memberId !== ctx.actor.memberId) throw new AppError('NOT_FOUND');
  if (!r.checkedInAt) throw new AppError('PROGRAMME_STATE', { reason: 'not_attended' });
  const s = (await findSession(ctx, r.poolId))!;
  const row = await insertFeedbackOnce(ctx, { tenantId: r.tenantId, registrationId: r.id, hostTenantId: r.hostTenantId, eventId: r.eventId, sessionId: s.id, rating: input.rating, comment: input.comment, at: ctx.now });
  if (!row) {
    const [first] = await findFeedbackOf(ctx, r.tenantId, [r.id]);
    return { rating: first!.rating, comment: first!.comment, at: first!.at.toISOString() };
  }
  await recordAudit(ctx, { type: 'programme.feedback_given', entityType: 'programme_registration', entityId: r.id, data: { sessionId: s.id, rating: input.rating } });
  return { rating: row.rating, comment: row.comment, at: row.at.toISOString() };
}
