import {
  byId,
  ID_NUMBER_ROLES,
  memberCreateInput,
  memberDto,
  memberFileDto,
  memberFilterInput,
  memberIdNumberDto,
  memberImportDto,
  memberImportInput,
  memberListDto,
  memberListInput,
  memberUpdateInput,
} from '@uc/contracts';
import { z } from 'zod';
import { roleProcedure, router, staffProcedure } from '../../trpc.ts';
import { exportMembers, memberImportTemplate } from './member.export.ts';
import { importMembers } from './member.import.ts';
import { listMembers } from './member.query.ts';
import { getMember } from './member.repo.ts';
import { revealIdNumber } from './idNumber.query.ts';
import { createMember, deleteMember, updateMember } from './member.write.ts';

/** staff of any role read members; admins and officers change them */
const writerProcedure = roleProcedure('admin', 'officer');
/** the roles whose work needs a member's full ID number */
const idNumberProcedure = roleProcedure(...ID_NUMBER_ROLES);
const ok = z.object({ ok: z.boolean() });

export const memberRouter = router({
  list: staffProcedure
    .input(memberListInput)
    .output(memberListDto)
    .query(({ ctx, input }) => listMembers(ctx.svc, input)),
  get: staffProcedure
    .input(byId)
    .output(memberDto)
    .query(({ ctx, input }) => getMember(ctx.svc, input.id)),
  create: writerProcedure
    .input(memberCreateInput)
    .output(memberDto)
    .mutation(({ ctx, input }) => createMember(ctx.svc, input)),
  update: writerProcedure
    .input(memberUpdateInput)
    .output(memberDto)
    .mutation(({ ctx, input }) => updateMember(ctx.svc, input)),
  delete: writerProcedure
    .input(byId)
    .output(ok)
    .mutation(async ({ ctx, input }) => (await deleteMember(ctx.svc, input.id), { ok: true })),
  revealIdNumber: idNumberProcedure
    .input(byId)
    .output(memberIdNumberDto)
    .mutation(({ ctx, input }) => revealIdNumber(ctx.svc, input.id)),
  import: writerProcedure
    .input(memberImportInput)
    .output(memberImportDto)
    .mutation(({ ctx, input }) => importMembers(ctx.svc, input)),
  exportXlsx: staffProcedure
    .input(memberFilterInput)
    .output(memberFileDto)
    .query(({ ctx, input }) => exportMembers(ctx.svc, input)),
  importTemplate: staffProcedure.output(memberFileDto).query(({ ctx }) => memberImportTemplate(ctx.svc)),
});
