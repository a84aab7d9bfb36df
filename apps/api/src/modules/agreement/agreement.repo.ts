import { agreementParties, agreements, agreementVersions, asTenant, federations } from '@uc/db';
import { and, asc, eq, max, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import type { AuditEvent } from '../audit/index.ts';
import type { StepActor } from './lifecycle.rules.ts';

export type AgreementRow = typeof agreements.$inferSelect;
export type VersionRow = typeof agreementVersions.$inferSelect;
export interface PartyRow {
  tenantId: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  role: string;
  position: number;
  /** suspended on the platform: its agreements are read-only for everyone until it is reactivated */
  suspended: boolean;
}

/** The agreement if the caller's federation may see it (row-level security decides); NOT_FOUND otherwise. */
export async function findAgreement(ctx: ServiceCtx, id: string, opts: { forUpdate?: boolean } = {}): Promise<AgreementRow> {
  const q = ctx.db.select().from(agreements).where(eq(agreements.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  // every change of an agreement locks it first: one with a suspended party is read-only (issue 12)
  if (opts.forUpdate && (await findParties(ctx, row)).some((p) => p.suspended)) throw new AppError('PARTNER_SUSPENDED');
  return row;
}

export async function findParties(ctx: ServiceCtx, a: AgreementRow): Promise<PartyRow[]> {
  return ctx.db
    .select({
      tenantId: agreementParties.tenantId,
      slug: federations.slug,
      nameZh: federations.nameZh,
      nameEn: federations.nameEn,
      role: agreementParties.role,
      position: agreementParties.position,
      suspended: sql<boolean>`${federations.status} = 'suspended'`,
    })
    .from(agreementParties)
    .innerJoin(federations, eq(federations.id, agreementParties.tenantId))
    .where(and(eq(agreementParties.agreementTenantId, a.tenantId), eq(agreementParties.agreementId, a.id)))
    .orderBy(asc(agreementParties.position));
}

export async function findVersion(ctx: ServiceCtx, a: AgreementRow, versionId: string): Promise<VersionRow> {
  const [row] = await ctx.db
    .select()
    .from(agreementVersions)
    .where(and(eq(agreementVersions.tenantId, a.tenantId), eq(agreementVersions.agreementId, a.id), eq(agreementVersions.id, versionId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export function stepActorOf(ctx: ServiceCtx, a: AgreementRow): StepActor {
  return { roles: ctx.actor.roles, isInitiator: a.tenantId === ctx.tenantId };
}

/** Writes the event to the audit log of every party (each federation keeps its own chain). */
export async function auditToParties(ctx: ServiceCtx, parties: PartyRow[], event: AuditEvent & { entityId: string }) {
  for (const p of parties) {
    await asTenant(ctx.db, p.tenantId, () => recordAudit({ ...ctx, tenantId: p.tenantId }, event));
  }
}

/** Versions are numbered 1, 2, … per agreement; call with the agreement row locked. */
export async function nextVersionNumber(ctx: ServiceCtx, a: AgreementRow): Promise<number> {
  const [last] = await ctx.db
    .select({ n: max(agreementVersions.number) })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.tenantId, a.tenantId), eq(agreementVersions.agreementId, a.id)));
  return (last?.n ?? 0) + 1;
}

// Looking a row up by its id alone cannot use a primary key that starts with tenant_id, and the
// caller does not know which federation owns it (the agreement's initiator). The owners a caller
// can reach are few — the initiators of the agreements its federation is party to — so a lookup
// names them: `tenant_id in (…) and id = $1` is a primary-key probe per owner instead of a scan of
// every tenant's rows. Row-level security still decides visibility; this only gives it an index.

/** `col in (owners of the agreements the caller's federation is party to)`, from agreement_party's primary key */
export function ownedByMyAgreements(ctx: ServiceCtx, tenantCol: AnyColumn): SQL {
  return sql`${tenantCol} in (select p.agreement_tenant_id from agreement_party p where p.tenant_id = ${ctx.tenantId})`;
}

/** The agreement by id if the caller's federation may see it; NOT_FOUND otherwise. */
export async function findVisibleAgreement(ctx: ServiceCtx, id: string): Promise<AgreementRow> {
  const [row] = await ctx.db
    .select()
    .from(agreements)
    .where(and(ownedByMyAgreements(ctx, agreements.tenantId), eq(agreements.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The agreement of a row that carries its owner's tenant_id (a primary-key lookup). */
export async function agreementOf(ctx: ServiceCtx, row: { tenantId: string; agreementId: string }): Promise<AgreementRow> {
  const [a] = await ctx.db
    .select()
    .from(agreements)
    .where(and(eq(agreements.tenantId, row.tenantId), eq(agreements.id, row.agreementId)));
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}
