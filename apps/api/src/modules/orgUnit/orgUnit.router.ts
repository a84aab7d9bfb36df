import { byId, orgUnitCreateInput, orgUnitDto, orgUnitSearchDto, orgUnitSearchInput, orgUnitUpdateInput, onceInput } from '@uc/contracts';
import { z } from 'zod';
import { roleProcedure, router, staffProcedure } from '../../trpc.ts';
import { listOrgUnits, searchOrgUnits } from './orgUnit.query.ts';
import { createOrgUnit, deleteOrgUnit, updateOrgUnit } from './orgUnit.write.ts';

const adminProcedure = roleProcedure('admin');
const ok = z.object({ ok: z.boolean() });

export const orgUnitRouter = router({
  list: staffProcedure.output(z.array(orgUnitDto)).query(({ ctx }) => listOrgUnits(ctx.svc)),
  /** units by name or code, with their ancestors' names */
  search: staffProcedure
    .input(orgUnitSearchInput)
    .output(orgUnitSearchDto)
    .query(({ ctx, input }) => searchOrgUnits(ctx.svc, input.q)),
  create: adminProcedure
    .input(orgUnitCreateInput).input(onceInput)
    .output(orgUnitDto)
    .mutation(({ ctx, input }) => createOrgUnit(ctx.svc, input)),
  update: adminProcedure
    .input(orgUnitUpdateInput)
    .output(orgUnitDto)
    .mutation(({ ctx, input }) => updateOrgUnit(ctx.svc, input)),
  delete: adminProcedure
    .input(byId)
    .output(ok)
    .mutation(async ({ ctx, input }) => (await deleteOrgUnit(ctx.svc, input.id), { ok: true })),
});
