import { randomUUID } from 'node:crypto';
import { memberHonours, members, orgUnits } from '@uc/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { birthDateFromIdNumber, maskMobile, maySeeIdentity, type MemberDto, type Role } from '@uc/contracts';
import { isViolation, UNIQUE_VIOLATION } from '../../lib/dbErrors.ts';
import { sealIdNumber } from './idNumber.crypto.ts';
import { unitScopeCondition } from '../orgUnit/index.ts';

// What member reads share: the columns a DTO needs (never the ciphertext), honours loaded for
// a whole page in one query, and the mapping to the DTO.

/** whether the member has an account (qualified by hand: Drizzle leaves column names bare inside a select's sql) */
export const hasAccountSql = sql<boolean>`exists (select 1 from membership ms where ms.tenant_id = "member"."tenant_id" and ms.member_id = "member"."id")`;

export const memberColumns = {
  id: members.id,
  name: members.name,
  gender: members.gender,
  mobile: members.mobile,
  idNumberMasked: members.idNumberMasked,
  birthDate: members.birthDate,
  orgUnitId: members.orgUnitId,
  orgUnitName: orgUnits.name,
  orgUnitCode: orgUnits.code,
  version: members.version,
  createdAt: members.createdAt,
  hasAccount: hasAccountSql,
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
  hasAccount: boolean;
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

/**
 * What a role may see of a member's identity: the birth date (with the masked number it rebuilds
 * the full one) and the full mobile only for the roles allowed the full ID number; the birth year
 * and a masked mobile for the others. Every DTO, export and download carrying member data goes
 * through this (member.privacy.test.ts checks each of them per role).
 */
export function identityFor(roles: readonly Role[], r: { mobile: string | null; birthDate: string | null }) {
  const full = maySeeIdentity(roles);
  return {
    mobile: r.mobile && !full ? maskMobile(r.mobile) : r.mobile,
    birthDate: full ? r.birthDate : null,
    birthYear: r.birthDate ? Number(r.birthDate.slice(0, 4)) : null,
  };
}

export function toMemberDto(r: MemberRow, honours: HonourDto[], roles: readonly Role[]): MemberDto {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender === 'male' || r.gender === 'female' ? r.gender : null,
    idNumberMasked: r.idNumberMasked,
    ...identityFor(roles, r),
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    honours,
    hasAccount: r.hasAccount,
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
    .where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, id), unitScopeCondition(ctx, members.orgUnitId) ?? undefined));
  // outside a scoped officer's unit: not in what they see (docs/decisions/0052-org-unit-scope.md)
  if (!row) throw new AppError('NOT_FOUND');
  const honours = await honoursByMember(ctx, [row.id]);
  return toMemberDto(row, honours.get(row.id) ?? [], ctx.actor.roles);
}

/** The member row itself, locked for a change, or NOT_FOUND (also outside a scoped officer's unit). */
export async function lockMember(ctx: ServiceCtx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(members)
    .where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, id), unitScopeCondition(ctx, members.orgUnitId) ?? undefined))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

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
