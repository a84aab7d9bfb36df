import type { ProgrammeRequestDto } from '@uc/contracts';
import { programmeRequests } from '@uc/db';
import type { ServiceCtx } from '../../service.ts';
import { memberScopeCondition } from '../orgUnit/index.ts';
import { nameOf } from './programme.dto.ts';
import { findFederationNames } from './programme.repo.ts';
import { registrationOpen } from './programme.rules.ts';
import { findRequests } from './request.repo.ts';

// What the member sees of their registrations waiting for their home federation (待本会审核), and
// what that federation's staff review (待审核报名). The home federation's rows only.

export async function requestDtos(ctx: ServiceCtx, where: Parameters<typeof findRequests>[1]): Promise<ProgrammeRequestDto[]> {
  const found = await findRequests(ctx, where);
  const names = await findFederationNames(ctx, found.map((f) => f.r.hostTenantId));
  return found.map((f) => ({
    id: f.r.id,
    sessionId: f.r.sessionId,
    eventId: f.r.eventId,
    eventTitle: f.eventTitle,
    sessionTitle: f.sessionTitle,
    host: nameOf(names, f.r.hostTenantId, ctx.locale),
    startsAt: f.startsAt.toISOString(),
    memberName: f.memberName,
    status: f.r.status as ProgrammeRequestDto['status'],
    decisionReason: f.r.decisionReason,
    requestedAt: f.r.createdAt.toISOString(),
    decidedAt: f.r.decidedAt?.toISOString() ?? null,
    registrationStatus: (f.registrationStatus as ProgrammeRequestDto['registrationStatus']) ?? null,
    canWithdraw: f.r.status === 'applied' && registrationOpen(f.eventStatus, { status: f.sessionStatus, startsAt: f.startsAt }, ctx.now),
  }));
}

export async function requestDto(ctx: ServiceCtx, id: string): Promise<ProgrammeRequestDto> {
  const [dto] = await requestDtos(ctx, { ids: [id] });
  return dto!;
}

/** The member's own requests, newest first. */
export const myRequests = (ctx: ServiceCtx) => requestDtos(ctx, { memberId: ctx.actor.memberId! });

/** The requests of the caller's federation's members (a scoped officer: of their units' members), for its staff to decide. */
export const listRequests = (ctx: ServiceCtx, input: { eventId?: string; status?: string }) =>
  requestDtos(ctx, { ...input, scope: memberScopeCondition(ctx, programmeRequests.memberId) });
