import { agreementNumberCounters } from '@uc/db';
import { sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';

/**
 * The next number of the federation's year: one upsert on the counter row, in the creating
 * transaction. Its row lock makes a concurrent create wait until this one commits (then it takes
 * the next number) or rolls back (then it takes this one): no duplicate, no gap.
 */
export async function nextAgreementSeq(ctx: Pick<ServiceCtx, 'db' | 'tenantId'>, year: number): Promise<number> {
  const [row] = await ctx.db
    .insert(agreementNumberCounters)
    .values({ tenantId: ctx.tenantId, year, lastNo: 1 })
    .onConflictDoUpdate({ target: [agreementNumberCounters.tenantId, agreementNumberCounters.year], set: { lastNo: sql`${agreementNumberCounters.lastNo} + 1` } })
    .returning({ lastNo: agreementNumberCounters.lastNo });
  return row!.lastNo;
}
