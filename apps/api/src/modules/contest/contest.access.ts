import type { ContestEventRow, ContestRow } from '@uc/db';
import { AppError } from '../../errors.ts';
import { hasRole, type ServiceCtx } from '../../service.ts';
import { findVisibleContest, findVisibleEvent } from './contest.repo.ts';

// Who may act on what. A contest is visible to the federations it names (the agreement's parties
// and a neutral judging partner); anyone else gets NOT_FOUND. Its writes are the organiser's.

/** staff who run a contest for the organiser (the chief judge among them) */
export const ORGANISER_ROLES = ['admin', 'officer', 'lead', 'judge'] as const;
/** staff who enter their own federation's members */
export const REGISTRAR_ROLES = ['admin', 'officer', 'lead'] as const;

export async function visibleContest(ctx: ServiceCtx, id: string): Promise<ContestRow> {
  const c = await findVisibleContest(ctx, id);
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

export async function visibleEvent(ctx: ServiceCtx, id: string): Promise<{ event: ContestEventRow; contest: ContestRow }> {
  const event = await findVisibleEvent(ctx, id);
  if (!event) throw new AppError('NOT_FOUND');
  return { event, contest: await visibleContest(ctx, event.contestId) };
}

/** The organiser's staff only (a party that reads the contest may not run it). */
export function assertOrganiser(ctx: ServiceCtx, contest: ContestRow): void {
  if (contest.tenantId !== ctx.tenantId || !hasRole(ctx.actor, ...ORGANISER_ROLES)) throw new AppError('FORBIDDEN');
}

/** A federation that enters members: a party of the agreement (not a judging partner). */
export function assertEnteringParty(ctx: ServiceCtx, contest: ContestRow): void {
  if (contest.judgingPartnerTenantIds.includes(ctx.tenantId) || !hasRole(ctx.actor, ...REGISTRAR_ROLES)) throw new AppError('FORBIDDEN');
}

export const enteringParties = (c: ContestRow) => c.partyTenantIds.filter((t) => !c.judgingPartnerTenantIds.includes(t));
