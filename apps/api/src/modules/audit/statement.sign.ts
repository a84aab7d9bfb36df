import type { AuditStatementDto } from '@uc/contracts';
import { auditHeads, federations } from '@uc/db';
import { eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { signStatement } from './audit.crypto.ts';
import { sealInTx } from './seal.write.ts';

/**
 * The federation's chain head as a signed statement (docs/decisions/0024): sealed first, so it
 * names every event committed so far. Kept outside the platform, it shows a later cut tail.
 */
export async function auditHeadStatement(ctx: Pick<ServiceCtx, 'db' | 'tenantId' | 'now'>): Promise<AuditStatementDto> {
  await sealInTx(ctx.db, ctx.tenantId);
  const [head] = await ctx.db.select().from(auditHeads).where(eq(auditHeads.tenantId, ctx.tenantId));
  const [fed] = await ctx.db.select({ slug: federations.slug }).from(federations).where(eq(federations.id, ctx.tenantId));
  const statement = {
    kind: 'union-commons.audit-head' as const,
    federationId: ctx.tenantId,
    federationSlug: fed?.slug ?? '',
    seq: head?.seq ?? 0,
    hash: head?.hash ?? '0'.repeat(64),
    at: ctx.now.toISOString(),
  };
  return { statement, ...signStatement(statement) };
}
