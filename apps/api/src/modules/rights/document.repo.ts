import { rightsCaseDocuments } from '@uc/db';
import { and, asc, eq, getTableColumns } from 'drizzle-orm';
import type { Ctx } from './rights.types.ts';

// Case documents as files (decision 0053): metadata lists never read the bytes; the one file read does.
// Row-level security decides what a partner sees (shared, live consent covering documents).

const { bytes: _bytes, ...META } = getTableColumns(rightsCaseDocuments);
export { META as DOCUMENT_META };
export type DocumentMeta = Omit<typeof rightsCaseDocuments.$inferSelect, 'bytes'>;

/** a case's documents, oldest first; only the shared ones when asked (what leaves the owner) */
export async function findDocumentsOfCase(ctx: Pick<Ctx, 'db'>, c: { tenantId: string; id: string }, sharedOnly: boolean): Promise<DocumentMeta[]> {
  return ctx.db
    .select(META)
    .from(rightsCaseDocuments)
    .where(and(eq(rightsCaseDocuments.tenantId, c.tenantId), eq(rightsCaseDocuments.caseId, c.id), ...(sharedOnly ? [eq(rightsCaseDocuments.shared, true)] : [])))
    .orderBy(asc(rightsCaseDocuments.createdAt), asc(rightsCaseDocuments.id));
}

/** one document with its bytes, of this owner (and case, when named) */
export async function findDocumentFile(ctx: Pick<Ctx, 'db'>, where: { tenantId: string; id: string; caseId?: string; sharedOnly?: boolean }) {
  const [row] = await ctx.db
    .select()
    .from(rightsCaseDocuments)
    .where(
      and(
        eq(rightsCaseDocuments.tenantId, where.tenantId),
        eq(rightsCaseDocuments.id, where.id),
        ...(where.caseId ? [eq(rightsCaseDocuments.caseId, where.caseId)] : []),
        ...(where.sharedOnly ? [eq(rightsCaseDocuments.shared, true)] : []),
      ),
    );
  return row;
}
