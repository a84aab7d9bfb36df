import type { MeetingAttendee, MeetingDto, MeetingStatus } from '@uc/contracts';
import { jointMeetings } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { type AgreementRow, assertCanWrite, auditToParties, findAgreement, findParties, partyBySlug, type PartyRow } from '../agreement/index.ts';
import { notifyFederation } from '../notification/index.ts';
import { MEETING_STATES, MEETING_WRITERS } from './mechanism.access.ts';
import { nextHost, previousHost } from './host.query.ts';
import { getMeeting } from './meeting.query.ts';
import { checkAttendees, findMeeting, type MeetingRow } from './meeting.repo.ts';

export interface MeetingCreateInput {
  agreementId: string;
  meetingDate: string;
  title: string;
  location: string;
  agenda: string;
  hostSlug?: string | undefined;
  attendees: MeetingAttendee[];
}

/** Schedules a joint meeting; without a host the parties take turns. The other parties are notified. */
export async function createMeeting(ctx: ServiceCtx, input: MeetingCreateInput): Promise<MeetingDto> {
  // the agreement row lock serialises scheduling, so two meetings created at once do not take the same turn
  const a = await findAgreement(ctx, input.agreementId, { forUpdate: true });
  assertCanWrite(ctx, a, MEETING_STATES, MEETING_WRITERS);
  const parties = await findParties(ctx, a);
  checkAttendees(parties, input.attendees);
  const host = input.hostSlug ? partyBySlug(parties, input.hostSlug, 'hostSlug') : nextHost(parties, await previousHost(ctx, a, input.meetingDate));
  const [m] = await ctx.db
    .insert(jointMeetings)
    .values({
      tenantId: a.tenantId,
      agreementId: a.id,
      meetingDate: input.meetingDate,
      hostTenantId: host.tenantId,
      title: input.title,
      location: input.location,
      agenda: input.agenda,
      attendees: input.attendees,
      status: 'planned',
      createdByTenantId: ctx.tenantId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await auditToParties(ctx, parties, {
    type: 'meeting.created',
    entityType: 'joint_meeting',
    entityId: m!.id,
    data: { agreementId: a.id, title: input.title, meetingDate: input.meetingDate, host: host.slug },
  });
  await notifyScheduled(ctx, a, parties, m!, host);
  return getMeeting(ctx, m!.id);
}

async function notifyScheduled(ctx: ServiceCtx, a: AgreementRow, parties: PartyRow[], m: MeetingRow, host: PartyRow) {
  const me = parties.find((p) => p.tenantId === ctx.tenantId)!;
  const vars = {
    title: a.title,
    meeting: m.title,
    date: m.meetingDate,
    host: host.nameZh,
    hostEn: host.nameEn,
    location: m.location,
    party: me.nameZh,
    partyEn: me.nameEn,
  };
  const link = `/t/{slug}/agreements/${a.id}/meetings/${m.id}`;
  for (const p of parties.filter((x) => x.tenantId !== ctx.tenantId)) {
    await notifyFederation(ctx.db, p, ['admin', 'lead', 'officer'], { kind: 'meeting.scheduled', vars, link }, ctx.env.publicUrl);
  }
}

export interface MeetingUpdateInput {
  id: string;
  rowVersion: number;
  meetingDate?: string | undefined;
  title?: string | undefined;
  location?: string | undefined;
  agenda?: string | undefined;
  hostSlug?: string | undefined;
  attendees?: MeetingAttendee[] | undefined;
  minutes?: string | undefined;
  status?: MeetingStatus | undefined;
}

/** Records what happened (minutes, attendees, held) or reschedules; rowVersion guards against lost edits. */
export async function updateMeeting(ctx: ServiceCtx, input: MeetingUpdateInput): Promise<MeetingDto> {
  const m = await findMeeting(ctx, input.id, { forUpdate: true });
  const a = await findAgreement(ctx, m.agreementId);
  assertCanWrite(ctx, a, MEETING_STATES, MEETING_WRITERS);
  if (m.rowVersion !== input.rowVersion) throw new AppError('STALE_VERSION');
  const parties = await findParties(ctx, a);
  const set: Partial<typeof jointMeetings.$inferInsert> = {};
  if (input.meetingDate !== undefined && input.meetingDate !== m.meetingDate) set.meetingDate = input.meetingDate;
  if (input.title !== undefined && input.title !== m.title) set.title = input.title;
  if (input.location !== undefined && input.location !== m.location) set.location = input.location;
  if (input.agenda !== undefined && input.agenda !== m.agenda) set.agenda = input.agenda;
  if (input.minutes !== undefined && input.minutes !== m.minutes) set.minutes = input.minutes;
  if (input.status !== undefined && input.status !== m.status) set.status = input.status;
  if (input.hostSlug !== undefined) {
    const host = partyBySlug(parties, input.hostSlug, 'hostSlug');
    if (host.tenantId !== m.hostTenantId) set.hostTenantId = host.tenantId;
  }
  if (input.attendees !== undefined) {
    checkAttendees(parties, input.attendees);
    if (JSON.stringify(input.attendees) !== JSON.stringify(m.attendees)) set.attendees = input.attendees;
  }
  const changes = Object.keys(set);
  if (!changes.length) return getMeeting(ctx, m.id);
  await ctx.db
    .update(jointMeetings)
    .set({ ...set, rowVersion: m.rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(jointMeetings.tenantId, m.tenantId), eq(jointMeetings.id, m.id)));
  await auditToParties(ctx, parties, { type: 'meeting.updated', entityType: 'joint_meeting', entityId: m.id, data: { agreementId: a.id, changes } });
  return getMeeting(ctx, m.id);
}
