import { rightsConsentForms } from '@uc/db';
import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Ctx } from './rights.types.ts';

// The signed consent forms (decision 0056): lists read the metadata, the one file read reads the bytes.
// Row-level security decides whether a partner sees one (the consent holds and covers documents and
// the worker's identity).

const { bytes: _bytes, ...META } = getTableColumns(rightsConsentForms);
export { META as CONSENT_FORM_META };
export type ConsentFormMeta = Omit<typeof rightsConsentForms.$inferSelect, 'bytes'>;

/** the forms of these consents of one owner, by consent id */
export async function findFormsOf(ctx: Pick<Ctx, 'db'>, tenantId: string, consentIds: string[]): Promise<Map<string, ConsentFormMeta>> {
  if (!consentIds.length) return new Map();
  const rows = await ctx.db
    .select(META)
    .from(rightsConsentForms)
    .where(and(eq(rightsConsentForms.tenantId, tenantId), inArray(rightsConsentForms.consentId, consentIds)));
  return new Map(rows.map((r) => [r.consentId, r]));
}

/** the form of one consent, with its bytes */
export async function findFormFile(ctx: Pick<Ctx, 'db'>, tenantId: string, consentId: string) {
  const [row] = await ctx.db
    .select()
    .from(rightsConsentForms)
    .where(and(eq(rightsConsentForms.tenantId, tenantId), eq(rightsConsentForms.consentId, consentId)));
  return row;
}

export async function insertForm(ctx: Pick<Ctx, 'db'>, values: typeof rightsConsentForms.$inferInsert): Promise<ConsentFormMeta> {
  const [row] = await ctx.db.insert(rightsConsentForms).values(values).returning(META);
  return row!;
}
