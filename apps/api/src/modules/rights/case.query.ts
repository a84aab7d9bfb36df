import { recordAudit } from '../audit/index.ts';
import { rightsCases } from '@uc/db';
import { and, desc, eq } from 'drizzle-orm';
import { findConsentsOfCase, findDuplicates, findFederations, findOwnCase, findReferralsOfCase, listOwnCases } from './rights.repo.ts';
import { logAccess } from './referral.query.ts';
import { ownDocumentUrl, toDocumentDto } from './document.dto.ts';
import { findDocumentsOfCase } from './document.repo.ts';
import type { Ctx } from './rights.types.ts';
import { findFormsOf } from './consentForm.repo.ts';
import { ownConsentFormUrl, toConsentFormDto } from './consentForm.dto.ts';

// The referring federation's own cases: the list (no personal data beyond the name) and the full
// case, whose every read is logged in its audit chain and on the access log of its referrals.

export async function listCases(ctx: Ctx) {
  const cases = await listOwnCases(ctx);
  const out = [];
  for (const c of cases) {
    const referrals = await findReferralsOfCase(ctx, c.id);
    out.push({
      id: c.id,
      workerName: c.workerName,
      employerName: c.employerName,
      disputeKind: c.disputeKind as 'wage_arrears',
      source: c.source as 'hotline',
      createdAt: c.createdAt.toISOString(),
      referralStatus: (referrals.at(-1)?.status ?? null) as 'submitted' | null,
    });
  }
  return out;
}

export async function getCase(ctx: Ctx, id: string) {
  const c = await findOwnCase(ctx, id);
  const consents = await findConsentsOfCase(ctx, c.id);
  const referrals = await findReferralsOfCase(ctx, c.id);
  const feds = await findFederations(ctx.db, consents.map((x) => x.partnerTenantId));
  const forms = await findFormsOf(ctx, ctx.tenantId, consents.map((x) => x.id));
  for (const r of referrals) await logAccess(ctx, r, 'read', null);
  await recordAudit(ctx, { type: 'rights.case_read', entityType: 'rights_case', entityId: c.id, data: { referrals: referrals.length } });
  return {
    id: c.id,
    memberId: c.memberId,
    workerName: c.workerName,
    workerMobile: c.workerMobile || null,
    idNumberMasked: c.idNumberMasked,
    employerName: c.employerName,
    employerCreditCode: c.employerCreditCode,
    employerCity: c.employerCity,
    disputeKind: c.disputeKind as 'wage_arrears',
    facts: c.facts,
    claims: c.claims,
    amountClaimedFen: c.amountClaimedFen,
    source: c.source as 'hotline',
    documents: c.documents as { name: string; kind: 'other'; shared: boolean; note: string }[],
    files: (await findDocumentsOfCase(ctx, c, false)).map((d) => toDocumentDto(d, ownDocumentUrl(d.id))),
    internalNotes: c.internalNotes,
    linkedCaseId: c.linkedCaseId,
    rowVersion: c.rowVersion,
    createdAt: c.createdAt.toISOString(),
    consents: consents.map((x) => ({
      id: x.id,
      partner: feds.get(x.partnerTenantId)!,
      purpose: x.purpose,
      scope: x.scope,
      method: x.method as 'signed_form',
      evidence: x.evidence,
      form: forms.has(x.id) ? toConsentFormDto(forms.get(x.id)!, ownConsentFormUrl(x.id)) : null,
      givenAt: x.givenAt.toISOString(),
      withdrawnAt: x.withdrawnAt?.toISOString() ?? null,
    })),
    referralIds: referrals.map((r) => r.id),
    duplicates: (await findDuplicates(ctx, c)).map((d) => ({ id: d.id, createdAt: d.createdAt.toISOString() })),
  };
}

/** The signed-in member's own cases (their member record is the worker): status and partner only. */
export async function myCases(ctx: Ctx) {
  if (!ctx.actor.memberId) return [];
  const cases = await ctx.db
    .select()
    .from(rightsCases)
    .where(and(eq(rightsCases.tenantId, ctx.tenantId), eq(rightsCases.memberId, ctx.actor.memberId)))
    .orderBy(desc(rightsCases.createdAt));
  const out = [];
  for (const c of cases) {
    const r = (await findReferralsOfCase(ctx, c.id)).at(-1);
    const partner = r ? (await findFederations(ctx.db, [r.performerTenantId])).get(r.performerTenantId)! : null;
    out.push({
      id: c.id,
      disputeKind: c.disputeKind as 'wage_arrears',
      employerName: c.employerName,
      createdAt: c.createdAt.toISOString(),
      status: (r?.status ?? null) as 'submitted' | null,
      partner,
      updatedAt: (r?.updatedAt ?? c.updatedAt).toISOString(),
    });
  }
  return out;
}
