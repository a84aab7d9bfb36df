import type { memberIdNumberDto } from '@uc/contracts';
import { members } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { openIdNumber } from './idNumber.crypto.ts';
import { unitScopeCondition } from '../orgUnit/index.ts';

/** The full ID number, for roles that need it; every read is written to the audit log. */
export async function revealIdNumber(ctx: ServiceCtx, id: string): Promise<z.infer<typeof memberIdNumberDto>> {
  const [row] = await ctx.db
    .select({ id: members.id, name: members.name, idNumberEnc: members.idNumberEnc })
    .from(members)
    .where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, id), unitScopeCondition(ctx, members.orgUnitId) ?? undefined));
  if (!row) throw new AppError('NOT_FOUND');
  const idNumber = openIdNumber(ctx.env.memberIdKey, row.idNumberEnc);
  await recordAudit(ctx, { type: 'member.id_number_read', entityType: 'member', entityId: row.id, data: { name: row.name } });
  return { idNumber };
}
