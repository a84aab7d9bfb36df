import type { AgreementStatus, Role } from '@uc/contracts';
import { AppError } from '../../errors.ts';
import { hasRole, type ServiceCtx } from '../../service.ts';
import type { AgreementRow, PartyRow } from './agreement.repo.ts';

export function canWrite(ctx: ServiceCtx, a: AgreementRow, states: AgreementStatus[], roles: Role[]): boolean {
  return states.includes(a.status as AgreementStatus) && hasRole(ctx.actor, ...roles);
}

/**
 * Refuses a write: FORBIDDEN for a role that may never write here, INVALID_TRANSITION when the
 * agreement is not in a state that allows it. Call after the agreement was found (NOT_FOUND first).
 */
export function assertCanWrite(ctx: ServiceCtx, a: AgreementRow, states: AgreementStatus[], roles: Role[]): void {
  if (!hasRole(ctx.actor, ...roles)) throw new AppError('FORBIDDEN');
  if (!states.includes(a.status as AgreementStatus)) throw new AppError('INVALID_TRANSITION', { status: a.status });
}

/** The party named by slug, or BAD_INPUT on the given field. */
export function partyBySlug(parties: PartyRow[], slug: string, field: string): PartyRow {
  const p = parties.find((x) => x.slug === slug);
  if (!p) throw new AppError('BAD_INPUT', { fields: { [field]: 'invalid_value' } });
  return p;
}
