import type { AgreementContent, AgreementDto, AgreementStatus, AgreementSummaryDto } from '@uc/contracts';
import { agreementParties, agreements, agreementVersions, federations, signatures } from '@uc/db';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { agreementContentHash } from './version.rules.ts';
import { allows, type Amendment } from './lifecycle.rules.ts';
import { findAgreement, findParties, findVersion, stepActorOf, type AgreementRow, type VersionRow } from './agreement.repo.ts';
import { loadPeople, type PeopleResolver } from '../person/index.ts';

/** Agreements my federation is party to (drafts only to their initiator), newest first. */
export async function listAgreements(ctx: ServiceCtx, filter: { status?: AgreementStatus | undefined; partnerSlug?: string | undefined }): Promise<AgreementSummaryDto[]> {
  const where = [eq(agreementParties.tenantId, ctx.tenantId)];
  if (filter.status) where.push(eq(agreements.status, filter.status));
  if (filter.partnerSlug) {
    where.push(sql`${agreements.partyTenantIds} @> array[(select id from federation where slug = ${filter.partnerSlug})]::uuid[]`);
  }
  const rows = await ctx.db
    .select({ a: agreements })
    .from(agreementParties)
    .innerJoin(agreements, and(eq(agreements.tenantId, agreementParties.agreementTenantId), eq(agreements.id, agreementParties.agreementId)))
    .where(and(...where))
    .orderBy(desc(agreements.updatedAt))
    .limit(500);
  const allParties = rows.length
    ? await ctx.db
        .select({ agreementId: agreementParties.agreementId, position: agreementParties.position, slug: federations.slug, nameZh: federations.nameZh, nameEn: federations.nameEn })
        .from(agreementParties)
        .innerJoin(federations, eq(federations.id, agreementParties.tenantId))
        .where(inArray(agreementParties.agreementId, rows.map((r) => r.a.id)))
        .orderBy(asc(agreementParties.position))
    : [];
  return rows.map(({ a }) => ({
    ...summaryFields(a),
    parties: allParties.filter((p) => p.agreementId === a.id).map(({ slug, nameZh, nameEn }) => ({ slug, nameZh, nameEn })),
  }));
}

const summaryFields = (a: AgreementRow) => ({
  id: a.id,
  number: a.number,
  title: a.title,
  status: a.status as AgreementStatus,
  amendment: a.amendment as Amendment,
  termStart: a.termStart,
  termEnd: a.termEnd,
  updatedAt: a.updatedAt.toISOString(),
});

export async function getAgreement(ctx: ServiceCtx, id: string): Promise<AgreementDto> {
  const a = await findAgreement(ctx, id);
  const parties = await findParties(ctx, a);
  const versions = await ctx.db
    .select()
    .from(agreementVersions)
    .where(and(eq(agreementVersions.tenantId, a.tenantId), eq(agreementVersions.agreementId, a.id)))
    .orderBy(desc(agreementVersions.number));
  const current = versions.find((v) => v.id === a.currentVersionId)!;
  const sigs = await ctx.db
    .select()
    .from(signatures)
    .where(and(eq(signatures.tenantId, a.tenantId), eq(signatures.versionId, current.id)));
  const slugOf = new Map(parties.map((p) => [p.tenantId, p.slug]));
  const people = await loadPeople(ctx, [...versions.map((v) => v.createdByUserId), ...sigs.map((s) => s.userId)], parties.map((p) => p.tenantId));
  const state = { status: a.status as AgreementStatus, amendment: a.amendment as Amendment };
  const actor = stepActorOf(ctx, a);
  const mySignature = sigs.find((s) => s.partyTenantId === ctx.tenantId);
  const readOnly = parties.some((p) => p.suspended);
  return {
    ...summaryFields(a),
    initiatorSlug: parties.find((p) => p.role === 'initiator')!.slug,
    rowVersion: a.rowVersion,
    parties: parties.map((p) => {
      const s = sigs.find((x) => x.partyTenantId === p.tenantId);
      return {
        tenantId: p.tenantId,
        slug: p.slug,
        nameZh: p.nameZh,
        nameEn: p.nameEn,
        role: p.role as 'initiator' | 'party',
        suspended: p.suspended,
        signature: s
          ? { decision: s.decision as 'signed' | 'declined', by: people.person(s.userId, s.partyTenantId), at: s.createdAt.toISOString(), reason: s.reason, contentHash: s.contentHash }
          : null,
      };
    }),
    currentVersion: { ...versionSummary(current, slugOf, people), content: current.content as AgreementContent },
    inForceVersionId: a.inForceVersionId,
    versions: versions.map((v) => versionSummary(v, slugOf, people)),
    terminationReason: a.terminationReason,
    // a party suspended on the platform: the agreement is read-only (findAgreement refuses changes)
    can: {
      edit: !readOnly && allows(state, 'edit', actor),
      openNegotiation: !readOnly && allows(state, 'openNegotiation', actor),
      sendForSignature: !readOnly && allows(state, 'sendForSignature', actor),
      sign: !readOnly && allows(state, 'sign', actor) && !mySignature,
      reopen: !readOnly && allows(state, 'reopen', actor),
      terminate: !readOnly && allows(state, 'terminate', actor),
      amend: !readOnly && allows(state, 'amend', actor),
    },
  };
}

export function versionSummary(v: VersionRow, slugOf: Map<string, string>, people: PeopleResolver) {
  return {
    id: v.id,
    number: v.number,
    createdAt: v.createdAt.toISOString(),
    createdBy: people.person(v.createdByUserId, v.createdByTenantId),
    createdBySlug: slugOf.get(v.createdByTenantId) ?? '',
    note: v.note,
    contentHash: v.contentHash,
    frozen: v.frozenAt !== null,
  };
}

/**
 * Recomputes the hash of the stored version (the one in force, or the one named) and compares it
 * with the hash frozen at signing and with the hash each signature recorded.
 */
export async function verifyAgreement(ctx: ServiceCtx, id: string, versionId?: string) {
  const a = await findAgreement(ctx, id);
  const v = await findVersion(ctx, a, versionId ?? a.inForceVersionId ?? a.currentVersionId!);
  const parties = await findParties(ctx, a);
  const recomputedHash = agreementContentHash({ agreementId: a.id, versionNumber: v.number, parties, content: v.content as AgreementContent });
  const sigs = await ctx.db.select().from(signatures).where(and(eq(signatures.tenantId, a.tenantId), eq(signatures.versionId, v.id)));
  return {
    versionId: v.id,
    storedHash: v.contentHash,
    recomputedHash,
    matches: v.contentHash === recomputedHash,
    signaturesMatch: sigs.length > 0 && sigs.every((s) => s.contentHash === recomputedHash),
  };
}
