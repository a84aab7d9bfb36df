import { randomBytes } from 'node:crypto';
import { AppError } from '../../errors.ts';
import { chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { changePool } from '../place/index.ts';
import { assertOrganiser, visibleEvent } from './contest.access.ts';
import { findRegistrationsOfEvent, insertEntrants, lockEvent, updateEvent } from './contest.repo.ts';
import { draw, DRAW_ALGORITHM } from './contest.rules.ts';
import { auditAll } from './contest.write.ts';

// Contestant numbers by lot (抽签), once, after the registration window closes. The seed, the
// algorithm and the registration ids it ran over go into every named federation's audit chain:
// anyone can re-run draw(seed, ids) (contest.rules.ts) and get the same numbers.

export async function drawNumbers(ctx: ServiceCtx, eventId: string, seed?: string) {
  const { contest } = await visibleEvent(ctx, eventId);
  assertOrganiser(ctx, contest);
  const event = (await lockEvent(ctx, ctx.tenantId, eventId, 'update'))!;
  if (event.drawnAt) throw new AppError('CONTEST_STATE', { reason: 'already_drawn' });
  if (chinaDate(ctx.now) <= event.registrationCloses) throw new AppError('CONTEST_STATE', { reason: 'window_open', closes: event.registrationCloses });
  const registrations = await findRegistrationsOfEvent(ctx, event.id, ['registered']);
  const usedSeed = seed ?? `${event.id}:${randomBytes(16).toString('hex')}`;
  const numbers = draw(usedSeed, registrations.map((r) => r.id));
  const home = new Map(registrations.map((r) => [r.id, r.tenantId]));
  await insertEntrants(ctx, event.id, numbers.map((n) => ({ id: n.registrationId, homeTenantId: home.get(n.registrationId)!, number: n.number })));
  await updateEvent(ctx, event.id, { drawSeed: usedSeed, drawnAt: ctx.now });
  // no more entries once the lot is drawn
  await changePool(ctx, event.id, { status: 'closed' });
  await auditAll(ctx, contest.partyTenantIds, {
    type: 'contest.drawn',
    entityType: 'contest_event',
    entityId: event.id,
    data: { seed: usedSeed, algorithm: DRAW_ALGORITHM, registrationIds: numbers.map((n) => n.registrationId), numbers: numbers.map((n) => n.number) },
  });
  return { seed: usedSeed, algorithm: DRAW_ALGORITHM, numbers };
}
