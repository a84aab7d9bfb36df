import { federationCreateInput, federationReactivateInput, federationSuspendInput, nationalYearDto, nationalYearInput, platformAuditDto, platformAuditVerifyDto, platformFederationDto } from '@uc/contracts';
import { z } from 'zod';
import { operatorProcedure, router, type RequestCtx } from '../../trpc.ts';
import { nationalCalendarYears } from './calendar.query.ts';
import { setNationalYear } from './calendar.write.ts';
import { listPlatformFederations } from './federation.query.ts';
import { createFederation, reactivateFederation, suspendFederation } from './federation.write.ts';
import type { PlatformCtx } from './platform.types.ts';
import { listPlatformAudit, verifyPlatformAudit } from './platformAudit.query.ts';

const platformCtx = (ctx: RequestCtx & { auth: NonNullable<RequestCtx['auth']> }): PlatformCtx => ({
  db: ctx.db,
  now: ctx.now(),
  actor: { userId: ctx.auth.user.id, label: ctx.auth.user.email, ip: ctx.ip },
  env: ctx.env,
});
const ok = z.object({ ok: z.boolean() });

/** The platform operator's procedures: onboarding, suspending and reactivating federations, the platform audit chain. */
export const platformRouter = router({
  federations: operatorProcedure.output(z.array(platformFederationDto)).query(({ ctx }) => listPlatformFederations(platformCtx(ctx))),
  createFederation: operatorProcedure
    .input(federationCreateInput)
    .output(z.object({ id: z.string(), slug: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { id, slug } = await createFederation(platformCtx(ctx), input);
      return { id, slug };
    }),
  suspend: operatorProcedure.input(federationSuspendInput).output(ok).mutation(async ({ ctx, input }) => (await suspendFederation(platformCtx(ctx), input), { ok: true })),
  reactivate: operatorProcedure.input(federationReactivateInput).output(ok).mutation(async ({ ctx, input }) => (await reactivateFederation(platformCtx(ctx), input), { ok: true })),
  calendar: operatorProcedure.output(z.array(nationalYearDto)).query(({ ctx }) => nationalCalendarYears(platformCtx(ctx))),
  setCalendarYear: operatorProcedure.input(nationalYearInput).output(z.object({ year: z.number() })).mutation(({ ctx, input }) => setNationalYear(platformCtx(ctx), input)),
  audit: operatorProcedure.output(z.array(platformAuditDto)).query(({ ctx }) => listPlatformAudit(platformCtx(ctx))),
  verifyAudit: operatorProcedure.output(platformAuditVerifyDto).query(({ ctx }) => verifyPlatformAudit(platformCtx(ctx))),
});
