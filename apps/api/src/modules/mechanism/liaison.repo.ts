import { LIAISON_LEVELS, type LiaisonLevel, type LiaisonPairDto } from '@uc/contracts';
import { liaisonContacts, liaisonPairs } from '@uc/db';
import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import type { PartyRow } from '../agreement/index.ts';

export type LiaisonPairRow = typeof liaisonPairs.$inferSelect;
export type LiaisonContactRow = typeof liaisonContacts.$inferSelect;
export const CONTACT_FIELDS = ['unitName', 'contactName', 'title', 'phone', 'email'] as const;

/** The pair if the caller's federation is a party to its agreement; NOT_FOUND otherwise. */
export async function findLiaisonPair(ctx: ServiceCtx, id: string, opts: { forUpdate?: boolean } = {}): Promise<LiaisonPairRow> {
  const q = ctx.db.select().from(liaisonPairs).where(eq(liaisonPairs.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function findContacts(ctx: ServiceCtx, pairs: LiaisonPairRow[]): Promise<LiaisonContactRow[]> {
  if (!pairs.length) return [];
  return ctx.db
    .select()
    .from(liaisonContacts)
    .where(and(eq(liaisonContacts.tenantId, pairs[0]!.tenantId), inArray(liaisonContacts.pairId, pairs.map((p) => p.id))));
}

/** Levels top-down (常务副主席 → 对口部门 → 产业 → 区县), then oldest first. */
export function byLevel(a: LiaisonPairRow, b: LiaisonPairRow): number {
  const k = LIAISON_LEVELS.indexOf(a.level as LiaisonLevel) - LIAISON_LEVELS.indexOf(b.level as LiaisonLevel);
  return k || a.createdAt.getTime() - b.createdAt.getTime();
}

export function toLiaisonPairDto(ctx: ServiceCtx, pair: LiaisonPairRow, contacts: LiaisonContactRow[], parties: PartyRow[], writable: boolean): LiaisonPairDto {
  return {
    id: pair.id,
    agreementId: pair.agreementId,
    level: pair.level as LiaisonLevel,
    contacts: parties.flatMap((p) => {
      const c = contacts.find((x) => x.pairId === pair.id && x.partyTenantId === p.tenantId);
      if (!c) return [];
      const { unitName, contactName, title, phone, email } = c;
      return [{ partySlug: p.slug, partyNameZh: p.nameZh, partyNameEn: p.nameEn, unitName, contactName, title, phone, email, editable: writable && p.tenantId === ctx.tenantId }];
    }),
    createdBySlug: parties.find((p) => p.tenantId === pair.createdByTenantId)?.slug ?? '',
    rowVersion: pair.rowVersion,
    createdAt: pair.createdAt.toISOString(),
    updatedAt: pair.updatedAt.toISOString(),
  };
}
