import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { assertOrganiser, visibleEvent } from './contest.access.ts';
import { findEffectiveMarks, findEntrants, findJudges, lockEvent, updateEvent } from './contest.repo.ts';
import { auditAll } from './contest.write.ts';

// The chief judge locks an event's marking once every mark is in: every aspect of every
// contestant by every judge on the panel who is no compatriot of theirs. Under the event's row
// lock (FOR UPDATE), so it waits for marks in flight and no mark lands after it.

export async function lockScores(ctx: ServiceCtx, eventId: string) {
  const { contest } = await visibleEvent(ctx, eventId);
  assertOrganiser(ctx, contest);
  const event = (await lockEvent(ctx, ctx.tenantId, eventId, 'update'))!;
  if (!event.drawnAt) throw new AppError('CONTEST_STATE', { reason: 'not_drawn' });
  if (event.lockedAt) throw new AppError('CONTEST_STATE', { reason: 'already_locked' });
  const [entrants, judges, marks] = await Promise.all([findEntrants(ctx, event.id), findJudges(ctx, event.id), findEffectiveMarks(ctx, event.id)]);
  const have = new Set(marks.map((m) => `${m.entrantId}|${m.judgeUserId}|${m.aspect}`));
  let missing = 0;
  for (const e of entrants) {
    for (const j of judges.filter((x) => x.judgeTenantId !== e.homeTenantId)) {
      for (const a of event.aspects) if (!have.has(`${e.id}|${j.userId}|${a.key}`)) missing++;
    }
  }
  if (missing || !entrants.length) throw new AppError('CONTEST_STATE', { reason: 'marks_missing', missing });
  await updateEvent(ctx, event.id, { lockedAt: ctx.now });
  await auditAll(ctx, contest.partyTenantIds, { type: 'contest.locked', entityType: 'contest_event', entityId: event.id, data: { scores: marks.length } });
  return { scores: marks.length };
}
