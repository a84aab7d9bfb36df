import type { MeetingDto, MeetingSummaryDto } from '@uc/contracts';
import { jointMeetings, meetingDecisions } from '@uc/db';
import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { findAgreement, findParties } from '../agreement/index.ts';
import { findMeeting, toMeetingDto, toMeetingSummary } from './meeting.repo.ts';

/** The agreement's joint meetings, latest first. */
export async function listMeetings(ctx: ServiceCtx, agreementId: string): Promise<MeetingSummaryDto[]> {
  const a = await findAgreement(ctx, agreementId);
  const parties = await findParties(ctx, a);
  const meetings = await ctx.db
    .select()
    .from(jointMeetings)
    .where(and(eq(jointMeetings.tenantId, a.tenantId), eq(jointMeetings.agreementId, a.id)))
    .orderBy(desc(jointMeetings.meetingDate), desc(jointMeetings.createdAt));
  const counts = await ctx.db
    .select({ meetingId: meetingDecisions.meetingId, n: count() })
    .from(meetingDecisions)
    .where(and(eq(meetingDecisions.tenantId, a.tenantId), eq(meetingDecisions.agreementId, a.id)))
    .groupBy(meetingDecisions.meetingId);
  return meetings.map((m) => toMeetingSummary(m, parties, Number(counts.find((c) => c.meetingId === m.id)?.n ?? 0)));
}

/** One meeting with its attendees, minutes and decisions. */
export async function getMeeting(ctx: ServiceCtx, id: string): Promise<MeetingDto> {
  const m = await findMeeting(ctx, id);
  const a = await findAgreement(ctx, m.agreementId);
  const parties = await findParties(ctx, a);
  const decisions = await ctx.db
    .select()
    .from(meetingDecisions)
    .where(and(eq(meetingDecisions.tenantId, m.tenantId), eq(meetingDecisions.meetingId, m.id)))
    .orderBy(asc(meetingDecisions.createdAt), asc(meetingDecisions.id));
  return toMeetingDto(m, parties, decisions);
}
