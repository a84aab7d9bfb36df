import type { MemberDto } from '@uc/contracts';
import { memberHonours, members, orgUnits } from '@uc/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';

// What member reads share: the columns a DTO needs (never the ciphertext), honours loaded for
// a whole page in one query, and the mapping to the DTO.

export const memberColumns = {
  id: members.id,
  name: members.name,
  gender: members.gender,
  mobile: members.mobile,
  idNumberMasked: members.idNumberMasked,
  birthDate: members.birthDate,
  orgUnitId: members.orgUnitId,
  orgUnitName: orgUnits.name,
  version: members.version,
  createdAt: members.createdAt,
};

export interface MemberRow {
  id: string;
  name: string;
  gender: string | null;
  mobile: string | null;
  idNumberMasked: string;
  birthDate: string | null;
  orgUnitId: string;
  orgUnitName: string;
  version: number;
  createdAt: Date;
}

export type HonourDto = MemberDto['honours'][number];

export const orgUnitOfMember = and(eq(orgUnits.tenantId, members.tenantId), eq(orgUnits.id, members.orgUnitId));

/** Every honour of the given members, in one query, by member (oldest first). */
export async function honoursByMember(ctx: ServiceCtx, memberIds: string[]): Promise<Map<string, HonourDto[]>> {
  const out = new Map<string, HonourDto[]>();
  if (!memberIds.length) return out;
  const rows = await ctx.db
    .select()
    .from(memberHonours)
    .where(and(eq(memberHonours.tenantId, ctx.tenantId), inArray(memberHonours.memberId, memberIds)))
    .orderBy(asc(memberHonours.validFrom), asc(memberHonours.id));
  for (const h of rows) {
    const list = out.get(h.memberId) ?? [];
    list.push({ id: h.id, kind: h.kind as HonourDto['kind'], source: h.source, validFrom: h.validFrom, validUntil: h.validUntil });
    out.set(h.memberId, list);
  }
  return out;
}

export function toMemberDto(r: MemberRow, honours: HonourDto[]): MemberDto {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender === 'male' || r.gender === 'female' ? r.gender : null,
    mobile: r.mobile,
    idNumberMasked: r.idNumberMasked,
    birthDate: r.birthDate,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    honours,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

/** A member of this federation as a DTO, or NOT_FOUND (also for another federation's id). */
export async function getMember(ctx: ServiceCtx, id: string): Promise<MemberDto> {
  const [row] = await ctx.db
    .select(memberColumns)
    .from(members)
    .innerJoin(orgUnits, orgUnitOfMember)
    .where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  const honours = await honoursByMember(ctx, [row.id]);
  return toMemberDto(row, honours.get(row.id) ?? []);
}

/** The member row itself, locked for a change, or NOT_FOUND. */
export async function lockMember(ctx: ServiceCtx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(members)
    .where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, id)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
