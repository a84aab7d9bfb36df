import type { contestRegisterInput, RegistrationDto } from '@uc/contracts';
import type { ContestRegistrationRow } from '@uc/db';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { claim, findPoolById } from '../place/index.ts';
import { assertEnteringParty, visibleEvent } from './contest.access.ts';
import { findOwnMember, insertRegistrationUnlessExists, registrationClaims } from './contest.repo.ts';
import { eligibility } from './contest.rules.ts';
import { auditAll } from './contest.write.ts';
import { registrationDtos } from './registration.query.ts';

// A party's staff enter their own members (报名) for an event, with the member's consent to share
// the entry's data with the organiser. The city's entrant places are the event pool's share for
// the party: the engine takes one under the share row's conditional UPDATE, so however many
// register at once, a city never has more entrants than its quota. Safe to repeat (key).

export const ACTIVE = ['waitlisted', 'offered', 'registered'] as const;

export async function register(ctx: ServiceCtx, input: z.infer<typeof contestRegisterInput>) {
  const { event, contest } = await visibleEvent(ctx, input.eventId);
  assertEnteringParty(ctx, contest);
  const today = chinaDate(ctx.now);
  if (event.drawnAt || today < event.registrationOpens || today > event.registrationCloses) throw new AppError('CONTEST_CLOSED', { opens: event.registrationOpens, closes: event.registrationCloses });
  const member = await findOwnMember(ctx, input.memberId);
  if (!member) throw new AppError('NOT_FOUND');
  const why = eligibility(event, { birthDate: member.birthDate, yearsInTrade: input.yearsInTrade, certificates: input.certificates });
  if (why.length) throw new AppError('NOT_ELIGIBLE', { reasons: why });
  const pool = await findPoolById(ctx, { hostTenantId: event.tenantId, poolId: event.id });
  if (!pool) throw new AppError('NOT_FOUND');
  const result = await claim<ContestRegistrationRow>(ctx, registrationClaims, {
    pool,
    partyTenantId: ctx.tenantId,
    memberId: member.id,
    units: 1,
    quota: null,
    idempotencyKey: input.idempotencyKey,
    active: ACTIVE,
    insert: () =>
      insertRegistrationUnlessExists(ctx, {
        tenantId: ctx.tenantId,
        hostTenantId: event.tenantId,
        poolId: event.id,
        contestId: contest.id,
        memberId: member.id,
        memberName: member.name,
        birthDate: member.birthDate!,
        yearsInTrade: input.yearsInTrade,
        certificates: input.certificates,
        consentAt: ctx.now,
        registeredByUserId: ctx.actor.userId,
        status: 'registered',
        requestedAt: ctx.now,
        idempotencyKey: input.idempotencyKey,
      }),
  });
  // no waiting list for entrant places: the city's quota is full, and nothing of this attempt stays
  if (result.outcome === 'waitlisted') throw new AppError('QUOTA_EXHAUSTED', { quotaPerCity: event.quotaPerCity });
  if (result.created) {
    await auditAll(ctx, [ctx.tenantId, event.tenantId], { type: 'contest.registered', entityType: 'contest_registration', entityId: result.row.id, data: { eventId: event.id, status: result.row.status, consent: true } });
  }
  const [dto] = (await registrationDtos(ctx, event, [result.row])) as [RegistrationDto];
  return { registration: dto, created: result.created, outcome: result.outcome };
}
