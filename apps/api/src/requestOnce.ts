import { requestOnce } from '@uc/db';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from './errors.ts';
import type { ServiceCtx } from './service.ts';

// One answer per create request (docs/decisions/0022-request-once.md). A form sends a key per
// opening with every create-like mutation. The first request with the key inserts its row in the
// request's transaction and, once the procedure has answered, records the answer there too; a
// repeat — even at the same instant — waits on the primary key until the first commits, then reads
// that answer instead of creating a second row. If the first fails, its row rolls back with it and
// the repeat runs as if it were first.

export type OnceClaim = { first: true } | { first: false; result: unknown };

/** ctx's actor is a signed-in user (the key is theirs: one person's key never answers another's request) */
export async function claimRequest(ctx: ServiceCtx, userId: string, procedure: string, key: string): Promise<OnceClaim> {
  const inserted = await ctx.db
    .insert(requestOnce)
    .values({ tenantId: ctx.tenantId, userId: userId, key, procedure, createdAt: ctx.now })
    .onConflictDoNothing()
    .returning({ key: requestOnce.key });
  if (inserted.length) return { first: true };
  const [row] = await ctx.db
    .select({ procedure: requestOnce.procedure, result: requestOnce.result })
    .from(requestOnce)
    .where(and(eq(requestOnce.tenantId, ctx.tenantId), eq(requestOnce.userId, userId), eq(requestOnce.key, key)));
  // the same key sent to another procedure is a client mistake, not a repeat
  if (!row || row.procedure !== procedure) throw new AppError('CONFLICT', { reason: 'request_key_reused' });
  return { first: false, result: row.result };
}

export async function recordAnswer(ctx: ServiceCtx, userId: string, key: string, result: unknown): Promise<void> {
  await ctx.db
    .update(requestOnce)
    .set({ result: sql`${JSON.stringify(result ?? null)}::jsonb` })
    .where(and(eq(requestOnce.tenantId, ctx.tenantId), eq(requestOnce.userId, userId), eq(requestOnce.key, key)));
}
