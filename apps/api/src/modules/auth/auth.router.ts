import {
  acceptInvitationInput,
  changePasswordInput,
  invitationPreviewDto,
  meDto,
  revokeSessionInput,
  sessionDto,
  setLocaleInput,
  signInInput,
} from '@uc/contracts';
import { z } from 'zod';
import { authedProcedure, publicProcedure, router, type RequestCtx } from '../../trpc.ts';
import { acceptInvitation, previewInvitation } from '../staff/invitation.service.ts';
import { changePassword, getMe, listMySessions, revokeMySession, setLocale, signIn, signOut } from './auth.service.ts';
import { blankSessionCookie, sessionCookie, validateSessionToken } from './session.ts';

const meta = (ctx: RequestCtx) => ({ ip: ctx.ip, userAgent: ctx.userAgent, now: ctx.now() });

export const authRouter = router({
  signIn: publicProcedure
    .input(signInInput)
    .output(meDto)
    .mutation(async ({ ctx, input }) => {
      const session = await signIn(ctx.db, input, meta(ctx));
      ctx.resHeaders.append('Set-Cookie', sessionCookie(session.token, session.expiresAt, ctx.secure));
      const auth = await validateSessionToken(ctx.db, session.token, ctx.now());
      return getMe(ctx.db, auth!);
    }),
  signOut: authedProcedure.output(z.object({ ok: z.boolean() })).mutation(async ({ ctx }) => {
    await signOut(ctx.db, ctx.auth);
    ctx.resHeaders.append('Set-Cookie', blankSessionCookie(ctx.secure));
    return { ok: true };
  }),
  me: publicProcedure.output(meDto).query(({ ctx }) => (ctx.auth ? getMe(ctx.db, ctx.auth) : null)),
  sessions: authedProcedure.output(z.array(sessionDto)).query(({ ctx }) => listMySessions(ctx.db, ctx.auth)),
  revokeSession: authedProcedure
    .input(revokeSessionInput)
    .output(z.object({ ok: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await revokeMySession(ctx.db, ctx.auth, input.id);
      return { ok: true };
    }),
  changePassword: authedProcedure
    .input(changePasswordInput)
    .output(z.object({ ok: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await changePassword(ctx.db, ctx.auth, input, meta(ctx));
      return { ok: true };
    }),
  setLocale: authedProcedure
    .input(setLocaleInput)
    .output(z.object({ ok: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await setLocale(ctx.db, ctx.auth, input.locale);
      return { ok: true };
    }),
  previewInvitation: publicProcedure
    .input(z.object({ token: z.string().min(10).max(200) }))
    .output(invitationPreviewDto)
    .query(({ ctx, input }) => previewInvitation(ctx.db, input.token, ctx.now())),
  acceptInvitation: publicProcedure
    .input(acceptInvitationInput)
    .output(meDto)
    .mutation(async ({ ctx, input }) => {
      const session = await acceptInvitation(ctx.db, input, meta(ctx));
      ctx.resHeaders.append('Set-Cookie', sessionCookie(session.token, session.expiresAt, ctx.secure));
      const auth = await validateSessionToken(ctx.db, session.token, ctx.now());
      return getMe(ctx.db, auth!);
    }),
});
