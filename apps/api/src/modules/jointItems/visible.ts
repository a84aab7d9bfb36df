import { agreements } from '@uc/db';
import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import type { AgreementRow } from '../agreements/agreement.repo.ts';

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
