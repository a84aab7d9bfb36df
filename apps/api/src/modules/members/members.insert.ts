import { randomUUID } from 'node:crypto';
import { birthDateFromIdNumber } from '@uc/contracts';
import { memberHonours, members } from '@uc/db';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { isViolation, UNIQUE_VIOLATION } from './db.errors.ts';
import { sealIdNumber } from './idNumber.crypto.ts';

export interface NewHonour {
  kind: string;
  source: string;
  validFrom: string;
  validUntil?: string | null | undefined;
}

export interface NewMember {
  name: string;
  gender?: 'male' | 'female' | null | undefined;
  mobile?: string | null | undefined;
  /** validated, upper case */
  idNumber: string;
  orgUnitId: string;
  honours: NewHonour[];
}

export const BATCH = 500;

/**
 * Inserts members (ID numbers sealed) and their honours in batches, in the caller's transaction.
 * The unique index on (tenant, ID number HMAC) is the judge of duplicates, even between two
 * concurrent writers: its violation becomes DUPLICATE_ID_NUMBER.
 */
export async function insertMembers(ctx: ServiceCtx, list: NewMember[]): Promise<string[]> {
  const rows: (typeof members.$inferInsert)[] = [];
  const honours: (typeof memberHonours.$inferInsert)[] = [];
  for (const m of list) {
    const id = randomUUID();
    rows.push({
      tenantId: ctx.tenantId,
      id,
      orgUnitId: m.orgUnitId,
      name: m.name,
      gender: m.gender ?? null,
      mobile: m.mobile ?? null,
      ...sealIdNumber(ctx.env.memberIdKey, m.idNumber),
      birthDate: birthDateFromIdNumber(m.idNumber),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    for (const h of m.honours) honours.push(honourRow(ctx, id, h));
  }
  try {
    for (let i = 0; i < rows.length; i += BATCH) await ctx.db.insert(members).values(rows.slice(i, i + BATCH));
  } catch (e) {
    if (isViolation(e, UNIQUE_VIOLATION, 'member_id_number_uq')) throw new AppError('DUPLICATE_ID_NUMBER');
    throw e;
  }
  for (let i = 0; i < honours.length; i += BATCH) await ctx.db.insert(memberHonours).values(honours.slice(i, i + BATCH));
  return rows.map((r) => r.id!);
}

export function honourRow(ctx: ServiceCtx, memberId: string, h: NewHonour): typeof memberHonours.$inferInsert {
  return { tenantId: ctx.tenantId, memberId, kind: h.kind, source: h.source, validFrom: h.validFrom, validUntil: h.validUntil ?? null, createdAt: ctx.now };
}
