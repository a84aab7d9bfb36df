import { rateWindows } from '@uc/db';
import { sql } from 'drizzle-orm';
import { AppError } from './errors.ts';
import type { ServiceCtx } from './service.ts';

// Per-user limits on what costs everyone (issue 14, docs/decisions/0032-rate-limits.md): a file
// rendered (PDF, Excel: seconds of CPU) and mail sent to an address the user typed. Counted per
// user and federation in a fixed window, in the request's transaction: a call that fails or is
// refused rolls its count back, so only calls that did the work count.

export const RATE_LIMITS = {
  /** any procedure whose answer is a file (its output carries `base64`): found by walking the router */
  file: { limit: 60, windowSeconds: 5 * 60 },
  /** invitations: mail to addresses the caller types */
  mail: { limit: 100, windowSeconds: 60 * 60 },
} as const;
export type RateAction = keyof typeof RATE_LIMITS;

/** procedures that send mail or SMS to people the caller picks */
const MAIL_PROCEDURES = new Set(['staff.invite', 'member.inviteBySms']);

const actionOf = new Map<string, RateAction>();

interface ProcedureDef {
  _def: { output?: { _zod?: { def?: { shape?: Record<string, unknown> } } } };
}

/** Reads every procedure of the router once, at start: a file answer or a mail procedure gets its limit. */
export function classifyRateLimits(procedures: Record<string, unknown>): void {
  actionOf.clear();
  for (const [path, p] of Object.entries(procedures)) {
    const shape = (p as ProcedureDef)._def.output?._zod?.def?.shape;
    if (shape && 'base64' in shape) actionOf.set(path, 'file');
    if (MAIL_PROCEDURES.has(path)) actionOf.set(path, 'mail');
  }
}

export const rateActionOf = (path: string): RateAction | undefined => actionOf.get(path);

/**
 * Counts one call of `action` for the user in the caller's federation: a new window when the last
 * has ended; RATE_LIMITED (with the wait) past the limit. The row lock orders one user's calls.
 */
export async function countCall(ctx: ServiceCtx, userId: string, action: RateAction): Promise<void> {
  const { limit, windowSeconds } = RATE_LIMITS[action];
  const now = ctx.now.toISOString();
  const ends = new Date(ctx.now.getTime() + windowSeconds * 1000).toISOString();
  const [row] = await ctx.db
    .insert(rateWindows)
    .values({ tenantId: ctx.tenantId, userId, action, calls: 1, windowEnds: new Date(ends) })
    .onConflictDoUpdate({
      target: [rateWindows.tenantId, rateWindows.userId, rateWindows.action],
      set: {
        calls: sql`case when ${rateWindows.windowEnds} <= ${now}::timestamptz then 1 else ${rateWindows.calls} + 1 end`,
        windowEnds: sql`case when ${rateWindows.windowEnds} <= ${now}::timestamptz then ${ends}::timestamptz else ${rateWindows.windowEnds} end`,
      },
    })
    .returning({ calls: rateWindows.calls, windowEnds: rateWindows.windowEnds });
  if (row && row.calls > limit) {
    throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil((row.windowEnds.getTime() - ctx.now.getTime()) / 1000)) });
  }
}
