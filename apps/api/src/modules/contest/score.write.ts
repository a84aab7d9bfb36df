import type { scoreSubmitInput } from '@uc/contracts';
import { asTenant } from '@uc/db';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { visibleEvent } from './contest.access.ts';
import { findEntrantByNumber, findScore, insertScoreOnce, lockEvent } from './contest.repo.ts';
import { myPanelSeat } from './judge.query.ts';
import { markOf, sameScheme } from './contest.rules.ts';

// A judge marks one aspect of one contestant, by number, once: a mark, a measured value (the mark
// follows from the aspect's tolerance) or a level descriptor (the mark follows from the level). The event row is held FOR SHARE
// while the mark goes in, so the chief judge's lock (FOR UPDATE) waits for marks in flight and
// every mark after it sees the lock: no mark is lost, none lands after the lock. A repeat (a
// retry on a bad connection) returns the first mark. A compatriot is refused here, and the
// score's keys and CHECK refuse it in the database whatever inserts the row.

export async function submitScore(ctx: ServiceCtx, input: z.infer<typeof scoreSubmitInput>) {
  const { event } = await visibleEvent(ctx, input.eventId);
  const seat = await myPanelSeat(ctx, event.id);
  const aspect = event.aspects.find((a) => a.key === input.aspect);
  // theory is imported from the exam system's sheet, never marked by a judge
  if (!aspect || aspect.part === 'theory') throw new AppError('BAD_INPUT', { fields: { aspect: 'invalid_value' } });
  const earned = markOf(aspect, input);
  if ('refused' in earned) throw new AppError('BAD_INPUT', { fields: { [earned.refused]: earned.refused === 'mark' ? 'over_max' : 'required' }, max: aspect.max * 100 });
  const host: ServiceCtx = { ...ctx, tenantId: event.tenantId };
  return asTenant(ctx.db, event.tenantId, async () => {
    const locked = (await lockEvent(host, event.tenantId, event.id, 'share'))!;
    if (locked.lockedAt) throw new AppError('SCORES_LOCKED');
    // the scheme may have been corrected since the sheet was read (scheme.write.ts): mark by the one in force
    if (!sameScheme(locked, event)) throw new AppError('CONTEST_STATE', { reason: 'scheme_changed' });
    if (!locked.drawnAt) throw new AppError('CONTEST_STATE', { reason: 'not_drawn' });
    const entrant = await findEntrantByNumber(host, event.id, input.number);
    if (!entrant) throw new AppError('NOT_FOUND');
    if (entrant.homeTenantId === seat.judgeTenantId) throw new AppError('COMPATRIOT_JUDGE');
    const row = await insertScoreOnce(host, {
      eventId: event.id,
      entrantId: entrant.id,
      entrantTenantId: entrant.homeTenantId,
      judgeUserId: seat.userId,
      judgeTenantId: seat.judgeTenantId,
      aspect: aspect.key,
      mark: earned.mark,
      measured: earned.measured,
      submittedAt: ctx.now,
    });
    if (!row) {
      const first = (await findScore(host, event.id, entrant.id, seat.userId, aspect.key))!;
      return { created: false, mark: first.mark };
    }
    await recordAudit(host, { type: 'contest.scored', entityType: 'contest_score', entityId: row.id, data: { eventId: event.id, number: entrant.number, aspect: aspect.key, judgeUserId: seat.userId } });
    return { created: true, mark: row.mark };
  });
}
