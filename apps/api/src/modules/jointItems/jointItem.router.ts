import { byId, jointItemDto, jointItemListInput } from '@uc/contracts';
import { z } from 'zod';
import { router, staffProcedure } from '../../trpc.ts';
import { getJointItem, listJointItems } from './jointItem.query.ts';

// Read-only for now; issue 4 ("Joint items") adds editing, milestones and progress.
export const jointItemRouter = router({
  list: staffProcedure.input(jointItemListInput).output(z.array(jointItemDto)).query(({ ctx, input }) => listJointItems(ctx.svc, input.agreementId)),
  get: staffProcedure.input(byId).output(jointItemDto).query(({ ctx, input }) => getJointItem(ctx.svc, input.id)),
});
