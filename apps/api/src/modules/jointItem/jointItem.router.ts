import {
  activityDto,
  activityListInput,
  attachmentDto,
  attachmentFileDto,
  attachmentUploadInput,
  boardDto,
  boardInput,
  byId,
  itemPageDto,
  jointItemCreateInput,
  jointItemDto,
  jointItemListInput,
  jointItemSetStatusInput,
  jointItemUpdateInput,
  jointItemUpdateSideInput,
  milestoneConfirmInput,
  milestoneCreateInput,
  milestoneDeleteInput,
  milestoneDto,
  milestoneListInput,
  milestoneReopenInput,
  milestoneSetOwnerInput,
  milestoneUpdateInput,
  myItemDto,
  myItemsInput,
  progressListInput,
  progressPostInput,
  progressUpdateDto,
  timelineDto,
  workPlanExportInput,
  workPlanFileDto,
  workPlanImportDto,
  workPlanImportInput,
  onceInput,
} from '@uc/contracts';
import { z } from 'zod';
import { roleProcedure, router, staffProcedure } from '../../trpc.ts';
import { listActivity } from './activity.query.ts';
import { uploadAttachment } from './attachment.write.ts';
import { getAttachmentFile } from './attachment.query.ts';
import { ITEM_WRITERS } from './jointItem.access.ts';
import { getJointItem, listJointItems } from './jointItem.query.ts';
import { createJointItem, setJointItemStatus, updateJointItem, updateJointItemSide } from './jointItem.write.ts';
import { confirmMilestone, reopenMilestone } from './confirmation.write.ts';
import { listMilestones } from './milestone.query.ts';
import { createMilestone, deleteMilestone, setMilestoneOwner, updateMilestone } from './milestone.write.ts';
import { postProgressUpdate } from './progress.write.ts';
import { listProgressUpdates } from './progress.query.ts';
import { agreementBoard, agreementTimeline } from './board.query.ts';
import { itemPage } from './itemPage.query.ts';
import { myItems } from './myItem.query.ts';
import { exportAllWorkPlans, exportWorkPlan } from './workPlan.export.ts';
import { importWorkPlan } from './workPlan.import.ts';

// Reads are open to the parties' staff; writes to their leads and admins (ITEM_WRITERS). Which
// side may change what is decided in the services (lead federation: core fields; each side: its own).
const writer = roleProcedure(...ITEM_WRITERS);

const milestoneRouter = router({
  list: staffProcedure.input(milestoneListInput).output(z.array(milestoneDto)).query(({ ctx, input }) => listMilestones(ctx.svc, input.itemId)),
  create: writer.input(milestoneCreateInput).input(onceInput).output(milestoneDto).mutation(({ ctx, input }) => createMilestone(ctx.svc, input)),
  update: writer.input(milestoneUpdateInput).output(milestoneDto).mutation(({ ctx, input }) => updateMilestone(ctx.svc, input)),
  setOwner: writer.input(milestoneSetOwnerInput).output(milestoneDto).mutation(({ ctx, input }) => setMilestoneOwner(ctx.svc, input)),
  confirm: writer.input(milestoneConfirmInput).output(milestoneDto).mutation(({ ctx, input }) => confirmMilestone(ctx.svc, input)),
  reopen: writer.input(milestoneReopenInput).output(milestoneDto).mutation(({ ctx, input }) => reopenMilestone(ctx.svc, input)),
  delete: writer.input(milestoneDeleteInput).output(z.object({ id: z.string() })).mutation(({ ctx, input }) => deleteMilestone(ctx.svc, input)),
});

const progressRouter = router({
  list: staffProcedure.input(progressListInput).output(z.array(progressUpdateDto)).query(({ ctx, input }) => listProgressUpdates(ctx.svc, input.itemId)),
  post: writer.input(progressPostInput).input(onceInput).output(progressUpdateDto).mutation(({ ctx, input }) => postProgressUpdate(ctx.svc, input)),
});

const attachmentRouter = router({
  /** base64 in the body (the server allows this path a larger body) */
  upload: writer.input(attachmentUploadInput).input(onceInput).output(attachmentDto).mutation(({ ctx, input }) => uploadAttachment(ctx.svc, input)),
  /** the file itself; the GET route /api/joint-items/attachments/<id> serves it with its Content-Type */
  file: staffProcedure.input(byId).output(attachmentFileDto).query(({ ctx, input }) => getAttachmentFile(ctx.svc, input.id)),
});

export const jointItemRouter = router({
  list: staffProcedure.input(jointItemListInput).output(z.array(jointItemDto)).query(({ ctx, input }) => listJointItems(ctx.svc, input.agreementId)),
  get: staffProcedure.input(byId).output(jointItemDto).query(({ ctx, input }) => getJointItem(ctx.svc, input.id)),
  create: writer.input(jointItemCreateInput).input(onceInput).output(jointItemDto).mutation(({ ctx, input }) => createJointItem(ctx.svc, input)),
  update: writer.input(jointItemUpdateInput).output(jointItemDto).mutation(({ ctx, input }) => updateJointItem(ctx.svc, input)),
  setStatus: writer.input(jointItemSetStatusInput).output(jointItemDto).mutation(({ ctx, input }) => setJointItemStatus(ctx.svc, input)),
  updateSide: writer.input(jointItemUpdateSideInput).output(jointItemDto).mutation(({ ctx, input }) => updateJointItemSide(ctx.svc, input)),
  page: staffProcedure.input(byId).output(itemPageDto).query(({ ctx, input }) => itemPage(ctx.svc, input.id)),
  myItems: staffProcedure.input(myItemsInput).output(z.array(myItemDto)).query(({ ctx, input }) => myItems(ctx.svc, input)),
  board: staffProcedure.input(boardInput).output(boardDto).query(({ ctx, input }) => agreementBoard(ctx.svc, input.agreementId)),
  timeline: staffProcedure.input(boardInput).output(timelineDto).query(({ ctx, input }) => agreementTimeline(ctx.svc, input.agreementId)),
  activity: staffProcedure.input(activityListInput).output(z.array(activityDto)).query(({ ctx, input }) => listActivity(ctx.svc, input)),
  exportWorkPlan: staffProcedure.input(workPlanExportInput).output(workPlanFileDto).query(({ ctx, input }) => exportWorkPlan(ctx.svc, input.agreementId)),
  /** the joint items of all the federation's agreements, one sheet per agreement (GET /api/t/<slug>/joint-items.xlsx) */
  exportAll: staffProcedure.output(workPlanFileDto).query(({ ctx }) => exportAllWorkPlans(ctx.svc)),
  importWorkPlan: writer.input(workPlanImportInput).input(onceInput).output(workPlanImportDto).mutation(({ ctx, input }) => importWorkPlan(ctx.svc, input)),
  milestone: milestoneRouter,
  progress: progressRouter,
  attachment: attachmentRouter,
});
