import { byId, invitationDto, inviteInput, inviteResultDto, onceInput, removeStaffInput, staffDto, updateRolesInput, updateStaffPersonInput } from '@uc/contracts';
import { z } from 'zod';
import { roleProcedure, router, staffProcedure } from '../../trpc.ts';
import { inviteStaff, revokeInvitation } from './invitation.write.ts';
import { listInvitations } from './invitation.query.ts';
import { removeStaff, updateStaffPerson, updateStaffRoles } from './staff.write.ts';
import { listStaff } from './staff.query.ts';

const adminProcedure = roleProcedure('admin');
const ok = z.object({ ok: z.boolean() });

export const staffRouter = router({
  list: staffProcedure.output(z.array(staffDto)).query(({ ctx }) => listStaff(ctx.svc)),
  updateRoles: adminProcedure
    .input(updateRolesInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => (await updateStaffRoles(ctx.svc, input), { ok: true })),
  updatePerson: adminProcedure
    .input(updateStaffPersonInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => (await updateStaffPerson(ctx.svc, input), { ok: true })),
  remove: adminProcedure
    .input(removeStaffInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => (await removeStaff(ctx.svc, input.membershipId), { ok: true })),
  invitations: adminProcedure.output(z.array(invitationDto)).query(({ ctx }) => listInvitations(ctx.svc)),
  invite: adminProcedure
    .input(inviteInput).input(onceInput)
    .output(inviteResultDto)
    .mutation(({ ctx, input }) => inviteStaff(ctx.svc, input)),
  revokeInvitation: adminProcedure
    .input(byId)
    .output(ok)
    .mutation(async ({ ctx, input }) => (await revokeInvitation(ctx.svc, input.id), { ok: true })),
});
