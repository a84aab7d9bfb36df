import type { memberListDto, memberListInput } from '@uc/contracts';
import { members, orgUnits } from '@uc/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ServiceCtx } from '../../service.ts';
import { memberConditions } from './members.filter.ts';
import { honoursByMember, memberColumns, orgUnitOfMember, toMemberDto } from './members.repo.ts';

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
  const rows = await ctx.db
    .select(memberColumns)
    .from(members)
    .innerJoin(orgUnits, orgUnitOfMember)
    .where(and(eq(members.tenantId, ctx.tenantId), inArray(members.id, pageIds)))
    .orderBy(asc(members.name), asc(members.id));
  const [count] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(members).where(where);
  const honours = await honoursByMember(
    ctx,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toMemberDto(r, honours.get(r.id) ?? [])),
    total: Number(count?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
