import type { AppealMarksDto } from '@uc/contracts';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { assertOrganiser, visibleEvent } from './contest.access.ts';
import { findAppealToHost, findEntrants, findJudges } from './contest.repo.ts';
import { eventMarks } from './theory.query.ts';

// What the chief judge re-marks on an appeal: the appealed contestant's marks as they count now
// (overrides and theory corrections applied), each practical mark with the judge who gave it and
// each theory mark from the exam sheet. For the organiser only — the parties see results, not marks.

export async function appealMarks(ctx: ServiceCtx, appealId: string): Promise<AppealMarksDto> {
  const appeal = await findAppealToHost(ctx, appealId);
  if (!appeal) throw new AppError('NOT_FOUND');
  const { event, contest } = await visibleEvent(ctx, appeal.eventId);
  assertOrganiser(ctx, contest);
  const [{ judged, theory }, judges, entrants] = await Promise.all([eventMarks(ctx, event), findJudges(ctx, event.id), findEntrants(ctx, event.id)]);
  const judgeName = new Map(judges.map((j) => [j.userId, j.displayName]));
  const marks: AppealMarksDto['marks'] = [];
  for (const a of event.aspects) {
    const base = { aspect: a.key, label: a.label, part: a.part, max: a.max };
    if (a.part === 'theory') {
      const m = theory.find((x) => x.entrantId === appeal.entrantId && x.aspect === a.key);
      marks.push({ ...base, judgeUserId: null, judge: '', mark: m?.mark ?? null });
      continue;
    }
    for (const m of judged.filter((x) => x.entrantId === appeal.entrantId && x.aspect === a.key)) {
      marks.push({ ...base, judgeUserId: m.judgeUserId, judge: judgeName.get(m.judgeUserId) ?? '', mark: m.mark });
    }
  }
  return { appealId: appeal.id, number: entrants.find((e) => e.id === appeal.entrantId)?.number ?? 0, marks };
}
