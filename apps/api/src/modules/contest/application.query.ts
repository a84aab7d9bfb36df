import type { ApplicationDto, OpenEventDto } from '@uc/contracts';
import { chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { contestApplications } from '@uc/db';
import { memberScopeCondition } from '../orgUnit/index.ts';
import { findApplications, findOpenEvents } from './application.repo.ts';

// What a member sees on their phone (events open to their federation, their applications and
// entries) and what their federation's staff review (基层工会推荐 → 市总审核).

type Found = Awaited<ReturnType<typeof findApplications>>[number];

export function applicationDtoOf(ctx: Pick<ServiceCtx, 'now'>, f: Found): ApplicationDto {
  const today = chinaDate(ctx.now);
  const a = f.a;
  return {
    id: a.id,
    eventId: a.eventId,
    contestTitle: f.contestTitle,
    trade: f.trade,
    venue: f.venue,
    eventDate: f.eventDate,
    registrationCloses: f.registrationCloses,
    memberName: f.memberName,
    yearsInTrade: a.yearsInTrade,
    certificates: a.certificates,
    status: a.status as ApplicationDto['status'],
    number: f.number ?? null,
    decisionReason: a.decisionReason,
    // the application is made when the member consents (the request's time, as every step's)
    appliedAt: a.consentAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    canWithdraw: (a.status === 'applied' || a.status === 'approved') && !f.drawnAt && today <= f.registrationCloses,
  };
}

export async function applicationDtos(ctx: ServiceCtx, where: Parameters<typeof findApplications>[1]): Promise<ApplicationDto[]> {
  return (await findApplications(ctx, where)).map((f) => applicationDtoOf(ctx, f));
}

export async function applicationDto(ctx: ServiceCtx, id: string): Promise<ApplicationDto> {
  const [dto] = await applicationDtos(ctx, { ids: [id] });
  return dto!;
}

/** The member's own applications and entries (newest first). */
export async function myApplications(ctx: ServiceCtx): Promise<ApplicationDto[]> {
  return applicationDtos(ctx, { memberId: ctx.actor.memberId! });
}

/** The applications of the caller's federation's members (a scoped officer: of their units' members), for its staff to decide. */
export async function listApplications(ctx: ServiceCtx, input: { eventId?: string; status?: string }): Promise<ApplicationDto[]> {
  return applicationDtos(ctx, { ...input, scope: memberScopeCondition(ctx, contestApplications.memberId) });
}

/** Events the member may apply for today, with their open application for each. */
export async function openEvents(ctx: ServiceCtx): Promise<OpenEventDto[]> {
  const events = await findOpenEvents(ctx, chinaDate(ctx.now));
  const mine = (await findApplications(ctx, { memberId: ctx.actor.memberId! })).filter((f) => f.a.status === 'applied' || f.a.status === 'approved');
  const byEvent = new Map(mine.map((f) => [f.a.eventId, f.a]));
  return events.map(({ e, contestTitle, organiser, organiserEn }) => {
    const a = byEvent.get(e.id);
    return {
      eventId: e.id,
      contestTitle,
      organiser: ctx.locale === 'en' ? organiserEn : organiser,
      trade: e.trade,
      venue: e.venue,
      eventDate: e.eventDate,
      registrationCloses: e.registrationCloses,
      minAge: e.minAge,
      maxAge: e.maxAge,
      minYearsInTrade: e.minYearsInTrade,
      requiredCertificates: e.requiredCertificates,
      applicationId: a?.id ?? null,
      applicationStatus: (a?.status as OpenEventDto['applicationStatus']) ?? null,
    };
  });
}
