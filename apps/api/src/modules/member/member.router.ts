import {
  activateAccountInput,
  meDto,
  requestActivationInput,
  byId,
  ID_NUMBER_ROLES,
  memberCreateInput,
  memberDto,
  memberSmsInviteDto,
  memberSmsInviteInput,
  memberFileDto,
  memberFilterInput,
  memberIdNumberDto,
  memberImportDto,
  memberImportInput,
  memberListDto,
  memberListInput,
  memberUpdateInput,
  onceInput,
} from '@uc/contracts';
import { z } from 'zod';
import { publicProcedure, roleProcedure, router, staffProcedure, type RequestCtx } from '../../trpc.ts';
import { meOfNewSession, sessionCookie } from '../auth/index.ts';
import { activateAccount, requestActivationCode } from './account.write.ts';
import { exportMembers, memberImportTemplate } from './member.export.ts';
import { importMembers } from './member.import.ts';
import { inviteMembersBySms } from './invitation.write.ts';
import { listMembers, readMember } from './member.query.ts';
import { revealIdNumber } from './idNumber.query.ts';
import { createMember, deleteMember, updateMember } from './member.write.ts';

/** staff of any role read members; admins and officers change them */
const writerProcedure = roleProcedure('admin', 'officer');
/** the roles whose work needs a member's full ID number */
const idNumberProcedure = roleProcedure(...ID_NUMBER_ROLES);
const ok = z.object({ ok: z.boolean() });

const publicCtx = (ctx: RequestCtx) => ({ db: ctx.db, now: ctx.now(), ip: ctx.ip, userAgent: ctx.userAgent, env: ctx.env });

export const memberRouter = router({
  /** a member asks for an activation code by SMS (always ok: no oracle of who is a member) */
  requestActivationCode: publicProcedure
    .input(requestActivationInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => (await requestActivationCode(publicCtx(ctx), input), { ok: true })),
  /** the code, and a password: the member account exists and is signed in */
  activateAccount: publicProcedure
    .input(activateAccountInput)
    .output(meDto)
    .mutation(async ({ ctx, input }) => {
      const session = await activateAccount(publicCtx(ctx), input);
      ctx.resHeaders.append('Set-Cookie', sessionCookie(session.token, session.expiresAt, ctx.secure));
      return meOfNewSession(publicCtx(ctx), session.token);
    }),
  list: staffProcedure
    .input(memberListInput)
    .output(memberListDto)
    .query(({ ctx, input }) => listMembers(ctx.svc, input)),
  get: staffProcedure
    .input(byId)
    .output(memberDto)
    .query(({ ctx, input }) => readMember(ctx.svc, input.id)),
  create: writerProcedure
    .input(memberCreateInput).input(onceInput)
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
    .input(memberImportInput).input(onceInput)
    .output(memberImportDto)
    .mutation(({ ctx, input }) => importMembers(ctx.svc, input)),
  /** SMS to the chosen members who have no account yet: the address of the activation page */
  inviteBySms: writerProcedure
    .input(memberSmsInviteInput).input(onceInput)
    .output(memberSmsInviteDto)
    .mutation(({ ctx, input }) => inviteMembersBySms(ctx.svc, input)),
  exportXlsx: staffProcedure
    .input(memberFilterInput)
    .output(memberFileDto)
    .query(({ ctx, input }) => exportMembers(ctx.svc, input)),
  importTemplate: staffProcedure.output(memberFileDto).query(({ ctx }) => memberImportTemplate(ctx.svc)),
});
