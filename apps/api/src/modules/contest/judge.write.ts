import type { judgeAssignInput } from '@uc/contracts';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { assertOrganiser, visibleEvent } from './contest.access.ts';
import { countScores, findFederationBySlug, findUserName, hasJudgeRole, upsertJudge } from './contest.repo.ts';
import { auditAll } from './contest.write.ts';
import { panel } from './judge.query.ts';

// The chief judge (organiser staff) forms an event's panel from users holding the judge role in
// a named federation; the panel freezes when marking starts. Whom a judge may mark is decided
// per score (never a compatriot), by the database's keys and CHECK as much as by the service.

export async function assignJudge(ctx: ServiceCtx, input: z.infer<typeof judgeAssignInput>) {
  const { event, contest } = await visibleEvent(ctx, input.eventId);
  assertOrganiser(ctx, contest);
  if (event.lockedAt || (await countScores(ctx, event.id)) > 0) throw new AppError('CONTEST_STATE', { reason: 'panel_frozen' });
  const fed = await findFederationBySlug(ctx, input.federationSlug);
  if (!fed || !contest.partyTenantIds.includes(fed.id)) throw new AppError('BAD_INPUT', { fields: { federationSlug: 'not_named_in_contest' } });
  if (!(await hasJudgeRole(ctx, fed.id, input.userId))) throw new AppError('BAD_INPUT', { fields: { userId: 'not_a_judge' } });
  const displayName = (await findUserName(ctx, input.userId)) ?? '';
  await upsertJudge(ctx, { eventId: event.id, userId: input.userId, judgeTenantId: fed.id, displayName, chief: input.chief });
  await auditAll(ctx, [ctx.tenantId, fed.id], { type: 'contest.judge_assigned', entityType: 'contest_event', entityId: event.id, data: { userId: input.userId, federation: fed.slug, chief: input.chief } });
  return panel(ctx, event.id);
}
