import type { AgreementContent, ReferralStatus } from '@uc/contracts';
import {
  agreements,
  agreementVersions,
  federations,
  nationalCalendarDays,
  rightsCases,
  rightsClosureDays,
  rightsConsents,
  rightsFileAccesses,
  rightsReferralEvents,
  rightsReferrals,
  rightsSlaPolicies,
  type Db,
} from '@uc/db';
import { and, asc, desc, eq, gte, inArray, lte, ne, or, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { CaseRow, ConsentRow, Ctx, FedRef, ReferralEventRow, ReferralRow } from './rights.types.ts';

// SQL of the rights module. Row-level security decides what each federation sees (0016): its own
// cases; a referral it made or acts on; a case file it acts on only while the consent holds.

type Read = Pick<Ctx, 'db' | 'tenantId'>;

/** A case of the caller's own federation. */
export async function findOwnCase(ctx: Read, id: string): Promise<CaseRow> {
  const [row] = await ctx.db.select().from(rightsCases).where(and(eq(rightsCases.tenantId, ctx.tenantId), eq(rightsCases.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The case a referral names, if the caller may read its file now (else undefined). */
export async function findCaseFile(ctx: Read, r: ReferralRow): Promise<CaseRow | undefined> {
  const [row] = await ctx.db.select().from(rightsCases).where(and(eq(rightsCases.tenantId, r.tenantId), eq(rightsCases.id, r.caseId)));
  return row;
}

export async function listOwnCases(ctx: Read) {
  return ctx.db.select().from(rightsCases).where(eq(rightsCases.tenantId, ctx.tenantId)).orderBy(desc(rightsCases.createdAt)).limit(500);
}

/** Other cases of the same worker (ID-number hash) against the same employer within 90 days of this one. */
export async function findDuplicates(ctx: Read, c: Pick<CaseRow, 'id' | 'idNumberHmac' | 'employerName' | 'employerCreditCode' | 'createdAt'>) {
  if (!c.idNumberHmac) return [];
  const employer = c.employerCreditCode ? eq(rightsCases.employerCreditCode, c.employerCreditCode) : eq(rightsCases.employerName, c.employerName);
  return ctx.db
    .select({ id: rightsCases.id, createdAt: rightsCases.createdAt })
    .from(rightsCases)
    .where(
      and(
        eq(rightsCases.tenantId, ctx.tenantId),
        eq(rightsCases.idNumberHmac, c.idNumberHmac),
        employer,
        ne(rightsCases.id, c.id),
        sql`abs(extract(epoch from (${rightsCases.createdAt} - ${c.createdAt.toISOString()}::timestamptz))) <= 90 * 86400`,
      ),
    )
    .orderBy(desc(rightsCases.createdAt));
}

export async function findConsentsOfCase(ctx: Read, caseId: string): Promise<ConsentRow[]> {
  return ctx.db.select().from(rightsConsents).where(and(eq(rightsConsents.tenantId, ctx.tenantId), eq(rightsConsents.caseId, caseId))).orderBy(asc(rightsConsents.createdAt));
}

export async function findOwnConsent(ctx: Read, id: string, opts: { forUpdate?: boolean } = {}): Promise<ConsentRow> {
  const q = ctx.db.select().from(rightsConsents).where(and(eq(rightsConsents.tenantId, ctx.tenantId), eq(rightsConsents.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The consent a referral rests on, as either side sees it. */
export async function findConsentOf(ctx: Read, r: ReferralRow): Promise<ConsentRow | undefined> {
  const [row] = await ctx.db.select().from(rightsConsents).where(and(eq(rightsConsents.tenantId, r.tenantId), eq(rightsConsents.id, r.consentId)));
  return row;
}

/** A referral the caller made or acts on; NOT_FOUND for anyone else. */
export async function findReferral(ctx: Read, id: string, opts: { forUpdate?: boolean } = {}): Promise<ReferralRow> {
  const visible = or(eq(rightsReferrals.tenantId, ctx.tenantId), eq(rightsReferrals.performerTenantId, ctx.tenantId));
  const q = ctx.db.select().from(rightsReferrals).where(and(eq(rightsReferrals.id, id), visible));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function listVisibleReferrals(ctx: Read, side: 'referred' | 'received' | 'all', status?: ReferralStatus): Promise<ReferralRow[]> {
  const bySide =
    side === 'referred'
      ? eq(rightsReferrals.tenantId, ctx.tenantId)
      : side === 'received'
        ? eq(rightsReferrals.performerTenantId, ctx.tenantId)
        : or(eq(rightsReferrals.tenantId, ctx.tenantId), eq(rightsReferrals.performerTenantId, ctx.tenantId));
  return ctx.db
    .select()
    .from(rightsReferrals)
    .where(and(bySide, status ? eq(rightsReferrals.status, status) : undefined))
    .orderBy(desc(rightsReferrals.updatedAt))
    .limit(500);
}

export async function findReferralsOfCase(ctx: Read, caseId: string): Promise<ReferralRow[]> {
  return ctx.db.select().from(rightsReferrals).where(and(eq(rightsReferrals.tenantId, ctx.tenantId), eq(rightsReferrals.caseId, caseId))).orderBy(asc(rightsReferrals.createdAt));
}

export async function findEvents(db: Db, referrals: Pick<ReferralRow, 'tenantId' | 'id'>[]): Promise<ReferralEventRow[]> {
  if (!referrals.length) return [];
  return db
    .select()
    .from(rightsReferralEvents)
    .where(and(inArray(rightsReferralEvents.tenantId, [...new Set(referrals.map((r) => r.tenantId))]), inArray(rightsReferralEvents.referralId, referrals.map((r) => r.id))))
    .orderBy(asc(rightsReferralEvents.referralId), asc(rightsReferralEvents.seq));
}

export async function findAccessLog(ctx: Read, r: ReferralRow) {
  return ctx.db
    .select()
    .from(rightsFileAccesses)
    .where(and(eq(rightsFileAccesses.tenantId, r.tenantId), eq(rightsFileAccesses.referralId, r.id)))
    .orderBy(desc(rightsFileAccesses.at))
    .limit(500);
}

export async function findFederations(db: Db, ids: string[]): Promise<Map<string, FedRef>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: federations.id, slug: federations.slug, nameZh: federations.nameZh, nameEn: federations.nameEn })
    .from(federations)
    .where(inArray(federations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findFederationBySlug(db: Db, slug: string): Promise<FedRef | undefined> {
  const [row] = await db.select({ id: federations.id, slug: federations.slug, nameZh: federations.nameZh, nameEn: federations.nameEn }).from(federations).where(eq(federations.slug, slug));
  return row;
}

/** The SLA policies (newest first) and closure days of these federations (published: any federation reads them). */
export async function findServiceLevels(db: Db, tenantIds: string[]) {
  const ids = [...new Set(tenantIds)];
  if (!ids.length) return { policies: [], closures: [], national: [] };
  const [policies, closures, national] = await Promise.all([
    db.select().from(rightsSlaPolicies).where(inArray(rightsSlaPolicies.tenantId, ids)).orderBy(desc(rightsSlaPolicies.effectiveFrom)),
    db.select().from(rightsClosureDays).where(inArray(rightsClosureDays.tenantId, ids)).orderBy(rightsClosureDays.day),
    findNationalDays(db),
  ]);
  return { policies, closures, national };
}

/** The operator's entries of the national arrangement: a few dozen days a year, read whole. */
export function findNationalDays(db: Db) {
  return db.select({ day: nationalCalendarDays.day, work: nationalCalendarDays.work, name: nationalCalendarDays.name }).from(nationalCalendarDays).orderBy(nationalCalendarDays.day);
}

/** The caller's active agreements in force today, with all these parties, whose content covers rights protection (newest first). */
async function rightsAgreements(ctx: Read, parties: string[], today: string) {
  const rows = await ctx.db
    .select({ id: agreements.id, content: agreementVersions.content, partyTenantIds: agreements.partyTenantIds })
    .from(agreements)
    .innerJoin(agreementVersions, and(eq(agreementVersions.tenantId, agreements.tenantId), eq(agreementVersions.id, agreements.inForceVersionId)))
    .where(
      and(
        eq(agreements.status, 'active'),
        sql`${agreements.partyTenantIds} @> array[${sql.join([ctx.tenantId, ...parties].map((id) => sql`${id}`), sql`, `)}]::uuid[]`,
        lte(agreements.termStart, today),
        gte(agreements.termEnd, today),
      ),
    )
    .orderBy(desc(agreements.termStart));
  return rows.filter((r) => (r.content as AgreementContent).commons.some((c) => c.kind === 'rights' && c.enabled));
}

/** The active agreement between the caller and the partner, in force today, whose content covers rights protection. */
export async function findRightsAgreement(ctx: Read, partnerTenantId: string, today: string): Promise<{ id: string } | undefined> {
  return (await rightsAgreements(ctx, [partnerTenantId], today))[0];
}

/** The federations the caller may refer a case to today: parties with it to an agreement in force that covers rights. */
export async function findRightsPartners(ctx: Read, today: string): Promise<string[]> {
  const ids = (await rightsAgreements(ctx, [], today)).flatMap((r) => r.partyTenantIds);
  return [...new Set(ids)].filter((id) => id !== ctx.tenantId);
}
