import {
  memberResetRequestInput,
  mobileSignInInput,
  resetPasswordInput,
  smsResetInput,
  staffResetRequestInput,
  acceptInvitationInput,
  changePasswordInput,
  invitationPreviewDto,
  meDto,
  revokeSessionInput,
  sessionDto,
  setLocaleInput,
  signInInput,
  type Role,
} from '@uc/contracts';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { UserCtx } from '../../service.ts';
import { authedProcedure, publicProcedure, requireRoles, router, tenantContext, toTrpcError, type RequestCtx } from '../../trpc.ts';
import { acceptInvitation } from './invitation.write.ts';
import { previewInvitation } from './invitation.query.ts';
import { changePassword, confirmPassword, revokeMySession, setLocale, signIn, signOut } from './auth.write.ts';
import { getMe, listMySessions, meOfNewSession } from './auth.query.ts';
import { blankSessionCookie, sessionCookie } from './session.write.ts';
import { requestMemberReset, requestStaffReset, resetPasswordBySms, resetPasswordWithToken, signInByMobile } from './reset.write.ts';

/** The services' context for a request without a federation (as tenant procedures build ctx.svc). */
const userCtx = (ctx: RequestCtx): UserCtx => ({ db: ctx.db, now: ctx.now(), ip: ctx.ip, userAgent: ctx.userAgent });

const ok = z.object({ ok: z.boolean() });

export const authRouter = router({
  /** a member account: mobile + password */
  signInMobile: publicProcedure
    .input(mobileSignInInput)
    .output(meDto)
    .mutation(async ({ ctx, input }) => {
      const session = await signInByMobile(userCtx(ctx), input);
      ctx.resHeaders.append('Set-Cookie', sessionCookie(session.token, session.expiresAt, ctx.secure));
      return meOfNewSession(userCtx(ctx), session.token);
    }),
  /** staff forgot their password: a reset link by email (always ok: no oracle of who has an account) */
  requestPasswordReset: publicProcedure
    .input(staffResetRequestInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => (await requestStaffReset({ ...userCtx(ctx), env: ctx.env }, input), { ok: true })),
  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => (await resetPasswordWithToken(userCtx(ctx), input), { ok: true })),
  /** a member forgot their password: an SMS code (always ok) */
  requestSmsReset: publicProcedure
    .input(memberResetRequestInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => (await requestMemberReset(userCtx(ctx), input), { ok: true })),
  resetPasswordBySms: publicProcedure
    .input(smsResetInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => (await resetPasswordBySms(userCtx(ctx), input), { ok: true })),
  signIn: publicProcedure
    .input(signInInput)
    .output(meDto)
    .mutation(async ({ ctx, input }) => {
      const session = await signIn(userCtx(ctx), input);
      ctx.resHeaders.append('Set-Cookie', sessionCookie(session.token, session.expiresAt, ctx.secure));
      return meOfNewSession(userCtx(ctx), session.token);
    }),
  signOut: authedProcedure.output(z.object({ ok: z.boolean() })).mutation(async ({ ctx }) => {
    await signOut(userCtx(ctx), ctx.auth);
    ctx.resHeaders.append('Set-Cookie', blankSessionCookie(ctx.secure));
    return { ok: true };
  }),
  me: publicProcedure.output(meDto).query(({ ctx }) => (ctx.auth ? getMe(userCtx(ctx), ctx.auth) : null)),
  sessions: authedProcedure.output(z.array(sessionDto)).query(({ ctx }) => listMySessions(userCtx(ctx), ctx.auth)),
  revokeSession: authedProcedure
    .input(revokeSessionInput)
    .output(z.object({ ok: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await revokeMySession(userCtx(ctx), ctx.auth, input.id);
      return { ok: true };
    }),
  changePassword: authedProcedure
    .input(changePasswordInput)
    .output(z.object({ ok: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await changePassword(userCtx(ctx), ctx.auth, input);
      return { ok: true };
    }),
  setLocale: authedProcedure
    .input(setLocaleInput)
    .output(z.object({ ok: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await setLocale(userCtx(ctx), ctx.auth, input.locale);
      return { ok: true };
    }),
  previewInvitation: publicProcedure
    .input(z.object({ token: z.string().min(10).max(200) }))
    .output(invitationPreviewDto)
    .query(({ ctx, input }) => previewInvitation(userCtx(ctx), input.token)),
  acceptInvitation: publicProcedure
    .input(acceptInvitationInput)
    .output(meDto)
    .mutation(async ({ ctx, input }) => {
      const session = await acceptInvitation(userCtx(ctx), input);
      ctx.resHeaders.append('Set-Cookie', sessionCookie(session.token, session.expiresAt, ctx.secure));
      return meOfNewSession(userCtx(ctx), session.token);
    }),
});

/**
 * A role procedure whose input carries the user's password again (signing). The password is
 * checked under the sign-in throttle BEFORE the tenant transaction opens: a wrong guess must be
 * counted although the request fails, and PGlite's one connection must not be asked twice.
 */
export const passwordConfirmedProcedure = (...roles: Role[]) =>
  authedProcedure
    .use(async ({ ctx, getRawInput, next }) => {
      const raw = await getRawInput();
      const password = raw && typeof raw === 'object' && 'password' in raw && typeof raw.password === 'string' ? raw.password : '';
      if (!(await confirmPassword(userCtx(ctx), ctx.auth.user.id, password))) {
        throw toTrpcError(new AppError('INVALID_CREDENTIALS'));
      }
      return next();
    })
    .use(tenantContext)
    .use(requireRoles(roles));
