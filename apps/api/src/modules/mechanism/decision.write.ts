import type { JointItemDto, JointKind, MeetingDecisionDto } from '@uc/contracts';
import { meetingDecisions } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { assertCanWrite, auditToParties, findAgreement, findParties, partyBySlug } from '../agreement/index.ts';
import { getJointItem, insertJointItem } from '../jointItem/index.ts';
import { MEETING_STATES, MEETING_WRITERS } from './mechanism.access.ts';
import { findDecision, findMeeting, toDecisionDto } from './meeting.repo.ts';

/** Records a decision (会议议定事项) of the meeting. */
export async function addDecision(ctx: ServiceCtx, input: { meetingId: string; text: string }): Promise<MeetingDecisionDto> {
  const m = await findMeeting(ctx, input.meetingId);
  const a = await findAgreement(ctx, m.agreementId);
  assertCanWrite(ctx, a, MEETING_STATES, MEETING_WRITERS);
  const parties = await findParties(ctx, a);
  const [d] = await ctx.db
    .insert(meetingDecisions)
    .values({ tenantId: m.tenantId, meetingId: m.id, agreementId: a.id, text: input.text, createdByTenantId: ctx.tenantId, createdAt: ctx.now })
    .returning();
  await auditToParties(ctx, parties, { type: 'meeting.decision_added', entityType: 'meeting_decision', entityId: d!.id, data: { agreementId: a.id, meetingId: m.id } });
  return toDecisionDto(d!, parties);
}

export interface DecisionToItemInput {
  decisionId: string;
  kind: JointKind;
  title?: string | undefined;
  description?: string | undefined;
  leadSlug: string;
  startDate?: string | undefined;
  endDate?: string | undefined;
}

/**
 * Turns a decision into a joint item in one step ("会议议定事项纳入工作清单"): the item's source is
 * the meeting and its source_ref the decision, which records the item. A decision becomes one
 * item only: the decision row is locked, and a second conversion answers CONFLICT.
 */
export async function decisionToItem(ctx: ServiceCtx, input: DecisionToItemInput): Promise<JointItemDto> {
  const d = await findDecision(ctx, input.decisionId, { forUpdate: true });
  const a = await findAgreement(ctx, d.agreementId);
  assertCanWrite(ctx, a, MEETING_STATES, MEETING_WRITERS);
  if (d.jointItemId) throw new AppError('CONFLICT', { jointItemId: d.jointItemId });
  const parties = await findParties(ctx, a);
  const lead = partyBySlug(parties, input.leadSlug, 'leadSlug');
  const m = await findMeeting(ctx, d.meetingId);
  const startDate = input.startDate ?? m.meetingDate;
  const endDate = input.endDate ?? a.termEnd;
  if (endDate < startDate) throw new AppError('BAD_INPUT', { fields: { endDate: 'term_order' } });
  const item = await insertJointItem(ctx, a, parties, {
    kind: input.kind,
    // a decision may be long; a title holds 120 characters
    title: input.title ?? Array.from(d.text).slice(0, 120).join('').trim(),
    description: input.description ?? d.text,
    leadTenantId: lead.tenantId,
    startDate,
    endDate,
    source: 'meeting',
    sourceRef: d.id,
  });
  await ctx.db
    .update(meetingDecisions)
    .set({ jointItemId: item.id })
    .where(and(eq(meetingDecisions.tenantId, d.tenantId), eq(meetingDecisions.id, d.id)));
  return getJointItem(ctx, item.id);
}
