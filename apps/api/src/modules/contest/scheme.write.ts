import type { contestSchemeInput } from '@uc/contracts';
import type { ContestEventRow } from '@uc/db';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { assertOrganiser, visibleEvent } from './contest.access.ts';
import { findEventsMarked, lockEvent, updateEvent } from './contest.repo.ts';
import { schemeProblem } from './contest.rules.ts';
import { auditAll } from './contest.write.ts';

// The organiser corrects an event's marking scheme — weights, aspects, tolerances, level
// descriptors — until the first mark is in (a judge's score or the exam sheet). From then on the
// scheme is fixed: every mark must be read against the scheme it was given under. The event row
// is held FOR UPDATE here, and a mark or an import holds it too and re-reads the scheme after, so
// a change and a mark never cross: either the change sees the mark and is refused, or the mark
// is checked against the changed scheme.

export async function updateScheme(ctx: ServiceCtx, input: z.infer<typeof contestSchemeInput>): Promise<ContestEventRow> {
  const { contest } = await visibleEvent(ctx, input.eventId);
  assertOrganiser(ctx, contest);
  const event = (await lockEvent(ctx, ctx.tenantId, input.eventId, 'update'))!;
  if (event.rowVersion !== input.rowVersion) throw new AppError('STALE_VERSION');
  if (event.lockedAt) throw new AppError('SCORES_LOCKED');
  if ((await findEventsMarked(ctx, ctx.tenantId, [event.id])).size) throw new AppError('CONTEST_STATE', { reason: 'marking_begun' });
  const problem = schemeProblem(input.aspects);
  if (problem) throw new AppError('BAD_INPUT', { fields: { aspects: problem } });
  const changed = await updateEvent(ctx, event.id, { theoryWeight: input.theoryWeight, aspects: input.aspects });
  await auditAll(ctx, contest.partyTenantIds, {
    type: 'contest.scheme_changed',
    entityType: 'contest_event',
    entityId: event.id,
    data: { trade: event.trade, before: { theoryWeight: event.theoryWeight, aspects: event.aspects }, after: { theoryWeight: input.theoryWeight, aspects: input.aspects } },
  });
  return changed;
}
