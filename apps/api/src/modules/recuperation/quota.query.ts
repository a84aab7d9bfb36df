import type { AgreementContent, AllocationDto, PlacesPanelDto, QuotaDto } from '@uc/contracts';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { findAgreement } from '../agreement/index.ts';
import { available, findAllocationsWithUnits, findQuotasOfYear, type QuotaRow } from '../place/index.ts';
import { placesPerYear } from './quota.rules.ts';
import { findActiveAgreementsWithContent, findFederationNames } from './recuperation.repo.ts';
import { nameOf, today, yearOf } from './recuperation.rules.ts';
import { QUOTA_KIND, type FederationName } from './recuperation.types.ts';

// The ledger as people read it: both directions of every active agreement the federation is a
// party to, the receiver's allocations down its org tree, and the dashboard panel.

interface Flow {
  agreementTenantId: string;
  agreementId: string;
  title: string;
  hostTenantId: string;
  receiverTenantId: string;
  granted: number;
}

/** Every (host → receiver) flow of the active agreements the caller may see, with the clause's figure. */
async function flowsOf(ctx: ServiceCtx, agreementId?: string): Promise<{ flows: Flow[]; names: Map<string, FederationName> }> {
  const rows = await findActiveAgreementsWithContent(ctx, agreementId);
  const names = await findFederationNames(ctx, rows.flatMap((a) => a.parties));
  const flows: Flow[] = [];
  for (const a of rows) {
    for (const host of a.parties) {
      // each direction its own figure: what this host reserves for the other's members
      const granted = placesPerYear(a.content as AgreementContent, names.get(host)?.slug ?? '');
      if (!granted) continue;
      for (const receiver of a.parties) {
        if (host === receiver || (host !== ctx.tenantId && receiver !== ctx.tenantId)) continue;
        flows.push({ agreementTenantId: a.tenantId, agreementId: a.id, title: a.title, hostTenantId: host, receiverTenantId: receiver, granted });
      }
    }
  }
  return { flows, names };
}

async function quotaDtos(ctx: ServiceCtx, year: number, agreementId?: string): Promise<QuotaDto[]> {
  const { flows, names } = await flowsOf(ctx, agreementId);
  const rows = await findQuotasOfYear(ctx, QUOTA_KIND, year);
  return flows.map((f) => {
    const row: Partial<QuotaRow> = rows.find((r) => r.agreementId === f.agreementId && r.hostTenantId === f.hostTenantId && r.tenantId === f.receiverTenantId) ?? {};
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
      agreed: f.granted,
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

/** The ledger of places a host grants the caller's federation under an agreement; NOT_FOUND when there is none. */
export async function receivedQuota(ctx: ServiceCtx, agreementId: string, hostSlug: string, year: number): Promise<QuotaDto> {
  const q = (await quotaDtos(ctx, year, agreementId)).find((x) => x.direction === 'granted_to_us' && x.host.slug === hostSlug);
  if (!q) throw new AppError('NOT_FOUND');
  return q;
}

export async function listAllocations(ctx: ServiceCtx, input: { agreementId: string; hostSlug: string; year: number }) {
  const quota = await receivedQuota(ctx, input.agreementId, input.hostSlug, input.year);
  const rows = quota.id ? await findAllocationsWithUnits(ctx, quota.id) : [];
  const allocations: AllocationDto[] = rows.filter((r) => r.places > 0 || r.used > 0);
  return { quota, allocations, pool: { places: quota.granted - quota.allocated, used: quota.poolUsed } };
}
