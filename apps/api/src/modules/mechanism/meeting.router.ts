import {
  byId,
  decisionToItemInput,
  jointItemDto,
  meetingAddDecisionInput,
  meetingCreateInput,
  meetingDecisionDto,
  meetingDto,
  meetingHostDto,
  meetingListInput,
  meetingNextHostInput,
  meetingSummaryDto,
  meetingUpdateInput,
  onceInput,
} from '@uc/contracts';
import { z } from 'zod';
import { roleProcedure, router, staffProcedure } from '../../trpc.ts';
import { MEETING_WRITERS } from './mechanism.access.ts';
import { addDecision, decisionToItem } from './decision.write.ts';
import { proposeHost } from './host.query.ts';
import { getMeeting, listMeetings } from './meeting.query.ts';
import { createMeeting, updateMeeting } from './meeting.write.ts';

const writer = roleProcedure(...MEETING_WRITERS);

export const meetingRouter = router({
  list: staffProcedure.input(meetingListInput).output(z.array(meetingSummaryDto)).query(({ ctx, input }) => listMeetings(ctx.svc, input.agreementId)),
  get: staffProcedure.input(byId).output(meetingDto).query(({ ctx, input }) => getMeeting(ctx.svc, input.id)),
  nextHost: staffProcedure.input(meetingNextHostInput).output(meetingHostDto).query(({ ctx, input }) => proposeHost(ctx.svc, input)),
  create: writer.input(meetingCreateInput).input(onceInput).output(meetingDto).mutation(({ ctx, input }) => createMeeting(ctx.svc, input)),
  update: writer.input(meetingUpdateInput).output(meetingDto).mutation(({ ctx, input }) => updateMeeting(ctx.svc, input)),
  addDecision: writer.input(meetingAddDecisionInput).input(onceInput).output(meetingDecisionDto).mutation(({ ctx, input }) => addDecision(ctx.svc, input)),
  decisionToItem: writer.input(decisionToItemInput).output(jointItemDto).mutation(({ ctx, input }) => decisionToItem(ctx.svc, input)),
});
