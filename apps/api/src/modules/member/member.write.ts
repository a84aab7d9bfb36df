import { validationMessage } from '@uc/contracts/i18n';
import type { MemberDto, memberCreateInput, memberUpdateInput } from '@uc/contracts';
import { memberHonours, members } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { assertUnitInScope, findOrgUnit } from '../orgUnit/index.ts';
import { FOREIGN_KEY_VIOLATION, isViolation } from '../../lib/dbErrors.ts';
import { getMember, honourRow, insertMembers, lockMember, type NewHonour } from './member.repo.ts';

type CreateInput = z.output<typeof memberCreateInput>;
type UpdateInput = z.output<typeof memberUpdateInput>;

/** An honour cannot end before it starts. */
function assertHonourTerms(ctx: ServiceCtx, honours: NewHonour[]) {
  const fields: Record<string, string> = {};
  honours.forEach((h, i) => {
    if (h.validUntil && h.validUntil < h.validFrom) fields[`honours.${i}.validUntil`] = validationMessage('term_order', ctx.locale);
  });
  if (Object.keys(fields).length) throw new AppError('BAD_INPUT', { fields });
}

export async function createMember(ctx: ServiceCtx, input: CreateInput): Promise<MemberDto> {
  await findOrgUnit(ctx, input.orgUnitId);
  await assertUnitInScope(ctx, input.orgUnitId);
  assertHonourTerms(ctx, input.honours);
  const [id] = await insertMembers(ctx, [input]);
  await recordAudit(ctx, { type: 'member.created', entityType: 'member', entityId: id!, data: { name: input.name } });
  return getMember(ctx, id!);
}

/** Changes what is given; honours, when given, replace the member's honours. The ID number never changes. */
export async function updateMember(ctx: ServiceCtx, input: UpdateInput): Promise<MemberDto> {
  const row = await lockMember(ctx, input.id);
  if (row.version !== input.version) throw new AppError('STALE_VERSION', { version: row.version });
  const next: Partial<typeof members.$inferInsert> = {};
  const changes: string[] = [];
  for (const key of ['name', 'gender', 'mobile', 'orgUnitId'] as const) {
    const to = input[key];
    if (to === undefined || to === row[key]) continue;
    Object.assign(next, { [key]: to });
    changes.push(key);
  }
  if (next.orgUnitId) {
    await findOrgUnit(ctx, next.orgUnitId);
    await assertUnitInScope(ctx, next.orgUnitId);
  }
  if (input.honours) {
    assertHonourTerms(ctx, input.honours);
    await ctx.db.delete(memberHonours).where(and(eq(memberHonours.tenantId, ctx.tenantId), eq(memberHonours.memberId, row.id)));
    if (input.honours.length) await ctx.db.insert(memberHonours).values(input.honours.map((h) => honourRow(ctx, row.id, h)));
    changes.push('honours');
  }
  if (!changes.length) return getMember(ctx, row.id);
  await ctx.db
    .update(members)
    .set({ ...next, version: row.version + 1, updatedAt: ctx.now })
    .where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, row.id)));
  await recordAudit(ctx, { type: 'member.updated', entityType: 'member', entityId: row.id, data: { changes } });
  return getMember(ctx, row.id);
}

/** Deletes a member and their honours; a member others still point at (a member account) is refused. */
export async function deleteMember(ctx: ServiceCtx, id: string): Promise<void> {
  const row = await lockMember(ctx, id);
  try {
    await ctx.db.delete(members).where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, row.id)));
  } catch (e) {
    if (isViolation(e, FOREIGN_KEY_VIOLATION)) throw new AppError('CONFLICT', { reason: 'referenced' });
    throw e;
  }
  await recordAudit(ctx, { type: 'member.deleted', entityType: 'member', entityId: row.id, data: { name: row.name } });
}
