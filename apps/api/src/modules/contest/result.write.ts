import type { appealDecideInput, appealInput } from '@uc/contracts';
import { asTenant } from '@uc/db';
import type { ContestEventRow } from '@uc/db';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { assertOrganiser, visibleEvent } from './contest.access.ts';
import { decideAppealRow, findEntrantByNumber, findEntrants, insertAppeal, insertOverride, lockAppeal, lockEvent, updateEvent } from './contest.repo.ts';
import { appealUntil } from './contest.rules.ts';
import { auditAll } from './contest.write.ts';
import { insertTheoryOverride } from './theory.repo.ts';
import { results } from './result.query.ts';
import { eventMarks } from './theory.query.ts';

// Publication (公示) with its appeal window, written appeals by the contestant's federation, and
// the chief judge's decision: an upheld appeal re-marks through audited overrides (the original
// marks stay) — a judge's practical mark or the exam sheet's theory mark — and the results
// recompute from scratch on the next read.

export async function publish(ctx: ServiceCtx, eventId: string) {
  const { contest } = await visibleEvent(ctx, eventId);
  assertOrganiser(ctx, contest);
  const event = (await lockEvent(ctx, ctx.tenantId, eventId, 'update'))!;
  if (!event.lockedAt || event.publishedAt) throw new AppError('CONTEST_STATE', { reason: event.publishedAt ? 'already_published' : 'not_locked' });
  await updateEvent(ctx, event.id, { publishedAt: ctx.now });
  const until = appealUntil(ctx.now, event.appealHours).toISOString();
  const entrants = await findEntrants(ctx, event.id);
  await auditAll(ctx, contest.partyTenantIds, { type: 'contest.published', entityType: 'contest_event', entityId: event.id, data: { appealUntil: until, entrants: entrants.length } });
  return results(ctx, eventId);
}

export async function fileAppeal(ctx: ServiceCtx, input: z.infer<typeof appealInput>) {
  const { event, contest } = await visibleEvent(ctx, input.eventId);
  if (!event.publishedAt || event.finalisedAt) throw new AppError('CONTEST_STATE', { reason: 'not_published' });
  if (ctx.now > appealUntil(event.publishedAt, event.appealHours)) throw new AppError('CONTEST_CLOSED', { appealUntil: appealUntil(event.publishedAt, event.appealHours).toISOString() });
  const entrant = await findEntrantByNumber(ctx, event.id, input.number);
  // only the contestant's own federation appeals for them
  if (!entrant || entrant.homeTenantId !== ctx.tenantId) throw new AppError('NOT_FOUND');
  const a = await insertAppeal(ctx, { hostTenantId: event.tenantId, eventId: event.id, entrantId: entrant.id, reason: input.reason, filedAt: ctx.now });
  await auditAll(ctx, [ctx.tenantId, contest.tenantId], { type: 'contest.appeal_filed', entityType: 'contest_appeal', entityId: a.id, data: { eventId: event.id, number: entrant.number } });
  return results(ctx, event.id);
}

export async function decideAppeal(ctx: ServiceCtx, input: z.infer<typeof appealDecideInput>) {
  const appeal = await lockAppeal(ctx, input.appealId);
  if (!appeal) throw new AppError('NOT_FOUND');
  const { contest } = await visibleEvent(ctx, appeal.eventId);
  assertOrganiser(ctx, contest);
  // the event row's lock orders a re-mark against finalising: no mark changes once certificates are out
  const event = (await lockEvent(ctx, ctx.tenantId, appeal.eventId, 'update'))!;
  if (appeal.status !== 'filed' || event.finalisedAt) throw new AppError('CONTEST_STATE', { reason: 'appeal_decided' });
  const { judged: marks, theory } = await eventMarks(ctx, event);
  const remarks: { judgeUserId: string; aspect: string; from: number; to: number }[] = [];
  const theoryRemarks: { aspect: string; from: number; to: number }[] = [];
  if (input.decision === 'upheld') {
    for (const r of input.remarks) {
      const m = marks.find((x) => x.entrantId === appeal.entrantId && x.judgeUserId === r.judgeUserId && x.aspect === r.aspect);
      if (!m) throw new AppError('BAD_INPUT', { fields: { remarks: 'no_such_mark' } });
      assertWithinMax(event, r.aspect, r.mark, 'remarks');
      await insertOverride(ctx, { scoreId: m.id, mark: r.mark, reason: input.reason, byUserId: ctx.actor.userId, at: ctx.now });
      remarks.push({ judgeUserId: r.judgeUserId, aspect: r.aspect, from: m.mark, to: r.mark });
    }
    for (const r of input.theoryRemarks) {
      const aspect = event.aspects.find((a) => a.key === r.aspect && a.part === 'theory');
      if (!aspect) throw new AppError('BAD_INPUT', { fields: { theoryRemarks: 'no_such_mark' } });
      assertWithinMax(event, r.aspect, r.mark, 'theoryRemarks');
      const from = theory.find((m) => m.entrantId === appeal.entrantId && m.aspect === r.aspect)?.mark ?? 0;
      await insertTheoryOverride(ctx, { eventId: event.id, entrantId: appeal.entrantId, aspect: r.aspect, mark: r.mark, appealId: appeal.id, reason: input.reason, byUserId: ctx.actor.userId, at: ctx.now });
      theoryRemarks.push({ aspect: r.aspect, from, to: r.mark });
    }
  }
  await asTenant(ctx.db, appeal.tenantId, () => decideAppealRow(ctx, appeal, { status: input.decision, decisionReason: input.reason, decidedAt: ctx.now }));
  const number = (await findEntrants(ctx, event.id)).find((e) => e.id === appeal.entrantId)?.number ?? 0;
  await auditAll(ctx, [ctx.tenantId, appeal.tenantId], {
    type: 'contest.appeal_decided',
    entityType: 'contest_appeal',
    entityId: appeal.id,
    data: { eventId: event.id, number, decision: input.decision, reason: input.reason, remarks, theoryRemarks },
  });
  return results(ctx, event.id);
}

/** A re-mark is in hundredths of a point and never above the aspect's full marks. */
function assertWithinMax(event: Pick<ContestEventRow, 'aspects'>, aspect: string, mark: number, field: string) {
  const max = event.aspects.find((a) => a.key === aspect)?.max ?? 0;
  if (mark > max * 100) throw new AppError('BAD_INPUT', { fields: { [field]: 'over_max' } });
}
