import { members, orgUnits } from '@uc/db';
import { and, asc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ServiceCtx } from '../../service.ts';
import { honoursByMember, memberColumns, orgUnitOfMember, toMemberDto } from './member.repo.ts';
import { isValidIdNumber, maySeeIdentity, type memberFilterInput, type memberListDto, type memberListInput } from '@uc/contracts';
import { chinaDate } from '../../lib/dates.ts';
import { findOrgUnit } from '../orgUnit/index.ts';
import { idNumberHmac } from './idNumber.crypto.ts';

type ListInput = z.output<typeof memberListInput>;
type MemberListDto = z.infer<typeof memberListDto>;

/**
 * One page ordered by name then id (member_name_idx serves the order), the total by count, and
 * the page's honours in one more query: three queries whatever the page size or page number.
 */
export async function listMembers(ctx: ServiceCtx, input: ListInput): Promise<MemberListDto> {
  const where = and(...(await memberConditions(ctx, input)));
  // the page's ids first, from member_name_idx alone (tenant, name, id: no table rows are read
  // for the rows skipped over), then the columns for those ids only
  const pageIds = ctx.db
    .select({ id: members.id })
    .from(members)
    .where(where)
    .orderBy(asc(members.name), asc(members.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  // Sent together (one round trip). A generic plan of a prepared statement cannot see which
  // honour or unit is asked for and chose badly (honour filter 15 → 178 ms): plan each call.
  const [, rows, [count]] = await Promise.all([
    ctx.db.execute(sql`select set_config('plan_cache_mode', 'force_custom_plan', true)`),
    ctx.db
      .select(memberColumns)
      .from(members)
      .innerJoin(orgUnits, orgUnitOfMember)
      .where(and(eq(members.tenantId, ctx.tenantId), inArray(members.id, pageIds)))
      .orderBy(asc(members.name), asc(members.id)),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(members).where(where),
  ]);
  const honours = await honoursByMember(
    ctx,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toMemberDto(r, honours.get(r.id) ?? [], ctx.actor.roles)),
    total: Number(count?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}

export type MemberFilter = z.output<typeof memberFilterInput>;

const escapeLike = (v: string) => v.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * The conditions of a member list or export, all on member (aliased by the caller's FROM):
 * - q: a whole valid ID number matches exactly (through its HMAC; the number itself is never
 *   stored in clear); digits match inside the mobile (both only for ID_NUMBER_ROLES); anything
 *   else inside the name;
 * - orgUnitId: that unit, and by default every unit below it (recursive walk down org_unit);
 * - honour: members holding that honour today (China Standard Time).
 * An org unit of another federation answers NOT_FOUND.
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
    // ILIKE only when case can matter: Chinese names need none, and LIKE is cheaper
    else if (/[a-z]/i.test(q)) where.push(sql`${members.name} ilike ${`%${escapeLike(q)}%`}`);
    else where.push(like(members.name, `%${escapeLike(q)}%`));
  }
  if (f.orgUnitId) {
    const unit = await findOrgUnit(ctx, f.orgUnitId);
    if (f.includeDescendants) {
      where.push(sql`${members.orgUnitId} in (
        with recursive units(id) as (
          select id from org_unit where tenant_id = ${ctx.tenantId} and id = ${unit.id}
          union
          select c.id from org_unit c join units u on c.parent_id = u.id where c.tenant_id = ${ctx.tenantId}
        ) select id from units)`);
    } else where.push(eq(members.orgUnitId, unit.id));
  }
  if (f.honour) {
    const today = chinaDate(ctx.now);
    where.push(sql`exists (
      select 1 from member_honour h
      where h.tenant_id = ${members.tenantId} and h.member_id = ${members.id} and h.kind = ${f.honour}
        and h.valid_from <= ${today} and (h.valid_until is null or h.valid_until >= ${today}))`);
  }
  return where;
}
