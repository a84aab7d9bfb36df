import type { MeetingAttendee, MeetingDecisionDto, MeetingDto, MeetingStatus, MeetingSummaryDto } from '@uc/contracts';
import { jointMeetings, meetingDecisions } from '@uc/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import type { PartyRow } from '../agreement/index.ts';
import { partyBySlug } from '../agreement/index.ts';

export type MeetingRow = typeof jointMeetings.$inferSelect;
export type DecisionRow = typeof meetingDecisions.$inferSelect;

/** The meeting if the caller's federation is a party to its agreement; NOT_FOUND otherwise. */
export async function findMeeting(ctx: ServiceCtx, id: string, opts: { forUpdate?: boolean } = {}): Promise<MeetingRow> {
  const q = ctx.db.select().from(jointMeetings).where(eq(jointMeetings.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function findDecision(ctx: ServiceCtx, id: string, opts: { forUpdate?: boolean } = {}): Promise<DecisionRow> {
  const q = ctx.db.select().from(meetingDecisions).where(eq(meetingDecisions.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Attendees come from the parties: each names one by slug. */
export function checkAttendees(parties: PartyRow[], attendees: MeetingAttendee[]): void {
  attendees.forEach((x, i) => partyBySlug(parties, x.federationSlug, `attendees.${i}.federationSlug`));
}

const slugOf = (parties: PartyRow[], tenantId: string) => parties.find((p) => p.tenantId === tenantId)?.slug ?? '';

export function toMeetingSummary(m: MeetingRow, parties: PartyRow[], decisionCount: number): MeetingSummaryDto {
  const host = parties.find((p) => p.tenantId === m.hostTenantId);
  return {
    id: m.id,
    agreementId: m.agreementId,
    meetingDate: m.meetingDate,
    title: m.title,
    location: m.location,
    hostSlug: host?.slug ?? '',
    hostNameZh: host?.nameZh ?? '',
    hostNameEn: host?.nameEn ?? '',
    status: m.status as MeetingStatus,
    decisionCount,
    rowVersion: m.rowVersion,
  };
}

export function toDecisionDto(d: DecisionRow, parties: PartyRow[]): MeetingDecisionDto {
  return {
    id: d.id,
    meetingId: d.meetingId,
    text: d.text,
    jointItemId: d.jointItemId,
    createdBySlug: slugOf(parties, d.createdByTenantId),
    createdAt: d.createdAt.toISOString(),
  };
}

export function toMeetingDto(m: MeetingRow, parties: PartyRow[], decisions: DecisionRow[]): MeetingDto {
  return {
    ...toMeetingSummary(m, parties, decisions.length),
    attendees: m.attendees,
    agenda: m.agenda,
    minutes: m.minutes,
    decisions: decisions.map((d) => toDecisionDto(d, parties)),
    createdBySlug: slugOf(parties, m.createdByTenantId),
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}
