import { byId, liaisonCreateInput, liaisonDeleteInput, liaisonListInput, liaisonPairDto, liaisonUpdateInput, onceInput } from '@uc/contracts';
import { z } from 'zod';
import { roleProcedure, router, staffProcedure } from '../../trpc.ts';
import { getLiaisonPair, listLiaisonPairs } from './liaison.query.ts';
import { createLiaisonPair, deleteLiaisonPair, updateLiaisonPair } from './liaison.write.ts';
import { LIAISON_WRITERS } from './mechanism.access.ts';

const writer = roleProcedure(...LIAISON_WRITERS);

export const liaisonRouter = router({
  list: staffProcedure.input(liaisonListInput).output(z.array(liaisonPairDto)).query(({ ctx, input }) => listLiaisonPairs(ctx.svc, input.agreementId)),
  get: staffProcedure.input(byId).output(liaisonPairDto).query(({ ctx, input }) => getLiaisonPair(ctx.svc, input.id)),
  create: writer.input(liaisonCreateInput).input(onceInput).output(liaisonPairDto).mutation(({ ctx, input }) => createLiaisonPair(ctx.svc, input)),
  update: writer.input(liaisonUpdateInput).output(liaisonPairDto).mutation(({ ctx, input }) => updateLiaisonPair(ctx.svc, input)),
  delete: writer.input(liaisonDeleteInput).output(z.object({ id: z.string() })).mutation(({ ctx, input }) => deleteLiaisonPair(ctx.svc, input)),
});
