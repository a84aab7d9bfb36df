import { figureOf, hasPartyFigures, type AgreementContent, type CommonsFigures, type contestCreateInput, type contestEventInput } from '@uc/contracts';
import { asTenant, type ContestRow } from '@uc/db';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { hasRole, type ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { createPool } from '../place/index.ts';
import { assertOrganiser, enteringParties, ORGANISER_ROLES, visibleContest } from './contest.access.ts';
import { findActiveAgreement, findFederationBySlug, findFederations, insertContest, insertEvent } from './contest.repo.ts';
import { cityQuotas, DEFAULT_ASPECTS, schemeProblem } from './contest.rules.ts';

// Contests and their events, created by the organiser under an active agreement whose contests
// section is switched on. An event's entrant places are a pool of the places engine with one
// share per party city (that city's entrants per event, by the clause): registrations claim them
// under concurrency.

export const POOL_KIND = 'contest.event';

/** The contests section's figures of an agreement's content; null: contests not covered (off, or no entrants figure). */
export function contestFigures(content: unknown): CommonsFigures | null {
  const section = (content as AgreementContent | null)?.commons?.find((c) => c.kind === 'contest' && c.enabled);
  if (!section) return null;
  const f = section.figures;
  return f.entrantsPerCity !== undefined || hasPartyFigures(f, 'entrantsPerCity') ? f : null;
}

/** The entrants per event a party's members may take under the contests section (its own figure, else the common one); null: none set. */
export function entrantsPerCity(content: unknown, partySlug: string): number | null {
  const f = contestFigures(content);
  return f ? (figureOf(f, 'entrantsPerCity', partySlug) ?? null) : null;
}

export async function createContest(ctx: ServiceCtx, input: z.infer<typeof contestCreateInput>): Promise<ContestRow> {
  if (!hasRole(ctx.actor, ...ORGANISER_ROLES)) throw new AppError('FORBIDDEN');
  const a = await findActiveAgreement(ctx, input.agreementId);
  if (!a || !a.parties.includes(ctx.tenantId)) throw new AppError('NOT_FOUND');
  if (contestFigures(a.content) === null) throw new AppError('BAD_INPUT', { fields: { agreementId: 'contest_not_covered' } });
  const partners: string[] = [];
  for (const slug of input.judgingPartnerSlugs) {
    const f = await findFederationBySlug(ctx, slug);
    if (!f || a.parties.includes(f.id)) throw new AppError('BAD_INPUT', { fields: { judgingPartnerSlugs: 'unknown_or_party' } });
    partners.push(f.id);
  }
  const c = await insertContest(ctx, {
    agreementTenantId: a.tenantId,
    agreementId: a.id,
    title: input.title,
    year: input.year,
    partyTenantIds: [...a.parties, ...partners],
    judgingPartnerTenantIds: partners,
  });
  await auditAll(ctx, c.partyTenantIds, { type: 'contest.created', entityType: 'contest', entityId: c.id, data: { title: c.title, year: c.year, agreementId: a.id } });
  return c;
}

export async function createEvent(ctx: ServiceCtx, input: z.infer<typeof contestEventInput>) {
  const contest = await visibleContest(ctx, input.contestId);
  assertOrganiser(ctx, contest);
  const a = await findActiveAgreement(ctx, contest.agreementId);
  if (!a) throw new AppError('CONTEST_STATE', { reason: 'agreement_not_active' });
  const scheme = input.aspects ?? DEFAULT_ASPECTS;
  const problem = schemeProblem(scheme);
  if (problem) throw new AppError('BAD_INPUT', { fields: { aspects: problem } });
  // each entering city's share of the pool from its own clause figure (or the organiser's lower figure for all)
  const parties = enteringParties(contest);
  const feds = await findFederations(ctx, parties);
  const q = cityQuotas(
    input.quotaPerCity,
    parties.map((partyTenantId) => ({ partyTenantId, clause: entrantsPerCity(a.content, feds.get(partyTenantId)?.slug ?? '') })),
  );
  if ('refusal' in q) throw new AppError('BAD_INPUT', { fields: { quotaPerCity: q.refusal } });
  const pool = await createPool(ctx, {
    kind: POOL_KIND,
    capacity: q.shares.reduce((n, s) => n + s.units, 0),
    shares: q.shares,
  });
  const { contestId, quotaPerCity: _q, aspects: _a, ...rest } = input;
  // the column keeps the largest city's quota; each city's own is its share of the pool (eventDto)
  const e = await insertEvent(ctx, { ...rest, id: pool.id, contestId, quotaPerCity: Math.max(0, ...q.shares.map((s) => s.units)), aspects: scheme });
  await recordAudit(ctx, { type: 'contest.event_saved', entityType: 'contest_event', entityId: e.id, data: { contestId, trade: e.trade, quotaPerCity: e.quotaPerCity } });
  return e;
}

/** Audit one event in every named federation's chain (the organiser's, the parties', the partner's). */
export async function auditAll(ctx: ServiceCtx, tenantIds: string[], event: Parameters<typeof recordAudit>[1]) {
  // in one order everywhere: two use cases never wait on each other's audit heads crosswise
  for (const t of [...new Set(tenantIds)].sort()) await asTenant(ctx.db, t, () => recordAudit({ ...ctx, tenantId: t }, event));
}
