import type { AgreementContent, AllocationDto, allocateInput, PlacesPanelDto, QuotaDto } from '@uc/contracts';
import { agreementParties, agreements, agreementVersions, federations, orgUnits, recuperationAllocations, recuperationQuotas } from '@uc/db';
import { and, asc, eq, or } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findAgreement } from '../agreements/agreement.repo.ts';
import { available, placesPerYear, reallocate } from './quota.math.ts';
import { ensureQuota } from './quota.ts';
import { federationNames, nameOf, today, yearOf } from './recuperation.common.ts';

// The ledger as people read it: both directions of every active agreement the federation is a
// party to, the receiver's allocations down its org tree, and the dashboard panel.

type QuotaRow = typeof recuperationQuotas.$inferSelect;

interface Flow {
  agreementTenantId: string;
  agreementId: string;
  title: string;
  hostTenantId: string;
  receiverTenantId: string;
  granted: number;
}

/** Every (host → receiver) flow of the active agreements the caller may see, with the clause's figure. */
async function flowsOf(ctx: ServiceCtx, agreementId?: string): Promise<Flow[]> {
  const where = [eq(agreements.status, 'active')];
  if (agreementId) where.push(eq(agreements.id, agreementId));
  const rows = await ctx.db
    .select({ tenantId: agreements.tenantId, id: agreements.id, title: agreements.title, parties: agreements.partyTenantIds, content: agreementVersions.content })
    .from(agreements)
    .innerJoin(agreementVersions, and(eq(agreementVersions.tenantId, agreements.tenantId), eq(agreementVersions.id, agreements.inForceVersionId)))
    .where(and(...where));
  const out: Flow[] = [];
  for (const a of rows) {
    const granted = placesPerYear(a.content as AgreementContent);
    if (!granted) continue;
    for (const host of a.parties) {
      for (const receiver of a.parties) {
        if (host === receiver || (host !== ctx.tenantId && receiver !== ctx.tenantId)) continue;
        out.push({ agreementTenantId: a.tenantId, agreementId: a.id, title: a.title, hostTenantId: host, receiverTenantId: receiver, granted });
      }
    }
  }
  return out;
}

async function quotaDtos(ctx: ServiceCtx, year: number, agreementId?: string): Promise<QuotaDto[]> {
  const flows = await flowsOf(ctx, agreementId);
  const rows = await ctx.db
    .select()
    .from(recuperationQuotas)
    .where(and(eq(recuperationQuotas.year, year), or(eq(recuperationQuotas.tenantId, ctx.tenantId), eq(recuperationQuotas.hostTenantId, ctx.tenantId))));
  const names = await federationNames(ctx, flows.flatMap((f) => [f.hostTenantId, f.receiverTenantId]));
  return flows.map((f) => {
    const row: Partial<QuotaRow> =
      rows.find((r) => r.agreementId === f.agreementId && r.hostTenantId === f.hostTenantId && r.tenantId === f.receiverTenantId) ?? {};
    const ledger = { granted: row.granted ?? f.granted, allocated: row.allocated ?? 0, used: row.used ?? 0, poolUsed: row.poolUsed ?? 0, released: row.released ?? 0 };
    return {
      id: row.id ?? null,
      agreementId: f.agreementId,
      agreementTitle: f.title,
      year,
      host: nameOf(names.get(f.hostTenantId)),
      receiver: nameOf(names.get(f.receiverTenantId)),
      direction: f.receiverTenantId === ctx.tenantId ? 'granted_to_us' : 'granted_by_us',
      ...ledger,
      available: available(ledger),
    };
  });
}

export async function listQuotas(ctx: ServiceCtx, year?: number): Promise<QuotaDto[]> {
  return quotaDtos(ctx, year ?? yearOf(today(ctx)));
}

/** Places used each way under one agreement: the panel the joint-items dashboard shows. */
export async function placesPanel(ctx: ServiceCtx, agreementId: string, year?: number): Promise<PlacesPanelDto> {
  await findAgreement(ctx, agreementId);
  const y = year ?? yearOf(today(ctx));
  const quotas = await quotaDtos(ctx, y, agreementId);
  return {
    agreementId,
    year: y,
    flows: quotas.map((q) => ({
      hostSlug: q.host.slug,
      hostNameZh: q.host.nameZh,
      receiverSlug: q.receiver.slug,
      receiverNameZh: q.receiver.nameZh,
      granted: q.granted,
      used: q.used,
      released: q.released,
    })),
  };
}

async function receivedQuota(ctx: ServiceCtx, agreementId: string, hostSlug: string, year: number): Promise<QuotaDto> {
  const q = (await quotaDtos(ctx, year, agreementId)).find((x) => x.direction === 'granted_to_us' && x.host.slug === hostSlug);
  if (!q) throw new AppError('NOT_FOUND');
  return q;
}

export async function listAllocations(ctx: ServiceCtx, input: { agreementId: string; hostSlug: string; year: number }) {
  const quota = await receivedQuota(ctx, input.agreementId, input.hostSlug, input.year);
  const rows = quota.id
    ? await ctx.db
        .select({ id: recuperationAllocations.id, orgUnitId: recuperationAllocations.orgUnitId, orgUnitName: orgUnits.name, places: recuperationAllocations.places, used: recuperationAllocations.used })
        .from(recuperationAllocations)
        .innerJoin(orgUnits, and(eq(orgUnits.tenantId, recuperationAllocations.tenantId), eq(orgUnits.id, recuperationAllocations.orgUnitId)))
        .where(and(eq(recuperationAllocations.tenantId, ctx.tenantId), eq(recuperationAllocations.quotaId, quota.id)))
        .orderBy(asc(orgUnits.name))
    : [];
  const allocations: AllocationDto[] = rows.filter((r) => r.places > 0 || r.used > 0);
  return { quota, allocations, pool: { places: quota.granted - quota.allocated, used: quota.poolUsed } };
}

/** Sets one org unit's share of the places granted to us, under the quota row's lock. */
export async function allocate(ctx: ServiceCtx, input: z.infer<typeof allocateInput>) {
  const q = await receivedQuota(ctx, input.agreementId, input.hostSlug, input.year);
  const [unit] = await ctx.db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.id, input.orgUnitId)));
  if (!unit) throw new AppError('BAD_INPUT', { fields: { orgUnitId: 'org_unit_unknown' } });
  const [host] = await ctx.db.select({ id: federations.id }).from(federations).where(eq(federations.slug, input.hostSlug));
  const [party] = await ctx.db.select({ t: agreementParties.agreementTenantId }).from(agreementParties).where(and(eq(agreementParties.tenantId, ctx.tenantId), eq(agreementParties.agreementId, input.agreementId)));
  const quotaId = q.id ?? (await ensureQuota(ctx, { receiverTenantId: ctx.tenantId, hostTenantId: host!.id, agreementTenantId: party!.t, agreementId: input.agreementId, year: input.year, granted: q.granted }));
  const [ledger] = await ctx.db.select().from(recuperationQuotas).where(and(eq(recuperationQuotas.tenantId, ctx.tenantId), eq(recuperationQuotas.id, quotaId))).for('update');
  const [share] = await ctx.db
    .select()
    .from(recuperationAllocations)
    .where(and(eq(recuperationAllocations.tenantId, ctx.tenantId), eq(recuperationAllocations.quotaId, quotaId), eq(recuperationAllocations.orgUnitId, input.orgUnitId)))
    .for('update');
  const result = reallocate(ledger!, share ?? null, input.places);
  if ('refusal' in result) throw new AppError('CONFLICT', { fields: { places: result.refusal === 'below_used' ? 'too_small' : 'too_big' }, refusal: result.refusal });
  if (share) {
    await ctx.db.update(recuperationAllocations).set({ places: input.places, updatedAt: ctx.now }).where(and(eq(recuperationAllocations.tenantId, ctx.tenantId), eq(recuperationAllocations.id, share.id)));
  } else {
    await ctx.db.insert(recuperationAllocations).values({ tenantId: ctx.tenantId, quotaId, orgUnitId: input.orgUnitId, places: input.places });
  }
  await ctx.db.update(recuperationQuotas).set({ allocated: result.ledger.allocated, updatedAt: ctx.now }).where(and(eq(recuperationQuotas.tenantId, ctx.tenantId), eq(recuperationQuotas.id, quotaId)));
  await recordAudit(ctx, {
    type: 'recuperation.allocated',
    entityType: 'recuperation_quota',
    entityId: quotaId,
    data: { year: input.year, orgUnitId: input.orgUnitId, from: share?.places ?? 0, to: input.places },
  });
  return listAllocations(ctx, input);
}
