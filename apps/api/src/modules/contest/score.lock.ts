import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { assertOrganiser, visibleEvent } from './contest.access.ts';
import { findEntrants, findJudges, lockEvent, updateEvent } from './contest.repo.ts';
import { eventMarks } from './theory.query.ts';
import { auditAll } from './contest.write.ts';

// The chief judge locks an event's marking once every mark is in: every aspect of every
// contestant by every judge on the panel who is no compatriot of theirs. Under the event's row
// lock (FOR UPDATE), so it waits for marks in flight and no mark lands after it. Theory marks come
// from the exam sheet: the latest import must name every contestant.

export async function lockScores(ctx: ServiceCtx, eventId: string) {
  const { contest } = await visibleEvent(ctx, eventId);
  assertOrganiser(ctx, contest);
  const event = (await lockEvent(ctx, ctx.tenantId, eventId, 'update'))!;
  if (!event.drawnAt) throw new AppError('CONTEST_STATE', { reason: 'not_drawn' });
  if (event.lockedAt) throw new AppError('CONTEST_STATE', { reason: 'already_locked' });
  const [entrants, judges, { judged, theory }] = await Promise.all([findEntrants(ctx, event.id), findJudges(ctx, event.id), eventMarks(ctx, event)]);
  const have = new Set(judged.map((m) => `${m.entrantId}|${m.judgeUserId}|${m.aspect}`));
  const theoryHave = new Set(theory.map((m) => `${m.entrantId}|${m.aspect}`));
  let missing = 0;
  let theoryMissing = 0;
  for (const e of entrants) {
    for (const a of event.aspects) {
      if (a.part === 'theory') theoryMissing += theoryHave.has(`${e.id}|${a.key}`) ? 0 : 1;
      else for (const j of judges.filter((x) => x.judgeTenantId !== e.homeTenantId)) if (!have.has(`${e.id}|${j.userId}|${a.key}`)) missing++;
    }
  }
  if (theoryMissing) throw new AppError('CONTEST_STATE', { reason: 'theory_missing', missing: theoryMissing });
  if (missing || !entrants.length) throw new AppError('CONTEST_STATE', { reason: 'marks_missing', missing });
  const marks = [...judged, ...theory];
  await updateEvent(ctx, event.id, { lockedAt: ctx.now });
  await auditAll(ctx, contest.partyTenantIds, { type: 'contest.locked', entityType: 'contest_event', entityId: event.id, data: { scores: marks.length } });
  return { scores: marks.length };
}
