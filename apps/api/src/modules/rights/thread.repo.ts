import { rightsReferralMessages } from '@uc/db';
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx, ReferralRow } from './rights.types.ts';

// The referral's secure thread: rows of the referral's owner, read and appended to by the two
// federations on the referral now (row-level security, 0046).

type Read = Pick<Ctx, 'db' | 'tenantId'>;

export async function findMessages(ctx: Read, r: Pick<ReferralRow, 'tenantId' | 'id'>) {
  return ctx.db
    .select()
    .from(rightsReferralMessages)
    .where(and(eq(rightsReferralMessages.tenantId, r.tenantId), eq(rightsReferralMessages.referralId, r.id)))
    .orderBy(asc(rightsReferralMessages.at), asc(rightsReferralMessages.id))
    .limit(1000);
}

export async function insertMessage(ctx: Read, values: Omit<typeof rightsReferralMessages.$inferInsert, 'id'>) {
  const [row] = await ctx.db.insert(rightsReferralMessages).values(values).returning();
  return row!;
}
