import { members, orgUnits } from '@uc/db';
import { and, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { getMember, memberColumns, orgUnitOfMember, toMemberDto, type HonourDto } from './member.repo.ts';
import { isValidIdNumber, maySeeIdentity, MEMBER_TOTAL_CAP, type MemberDto, type MemberListDto, type memberFilterInput, type memberListInput } from '@uc/contracts';
import { AppError } from '../../errors.ts';
import { chinaDate } from '../../lib/dates.ts';
import { findOrgUnit, unitScopeCondition, unitSubtree } from '../orgUnit/index.ts';
import { idNumberHmac } from './idNumber.crypto.ts';

type ListInput = z.output<typeof memberListInput>;

interface Cursor {
  name: string;
  id: string;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const encodeCursor = (m: Cursor) => Buffer.from(JSON.stringify([m.name, m.id]), 'utf8').toString('base64url');
function decodeCursor(value: string, field: 'after' | 'before'): Cursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && UUID.test(v[1])) return { name: v[0], id: v[1] };
  } catch {
    // answered below
  }
  throw new AppError('BAD_INPUT', { field });
}

/**
 * One keyset page ordered by name then id (member_name_idx serves the order and the cursor, so
 * a deep page costs what the first does), its honours folded into the same statement, and a
 * total counted up to MEMBER_TOTAL_CAP + 1 rows (docs/decisions/0025-member-lists.md): the page
 * and the count go in one round trip.
 */
export async function listMembers(ctx: ServiceCtx, input: ListInput): Promise<MemberListDto> {
  const where = await memberConditions(ctx, input);
  const backward = input.before !== undefined;
  const raw = input.before ?? input.after;
  const cursor = raw === undefined ? null : decodeCursor(raw, backward ? 'before' : 'after');
  const keyset = !cursor
    ? []
    : backward
      ? [sql`(${members.name}, ${members.id}) < (${cursor.name}, ${cursor.id}::uuid)`]
      : [sql`(${members.name}, ${members.id}) > (${cursor.name}, ${cursor.id}::uuid)`];
  const order = backward ? [desc(members.name), desc(members.id)] : [asc(members.name), asc(members.id)];
  // the page's ids first, from member_name_idx alone (tenant, name, id), one more than a page to
  // know whether another follows; then the columns for those ids only
  const pageIds = ctx.db
    .select({ id: members.id })
    .from(members)
    .where(and(...where, ...keyset))
    .orderBy(...order)
    .limit(input.pageSize + 1);
  // Sent together (one round trip). A generic plan of a prepared statement cannot see which
  // honour or unit is asked for and chose badly (honour filter 15 → 178 ms): plan each call.
  const [, rows, [count]] = await Promise.all([
    ctx.db.execute(sql`select set_config('plan_cache_mode', 'force_custom_plan', true)`),
    ctx.db
      .select({ ...memberColumns, honours: honoursJson })
      .from(members)
      .innerJoin(orgUnits, orgUnitOfMember)
      .where(and(eq(members.tenantId, ctx.tenantId), inArray(members.id, pageIds)))
      .orderBy(...order),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(
      ctx.db
        .select({ one: sql`1` })
        .from(members)
        .where(and(...where))
        .limit(MEMBER_TOTAL_CAP + 1)
        .as('capped'),
    ),
  ]);
  const more = rows.length > input.pageSize;
  const page = more ? rows.slice(0, input.pageSize) : rows;
  if (backward) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  // going forward, a page after a cursor has one before it; going back, the cursor's page follows
  const hasPrev = backward ? more : cursor !== null;
  const hasNext = backward ? true : more;
  const n = Number(count?.n ?? 0);
  await logPersonalRead(ctx, 'list', page.map((r) => r.id));
  return {
    items: page.map((r) => toMemberDto(r, parseHonours(r.honours), ctx.actor.roles)),
    total: Math.min(n, MEMBER_TOTAL_CAP),
    totalCapped: n > MEMBER_TOTAL_CAP,
    pageSize: input.pageSize,
    next: hasNext && last ? encodeCursor(last) : null,
    prev: hasPrev && first ? encodeCursor(first) : null,
  };
}

/** The member's honours as JSON, in the page's statement (oldest first, as honoursByMember). */
const honoursJson = sql<unknown>`coalesce((
  select json_agg(json_build_object('id', h.id, 'kind', h.kind, 'source', h.source, 'validFrom', h.valid_from, 'validUntil', h.valid_until)
                  order by h.valid_from, h.id)
  from member_honour h where h.tenant_id = ${members.tenantId} and h.member_id = ${members.id}), '[]'::json)`;

const parseHonours = (v: unknown): HonourDto[] => (typeof v === 'string' ? (JSON.parse(v) as HonourDto[]) : (v as HonourDto[]));

export type MemberFilter = z.output<typeof memberFilterInput>;

/**
 * The conditions of a member list or export, all on member (aliased by the caller's FROM):
 * - q: a whole valid ID number matches exactly (through its HMAC; the number itself is never
 *   stored in clear); digits match inside the mobile (both only for ID_NUMBER_ROLES); anything
 *   else inside the name;
 * - orgUnitId: that unit, and by default every unit below it (recursive walk down org_unit);
 * - honour: members holding that honour today (China Standard Time).
 * An org unit of another federation answers NOT_FOUND. A scoped officer's conditions always keep to
 * their subtree (orgUnit/scope.query.ts).
 */
export async function memberConditions(ctx: ServiceCtx, f: MemberFilter): Promise<SQL[]> {
  const where: SQL[] = [eq(members.tenantId, ctx.tenantId)];
  const q = f.q?.trim();
  if (q) {
    const upper = q.toUpperCase();
    const identity = maySeeIdentity(ctx.actor.roles);
    // roles without ID-number access cannot search by ID number or mobile digits: probing
    // guessed birth dates or digits one query at a time would rebuild what masking hides
    if (isValidIdNumber(upper)) where.push(identity ? eq(members.idNumberHmac, idNumberHmac(ctx.env.memberIdKey, upper)) : sql`false`);
    else if (/^\d+$/.test(q)) where.push(identity ? like(members.mobile, `%${q}%`) : sql`false`);
    // anything else inside the name, case-insensitive, through the grams index (migration 0032:
    // a SECURITY DEFINER function that filters the federation itself, since under forced RLS
    // no index serves LIKE)
    else where.push(sql`${members.id} in (select s from member_name_search(${q}) s)`);
  }
  if (f.orgUnitId) {
    const unit = await findOrgUnit(ctx, f.orgUnitId);
    if (f.includeDescendants) where.push(sql`${members.orgUnitId} in ${unitSubtree(ctx.tenantId, unit.id)}`);
    else where.push(eq(members.orgUnitId, unit.id));
  }
  // a scoped officer's list and export hold only the members of their unit and the units below it
  const scope = unitScopeCondition(ctx, members.orgUnitId);
  if (scope) where.push(scope);
  if (f.honour) {
    const today = chinaDate(ctx.now);
    where.push(sql`exists (
      select 1 from member_honour h
      where h.tenant_id = ${members.tenantId} and h.member_id = ${members.id} and h.kind = ${f.honour}
        and h.valid_from <= ${today} and (h.valid_until is null or h.valid_until >= ${today}))`);
  }
  return where;
}

/** One member's record as a staff user opens it: the read is logged like a list page's. */
export async function readMember(ctx: ServiceCtx, id: string): Promise<MemberDto> {
  const dto = await getMember(ctx, id);
  await logPersonalRead(ctx, 'get', [dto.id]);
  return dto;
}

/**
 * Every read of members' personal data is logged in the reader's audit chain (issue 12): which
 * members a list page or a record showed, not the data itself. Empty pages are not logged.
 */
async function logPersonalRead(ctx: ServiceCtx, view: 'list' | 'get', ids: string[]): Promise<void> {
  if (!ids.length) return;
  await recordAudit(ctx, { type: 'member.personal_read', entityType: 'member', entityId: ids.length === 1 ? ids[0]! : null, data: { view, count: ids.length, memberIds: ids } });
}
