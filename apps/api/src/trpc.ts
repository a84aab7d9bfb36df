import { randomUUID } from 'node:crypto';
import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { isCreateLike, requestKey, rolesFor, unstorableTextPath, type ErrorCode, type Role } from '@uc/contracts';
import { errorMessage, validationMessage } from '@uc/contracts/i18n';
import { APP_ROLE, rowsOf, type Db } from '@uc/db';
import { sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import type { Env } from './env.ts';
import { AppError } from './errors.ts';
import { isDbUnavailable, RETRY_AFTER_SECONDS } from './lib/dbErrors.ts';
import { countCall, rateActionOf } from './rateLimit.ts';
import { claimRequest, recordAnswer } from './requestOnce.ts';
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
  /**
   * A session cookie not looked up yet (the HTTP server defers it on tRPC calls naming a
   * federation): tenant procedures read it inside their one transaction, others on first use.
   */
  pendingSession?: PendingSession | null;
  /** a deferred session that slid forward: the server sends its cookie again */
  onRenewed?: (auth: AuthSession) => void;
  /** headers to add to the response (Set-Cookie) */
  resHeaders: Headers;
  now: () => Date;
}

export interface PendingSession {
  /** the session's row, read in the caller's transaction (sets app.user_id for what follows) */
  read(tx: Db): Promise<unknown>;
  /** the answer from read()'s result: null unknown, 'expired', or live (slid forward when due) */
  settle(tx: Db, result: unknown, now: Date): Promise<AuthSession | 'expired' | null>;
  /** the lookup in a transaction of its own (deletes an expired session) */
  validate(now: Date): Promise<AuthSession | null>;
}

/** Records a session found for this request: the user's language, a renewed cookie. */
function adoptSession(ctx: RequestCtx, auth: AuthSession | null) {
  ctx.pendingSession = null;
  ctx.auth = auth;
  if (auth) {
    ctx.locale = auth.user.locale;
    if (auth.renewed) ctx.onRenewed?.(auth);
  }
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
  COMMENTS_OPEN: 'CONFLICT',
  ITEM_TRANSITION: 'CONFLICT',
  ALREADY_SIGNED: 'CONFLICT',
  HASH_MISMATCH: 'CONFLICT',
  NOT_ELIGIBLE: 'PRECONDITION_FAILED',
  QUOTA_EXHAUSTED: 'CONFLICT',
  BOOKING_CLOSED: 'CONFLICT',
  CHECKIN_TOO_EARLY: 'CONFLICT',
  CHECKIN_ENDED: 'CONFLICT',
  BOOKING_STATE: 'CONFLICT',
  REFERRAL_STATE: 'CONFLICT',
  CONSENT_REQUIRED: 'PRECONDITION_FAILED',
  NOT_COVERED: 'PRECONDITION_FAILED',
  CONTEST_CLOSED: 'CONFLICT',
  CONTEST_STATE: 'CONFLICT',
  SCORES_LOCKED: 'CONFLICT',
  COMPATRIOT_JUDGE: 'FORBIDDEN',
  PROGRAMME_STATE: 'CONFLICT',
  TICKET_INVALID: 'BAD_REQUEST',
  WALK_IN_REGISTERED: 'CONFLICT',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  FEDERATION_SUSPENDED: 'FORBIDDEN',
  PARTNER_SUSPENDED: 'FORBIDDEN',
  REPORT_CHANGED: 'CONFLICT',
  ALREADY_CONFIRMED: 'CONFLICT',
  REPORT_FROZEN: 'CONFLICT',
  OUT_OF_SCOPE: 'FORBIDDEN',
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

/**
 * A service names a field's problem by its validation key ({ termEnd: 'term_order' }); the caller reads
 * it in their language. Messages a service already wrote in the caller's language pass unchanged.
 */
export function translateFields(details: Record<string, unknown>, locale: string): Record<string, unknown> {
  const fields = details.fields as Record<string, string> | undefined;
  if (!fields) return details;
  const shown = Object.fromEntries(Object.entries(fields).map(([path, m]) => [path, /^[a-z_]+$/.test(m) ? validationMessage(m, locale) : m]));
  return { ...details, fields: shown };
}

const t = initTRPC.context<RequestCtx>().create({
  errorFormatter({ shape, error, ctx }) {
    const locale = ctx?.locale ?? 'zh-CN';
    const cause = error.cause;
    let code: ErrorCode;
    let details: Record<string, unknown> = {};
    if (cause instanceof AppError) {
      code = cause.code;
      details = translateFields(cause.details, locale);
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
const appErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok && !(result.error.cause instanceof AppError) && isDbUnavailable(result.error.cause)) {
    // the database is away (refused, reset, shut down, starting up): 503 with Retry-After, not a 500
    ctx.resHeaders.set('Retry-After', String(RETRY_AFTER_SECONDS));
    return { ...result, error: toTrpcError(new AppError('UNAVAILABLE')) } as typeof result;
  }
  if (!result.ok && result.error.cause instanceof AppError && result.error.code === 'INTERNAL_SERVER_ERROR') {
    const app = result.error.cause;
    return { ...result, error: toTrpcError(app) } as typeof result;
  }
  return result;
});

/**
 * The edge, once for every procedure: text PostgreSQL cannot store or compare (NUL, a lone
 * surrogate) anywhere in the raw input is refused as BAD_INPUT on its field, before the
 * procedure's own schema runs — a field declared with a bare z.string() included (decisions/0015).
 */
const storableInput = t.middleware(async ({ getRawInput, next }) => {
  // an input tRPC cannot read (none, for a procedure without one) is left to tRPC itself
  const raw = await getRawInput().catch(() => undefined);
  const bad = unstorableTextPath(raw);
  if (bad) throw new TRPCError({ code: 'BAD_REQUEST', cause: new ZodError([{ code: 'custom', path: bad, message: 'text_invalid_char', input: undefined }]) });
  return next();
});

const baseProcedure = t.procedure.use(appErrors).use(storableInput);

/** Looks up a deferred session cookie (its own short transaction) before a procedure that is not a tenant one. */
const resolveSession = t.middleware(async ({ ctx, next }) => {
  if (ctx.pendingSession) adoptSession(ctx, await ctx.pendingSession.validate(ctx.now()));
  return next();
});

export const publicProcedure = baseProcedure.use(resolveSession);

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
  const pending = ctx.pendingSession ?? null;
  if (!ctx.auth && !pending) throw toTrpcError(new AppError('UNAUTHORIZED'));
  if (!slug) {
    if (pending) adoptSession(ctx, await pending.validate(ctx.now()));
    throw toTrpcError(new AppError(ctx.auth ? 'NOT_FOUND' : 'UNAUTHORIZED'));
  }
  let expired = false;
  try {
    return await ctx.db.transaction(async (raw) => {
      const tx = raw as unknown as Db;
      // One round trip: the role, the session (when deferred: it sets app.user_id) and the
      // membership, sent together and run in order on the transaction's connection. The membership
      // policy lets a user read their own rows; finding one sets the tenant for the rest of the transaction.
      const [, sessionResult, membershipResult] = await Promise.all([
        tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.user_id', ${ctx.auth?.user.id ?? ''}, true)`),
        pending ? pending.read(tx) : Promise.resolve(null),
        tx.execute(sql`
          select m.tenant_id, m.roles, m.member_id, m.org_unit_id, f.status, set_config('app.tenant_id', m.tenant_id::text, true)
          from membership m join federation f on f.id = m.tenant_id
          where f.slug = ${slug} and m.user_id = nullif(current_setting('app.user_id', true), '')::uuid and m.status = 'active'`),
      ]);
      if (pending) {
        const found = await pending.settle(tx, sessionResult, ctx.now());
        if (found === 'expired') expired = true;
        adoptSession(ctx, found === 'expired' ? null : found);
      }
      const user = ctx.auth?.user;
      if (!user) throw toTrpcError(new AppError('UNAUTHORIZED'));
      const [membership] = rowsOf<{ tenant_id: string; roles: Role[]; member_id: string | null; org_unit_id: string | null; status: string }>(membershipResult);
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
      const result = await next({ ctx: { ...ctx, auth: ctx.auth!, svc } });
      // next() reports failure instead of throwing; throw so the transaction rolls back.
      if (!result.ok) throw new Rollback(result);
      return result;
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result as never;
    // an expired session is deleted in a transaction of its own (the request's rolled back)
    if (expired && pending) await pending.validate(ctx.now());
    throw e;
  }
});

/**
 * A create-like mutation sent with an idempotencyKey answers once per key: a repeat (double click,
 * retry) gets the first answer instead of a second row (requestOnce.ts; the form hook sends the key).
 */
const answerOnce = t.middleware(async ({ ctx, next, path, type, getRawInput }) => {
  if (type !== 'mutation' || !isCreateLike(path)) return next();
  const raw = await getRawInput().catch(() => undefined);
  const key = (raw as { idempotencyKey?: unknown } | undefined)?.idempotencyKey;
  const svc = (ctx as { svc?: ServiceCtx }).svc;
  const userId = svc?.actor.userId;
  if (!svc || !userId || typeof key !== 'string' || !requestKey.safeParse(key).success) return next();
  const claim = await claimRequest(svc, userId, path, key);
  if (!claim.first) return { ok: true, data: claim.result, marker: undefined as never, ctx } as unknown as Awaited<ReturnType<typeof next>>;
  const result = await next();
  if (result.ok) await recordAnswer(svc, userId, key, result.data);
  return result;
});

/** A call that renders a file or sends mail to a typed address counts against the user's limit (rateLimit.ts). */
const limitRate = t.middleware(async ({ ctx, next, path }) => {
  const action = rateActionOf(path);
  const svc = (ctx as { svc?: ServiceCtx }).svc;
  if (action && svc?.actor.userId) await countCall(svc, svc.actor.userId, action);
  return next();
});

export const tenantProcedure = baseProcedure.use(tenantContext).use(limitRate).use(answerOnce);

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
