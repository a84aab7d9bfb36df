import { randomUUID } from 'node:crypto';
import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { rolesFor, type ErrorCode, type Role } from '@uc/contracts';
import { errorMessage, validationMessage } from '@uc/contracts/i18n';
import { APP_ROLE, rowsOf, type Db } from '@uc/db';
import { sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import type { Env } from './env.ts';
import { AppError } from './errors.ts';
import type { AuthSession } from './modules/auth/index.ts';
import type { Actor, ServiceCtx } from './service.ts';

export interface RequestCtx {
  db: Db;
  env: Env;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** from X-Tenant (a federation slug); the tenant procedures act in it */
  tenantSlug: string | null;
  locale: string;
  secure: boolean;
  auth: AuthSession | null;
  /** headers to add to the response (Set-Cookie) */
  resHeaders: Headers;
  now: () => Date;
}

const TRPC_CODE: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_INPUT: 'BAD_REQUEST',
  CONFLICT: 'CONFLICT',
  STALE_VERSION: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  CSRF: 'FORBIDDEN',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INVITATION_INVALID: 'NOT_FOUND',
  DUPLICATE_ID_NUMBER: 'CONFLICT',
  ORG_UNIT_NOT_EMPTY: 'CONFLICT',
  ORG_UNIT_CYCLE: 'BAD_REQUEST',
  LAST_ADMIN: 'CONFLICT',
  ALREADY_MEMBER: 'CONFLICT',
  INVALID_TRANSITION: 'CONFLICT',
  ITEM_TRANSITION: 'CONFLICT',
  ALREADY_SIGNED: 'CONFLICT',
  HASH_MISMATCH: 'CONFLICT',
  NOT_ELIGIBLE: 'PRECONDITION_FAILED',
  QUOTA_EXHAUSTED: 'CONFLICT',
  BOOKING_CLOSED: 'CONFLICT',
  BOOKING_STATE: 'CONFLICT',
  FEDERATION_SUSPENDED: 'FORBIDDEN',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

const FROM_TRPC: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_REQUEST: 'BAD_INPUT',
  PARSE_ERROR: 'BAD_INPUT',
  METHOD_NOT_SUPPORTED: 'BAD_INPUT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  CONFLICT: 'CONFLICT',
};

export function toTrpcError(e: AppError): TRPCError {
  return new TRPCError({ code: TRPC_CODE[e.code], message: e.code, cause: e });
}

/** Field errors of a zod failure, in the user's language: { 'honours.0.validFrom': '日期格式应为 YYYY-MM-DD' } */
function fieldErrors(err: ZodError, locale: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of err.issues) {
    const path = issue.path.join('.') || '_';
    if (out[path]) continue;
    const key = issue.message && /^[a-z_]+$/.test(issue.message) ? issue.message : issue.code;
    out[path] = validationMessage(key, locale);
  }
  return out;
}

const t = initTRPC.context<RequestCtx>().create({
  errorFormatter({ shape, error, ctx }) {
    const locale = ctx?.locale ?? 'zh-CN';
    const cause = error.cause;
    let code: ErrorCode;
    let details: Record<string, unknown> = {};
    if (cause instanceof AppError) {
      code = cause.code;
      details = cause.details;
    } else if (cause instanceof ZodError) {
      code = 'BAD_INPUT';
      details = { fields: fieldErrors(cause, locale) };
    } else if (error.code === 'INTERNAL_SERVER_ERROR') {
      // Never show SQL or a stack: log it under the request id and say something generic.
      code = 'INTERNAL';
      console.error(`[${ctx?.requestId ?? '-'}]`, error.cause ?? error);
      details = { requestId: ctx?.requestId ?? randomUUID() };
    } else {
      code = FROM_TRPC[error.code] ?? 'INTERNAL';
    }
    return {
      code: shape.code,
      message: errorMessage(code, locale),
      data: { code, httpStatus: shape.data.httpStatus, path: shape.data.path, details },
    };
  },
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;

/** Maps AppError thrown anywhere below to its tRPC code. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError && result.error.code === 'INTERNAL_SERVER_ERROR') {
    const app = result.error.cause;
    return { ...result, error: toTrpcError(app) } as typeof result;
  }
  return result;
});

export const publicProcedure = t.procedure.use(appErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.auth) throw toTrpcError(new AppError('UNAUTHORIZED'));
  return next({ ctx: { ...ctx, auth: ctx.auth } });
});

/** The platform operator (a global role, no federation): onboarding and suspending federations. */
export const operatorProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.auth.user.platformRole !== 'operator') throw toTrpcError(new AppError('FORBIDDEN'));
  return next();
});

/**
 * Resolves the federation from X-Tenant, checks the user's membership there, and runs the
 * procedure in one transaction with that tenant's context. A federation the user does not
 * belong to answers NOT_FOUND, like one that does not exist.
 */
export const tenantContext = t.middleware(async ({ ctx, next, path }) => {
  const slug = ctx.tenantSlug;
  const user = ctx.auth?.user;
  if (!user) throw toTrpcError(new AppError('UNAUTHORIZED'));
  if (!slug) throw toTrpcError(new AppError('NOT_FOUND'));
  try {
    return await ctx.db.transaction(async (raw) => {
      const tx = raw as unknown as Db;
      await tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.user_id', ${user.id}, true)`);
      // The membership policy lets a user read their own rows; finding one sets the tenant for the rest of the transaction.
      const [membership] = rowsOf<{ tenant_id: string; roles: Role[]; member_id: string | null; org_unit_id: string | null; status: string }>(
        await tx.execute(sql`
          select m.tenant_id, m.roles, m.member_id, m.org_unit_id, f.status, set_config('app.tenant_id', m.tenant_id::text, true)
          from membership m join federation f on f.id = m.tenant_id
          where f.slug = ${slug} and m.user_id = ${user.id} and m.status = 'active'`),
      );
      if (!membership) throw toTrpcError(new AppError('NOT_FOUND'));
      // a suspended federation: nobody acts in it (docs/decisions/0014-go-live.md)
      if (membership.status !== 'active') throw toTrpcError(new AppError('FEDERATION_SUSPENDED'));
      // the role × procedure matrix (access.ts): the outer gate of every tenant procedure
      const allowed = rolesFor(path);
      if (!allowed || !membership.roles.some((r) => allowed.includes(r))) throw toTrpcError(new AppError('FORBIDDEN'));
      const actor: Actor = {
        userId: user.id,
        label: user.email,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        roles: membership.roles,
        memberId: membership.member_id,
        orgUnitId: membership.org_unit_id,
      };
      const svc: ServiceCtx = { db: tx, tenantId: membership.tenant_id, actor, now: ctx.now(), locale: ctx.locale, env: ctx.env };
      const result = await next({ ctx: { ...ctx, svc } });
      // next() reports failure instead of throwing; throw so the transaction rolls back.
      if (!result.ok) throw new Rollback(result);
      return result;
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result as never;
    throw e;
  }
});

export const tenantProcedure = authedProcedure.use(tenantContext);

class Rollback {
  constructor(readonly result: unknown) {}
}

/** Refuses unless the actor holds one of the roles in the transaction's federation (before the service runs). */
export const requireRoles = (roles: Role[]) =>
  t.middleware(({ ctx, next }) => {
    const actor = (ctx as { svc?: ServiceCtx }).svc?.actor;
    if (!actor?.roles.some((r) => roles.includes(r))) throw toTrpcError(new AppError('FORBIDDEN'));
    return next();
  });

/** A tenant procedure open only to holders of one of the roles (checked before the service runs). */
export const roleProcedure = (...roles: Role[]) => tenantProcedure.use(requireRoles(roles));

/** Staff of the federation, any role; member accounts excluded. */
export const STAFF_ROLES: Role[] = ['admin', 'signatory', 'lead', 'officer', 'judge', 'caseworker'];
export const staffProcedure = roleProcedure(...STAFF_ROLES);
