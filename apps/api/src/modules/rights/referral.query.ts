import type { ReferralStatus } from '@uc/contracts';
import { rightsFileAccesses } from '@uc/db';
import { chinaDate } from '../../lib/dates.ts';
import { recordAudit } from '../audit/index.ts';
import { loadPeople } from '../person/index.ts';
import { referralDocumentUrl, toDocumentDto } from './document.dto.ts';
import { findDocumentsOfCase } from './document.repo.ts';
import { clocksOf, federationsNamedIn, hourClocksOf, toEventDto, toReferralDto } from './referral.dto.ts';
import { findAccessLog, findCaseFile, findConsentOf, findEvents, findFederations, findReferral, findRightsPartners, findServiceLevels, listVisibleReferrals } from './rights.repo.ts';
import type { CaseRow, Ctx, ReferralEventRow, ReferralRow } from './rights.types.ts';
import { findFormsOf } from './consentForm.repo.ts';
import { referralConsentFormUrl, toConsentFormDto } from './consentForm.dto.ts';
import { formShared } from './consentForm.rules.ts';

// Reading referrals: the list and one referral with its timeline and clocks (no personal data),
// the shared case file (every read, granted or refused, logged on both sides' access log and in
// the reader's audit chain), and the access log itself.

async function dtosOf(ctx: Ctx, rows: ReferralRow[]) {
  const events = await findEvents(ctx.db, rows);
  const byReferral = new Map<string, ReferralEventRow[]>();
  for (const e of events) byReferral.set(e.referralId, [...(byReferral.get(e.referralId) ?? []), e]);
  const feds = await findFederations(ctx.db, [...rows.flatMap((r) => [r.tenantId, r.performerTenantId]), ...events.map((e) => e.actorTenantId), ...federationsNamedIn(events)]);
  const levels = await findServiceLevels(ctx.db, rows.flatMap((r) => [r.tenantId, ...(byReferral.get(r.id) ?? []).map((e) => e.performerTenantId)]));
  const out = [];
  for (const r of rows) {
    const consent = await findConsentOf(ctx, r);
    const evs = byReferral.get(r.id) ?? [];
    out.push({ row: r, events: evs, feds, dto: toReferralDto(r, evs, { tenantId: ctx.tenantId, now: ctx.now, feds, levels, consentActive: !!consent && !consent.withdrawnAt }) });
  }
  return out;
}

export async function listReferrals(ctx: Ctx, input: { side: 'referred' | 'received' | 'all'; status?: ReferralStatus | undefined }) {
  return (await dtosOf(ctx, await listVisibleReferrals(ctx, input.side, input.status))).map((x) => x.dto);
}

export async function getReferral(ctx: Ctx, id: string) {
  const [x] = await dtosOf(ctx, [await findReferral(ctx, id)]);
  return { ...x!.dto, events: x!.events.map((e) => toEventDto(e, x!.feds)) };
}

/** The clocks of every open referral the caller made or acts on (the supervisor's view, the board, the job). */
export async function clocksOfVisible(ctx: Ctx) {
  const rows = (await listVisibleReferrals(ctx, 'all')).filter((r) => !['followed_up', 'archived'].includes(r.status));
  const events = await findEvents(ctx.db, rows);
  const levels = await findServiceLevels(ctx.db, [...rows.map((r) => r.tenantId), ...events.map((e) => e.performerTenantId)]);
  return rows.map((r) => {
    const own = events.filter((e) => e.referralId === r.id);
    return { referral: r, clocks: clocksOf(r, own, levels, ctx.now), hourClocks: hourClocksOf(r, own, levels, ctx.now) };
  });
}

/** The case file as the partner may see it: refused (and logged) once the consent is withdrawn. */
export async function readFile(ctx: Ctx, id: string) {
  const r = await findReferral(ctx, id);
  const consent = await findConsentOf(ctx, r);
  const file = consent && !consent.withdrawnAt ? await findCaseFile(ctx, r) : undefined;
  const referrer = (await findFederations(ctx.db, [r.tenantId])).get(r.tenantId)!.slug;
  if (!file) {
    await logAccess(ctx, r, 'refused', 'consent_withdrawn');
    await recordAudit(ctx, { type: 'rights.file_read', entityType: 'rights_referral', entityId: r.id, data: { referrer, outcome: 'refused', reason: 'consent_withdrawn' } });
    return { access: 'refused' as const, reason: 'consent_withdrawn' as const };
  }
  await logAccess(ctx, r, 'read', null);
  await recordAudit(ctx, { type: 'rights.file_read', entityType: 'rights_referral', entityId: r.id, data: { referrer, outcome: 'read' } });
  // the shared files travel with the file only when the consent covers documents (RLS says the same)
  const files = consent!.scope.includes('documents') ? (await findDocumentsOfCase(ctx, file, true)).map((d) => toDocumentDto(d, referralDocumentUrl(r.id, d.id))) : [];
  // the signed form: the referrer's own; the partner's only when the consent also covers the worker's identity (it carries the signature); opening it is a separate, logged read
  const form = ctx.tenantId === r.tenantId || formShared(consent) ? (await findFormsOf(ctx, r.tenantId, [r.consentId])).get(r.consentId) : undefined;
  return { access: 'granted' as const, file: { ...sharedFile(file, consent!.scope), files }, consentForm: form ? toConsentFormDto(form, referralConsentFormUrl(r.id)) : null };
}

/** What leaves the referring federation: no internal notes, no internal documents, the ID number masked, only what the consent covers. */
export function sharedFile(c: CaseRow, scope: string[]) {
  const has = (s: string) => scope.includes(s);
  return {
    workerName: has('worker_identity') ? c.workerName : `${c.workerName.slice(0, 1)}**`,
    workerMobile: has('contact') ? c.workerMobile || null : null,
    idNumberMasked: has('worker_identity') ? c.idNumberMasked : null,
    employerName: c.employerName,
    employerCreditCode: c.employerCreditCode,
    employerCity: c.employerCity,
    disputeKind: c.disputeKind as 'wage_arrears',
    facts: has('facts') ? c.facts : '',
    claims: has('facts') ? c.claims : '',
    amountClaimedFen: c.amountClaimedFen,
    source: c.source as 'hotline',
    documents: has('documents') ? c.documents.filter((d) => d.shared).map((d) => ({ name: d.name, kind: d.kind, note: d.note })) : [],
  };
}

export async function logAccess(ctx: Ctx, r: ReferralRow, outcome: 'read' | 'refused', reason: string | null) {
  await ctx.db.insert(rightsFileAccesses).values({
    tenantId: r.tenantId,
    referralId: r.id,
    readerTenantId: ctx.tenantId,
    readerUserId: ctx.actor.userId,
    readerLabel: ctx.actor.label,
    outcome,
    reason,
    ip: ctx.actor.ip,
    at: ctx.now,
  });
}

export async function accessLog(ctx: Ctx, id: string) {
  const r = await findReferral(ctx, id);
  const rows = await findAccessLog(ctx, r);
  const feds = await findFederations(ctx.db, rows.map((a) => a.readerTenantId));
  const people = await loadPeople(ctx, rows.map((a) => a.readerUserId), rows.map((a) => a.readerTenantId));
  return rows.map((a) => ({
    id: a.id,
    reader: feds.get(a.readerTenantId)!,
    readerPerson: people.person(a.readerUserId, a.readerTenantId),
    outcome: a.outcome as 'read' | 'refused',
    reason: a.reason,
    at: a.at.toISOString(),
  }));
}

/** The partners the caller may refer a case to today: parties with it to an agreement in force that covers rights. */
export async function referralPartners(ctx: Ctx) {
  const ids = await findRightsPartners(ctx, chinaDate(ctx.now));
  const feds = await findFederations(ctx.db, ids);
  return [...feds.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}
