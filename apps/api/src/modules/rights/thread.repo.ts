import { rightsReferralMessageFiles, rightsReferralMessages } from '@uc/db';
import { and, asc, eq, getTableColumns } from 'drizzle-orm';
import type { Ctx, ReferralRow } from './rights.types.ts';

// The referral's secure thread: rows of the referral's owner, read and appended to by the two
// federations on the referral now (row-level security, 0046); files on its messages (0057: the
// performer sees them only while the consent the referral rests on holds).

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

const { bytes: _bytes, ...FILE_META } = getTableColumns(rightsReferralMessageFiles);

/** the files of a referral's thread (no bytes), oldest first */
export async function findMessageFiles(ctx: Read, r: Pick<ReferralRow, 'tenantId' | 'id'>) {
  return ctx.db
    .select(FILE_META)
    .from(rightsReferralMessageFiles)
    .where(and(eq(rightsReferralMessageFiles.tenantId, r.tenantId), eq(rightsReferralMessageFiles.referralId, r.id)))
    .orderBy(asc(rightsReferralMessageFiles.createdAt), asc(rightsReferralMessageFiles.id));
}

/** one file of a referral's thread, with its bytes */
export async function findMessageFile(ctx: Read, r: Pick<ReferralRow, 'tenantId' | 'id'>, id: string) {
  const [row] = await ctx.db
    .select()
    .from(rightsReferralMessageFiles)
    .where(and(eq(rightsReferralMessageFiles.tenantId, r.tenantId), eq(rightsReferralMessageFiles.referralId, r.id), eq(rightsReferralMessageFiles.id, id)));
  return row;
}

export async function insertMessageFile(ctx: Read, values: Omit<typeof rightsReferralMessageFiles.$inferInsert, 'id'>) {
  const [row] = await ctx.db.insert(rightsReferralMessageFiles).values(values).returning(FILE_META);
  return row!;
}
