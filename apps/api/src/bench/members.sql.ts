import type { MemberDto } from '@uc/contracts';
import { chinaDate } from '../lib/dates.ts';
import type { Query } from './lib/setup.ts';

// The baseline: the statements the members service runs for member.list
// (modules/member/member.query.ts, member.repo.ts, and findOrgUnit from modules/orgUnit),
// written out in SQL the way Drizzle renders them. Keep it in step with the
// service: the benchmark checks that both return the same total, page and honours.

export interface MemberListInput {
  pageSize: number;
  /** a keyset cursor: base64url of JSON [name, id], as member.query.ts makes them */
  after?: string;
  q?: string;
  orgUnitId?: string;
  includeDescendants: boolean;
  honour?: 'model_worker' | 'may_day_medal' | 'skilled_worker' | 'frontline';
}

/** the cursor member.list hands out for a row (member.query.ts encodeCursor) */
export const cursorOf = (m: { name: string; id: string }) => Buffer.from(JSON.stringify([m.name, m.id]), 'utf8').toString('base64url');

export const TOTAL_CAP = 10_000;

type HonourDto = MemberDto['honours'][number];

interface Row {
  id: string;
  name: string;
  gender: string | null;
  mobile: string | null;
  id_number_masked: string;
  birth_date: string | null;
  org_unit_id: string;
  org_unit_name: string;
  version: number;
  /** a string: Drizzle sets the shared postgres.js client to return timestamps unparsed */
  created_at: string;
  has_account: boolean;
  honours: HonourDto[] | string;
}

/** member.query.ts memberConditions: the WHERE shared by the page and the count. */
function conditions(tenantId: string, input: MemberListInput, now: Date) {
  const params: unknown[] = [tenantId];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`"member"."tenant_id" = $1`];
  const q = input.q?.trim();
  if (q) {
    // (a whole valid ID number would match through its HMAC; the benchmark does not search by one)
    if (/^\d+$/.test(q)) where.push(`"member"."mobile" like ${p(`%${q}%`)}`);
    else where.push(`"member"."id" in (select s from member_name_search(${p(q)}) s)`);
  }
  if (input.orgUnitId) {
    const unit = p(input.orgUnitId);
    if (input.includeDescendants) {
      where.push(`"member"."org_unit_id" in (
        with recursive units(id) as (
          select id from org_unit where tenant_id = $1 and id = ${unit}
          union
          select c.id from org_unit c join units u on c.parent_id = u.id where c.tenant_id = $1
        ) select id from units)`);
    } else where.push(`"member"."org_unit_id" = ${unit}`);
  }
  if (input.honour) {
    const kind = p(input.honour);
    const today = p(chinaDate(now));
    where.push(`exists (
      select 1 from member_honour h
      where h.tenant_id = "member"."tenant_id" and h.member_id = "member"."id" and h.kind = ${kind}
        and h.valid_from <= ${today} and (h.valid_until is null or h.valid_until >= ${today}))`);
  }
  return { where: where.join(' and '), params };
}

function statements(tenantId: string, input: MemberListInput, now: Date) {
  const c = conditions(tenantId, input, now);
  const n = c.params.length;
  const cursor = input.after ? (JSON.parse(Buffer.from(input.after, 'base64url').toString('utf8')) as [string, string]) : null;
  const keyset = cursor ? ` and ("member"."name", "member"."id") > ($${n + 2}, $${n + 3}::uuid)` : '';
  return {
    /** findOrgUnit: the unit must exist in this federation (NOT_FOUND otherwise) */
    unit: input.orgUnitId
      ? { text: `select * from "org_unit" where ("org_unit"."tenant_id" = $1 and "org_unit"."id" = $2)`, params: [tenantId, input.orgUnitId] }
      : null,
    /** one more row than a page (is there a next page?), the honours folded in */
    page: {
      text: `select "member"."id", "member"."name", "member"."gender", "member"."mobile", "member"."id_number_masked",
          "member"."birth_date", "member"."org_unit_id", "org_unit"."name" as org_unit_name, "member"."version", "member"."created_at",
          exists (select 1 from membership ms where ms.tenant_id = "member"."tenant_id" and ms.member_id = "member"."id") as has_account,
          coalesce((select json_agg(json_build_object('id', h.id, 'kind', h.kind, 'source', h.source, 'validFrom', h.valid_from, 'validUntil', h.valid_until)
                                    order by h.valid_from, h.id)
                    from member_honour h where h.tenant_id = "member"."tenant_id" and h.member_id = "member"."id"), '[]'::json) as honours
        from "member" inner join "org_unit" on ("org_unit"."tenant_id" = "member"."tenant_id" and "org_unit"."id" = "member"."org_unit_id")
        where ${c.where}${keyset}
        order by "member"."name" asc, "member"."id" asc limit $${n + 1}`,
      params: [...c.params, input.pageSize + 1, ...(cursor ? cursor : [])],
    },
    count: { text: `select count(*)::int as n from (select 1 from "member" where ${c.where} limit ${TOTAL_CAP + 1}) capped`, params: c.params },
  };
}

/** member.list in raw SQL, in the caller's tenant transaction (page and count sent together); the same DTO as the service. */
export async function memberListSql(q: Query, tenantId: string, input: MemberListInput, now = new Date()) {
  const s = statements(tenantId, input, now);
  if (s.unit && !(await q(s.unit.text, s.unit.params)).length) throw new Error('org unit not found');
  // as the service: custom plans for the filters (a generic plan cannot see the honour asked for)
  const [, rows, [count]] = await Promise.all([
    q(`select set_config('plan_cache_mode', 'force_custom_plan', true)`),
    q<Row>(s.page.text, s.page.params),
    q<{ n: number }>(s.count.text, s.count.params),
  ]);
  const more = rows.length > input.pageSize;
  const page = more ? rows.slice(0, input.pageSize) : rows;
  const items: MemberDto[] = page.map((r) => ({
    id: r.id,
    name: r.name,
    gender: r.gender === 'male' || r.gender === 'female' ? r.gender : null,
    mobile: r.mobile,
    idNumberMasked: r.id_number_masked,
    birthDate: r.birth_date,
    birthYear: r.birth_date ? Number(r.birth_date.slice(0, 4)) : null,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    hasAccount: r.has_account,
    honours: typeof r.honours === 'string' ? (JSON.parse(r.honours) as HonourDto[]) : r.honours,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
  }));
  const n = count?.n ?? 0;
  const last = page[page.length - 1];
  return {
    items,
    total: Math.min(n, TOTAL_CAP),
    totalCapped: n > TOTAL_CAP,
    pageSize: input.pageSize,
    next: more && last ? cursorOf(last) : null,
    prev: input.after && page[0] ? cursorOf(page[0]) : null,
  };
}

/** EXPLAIN (ANALYZE, COSTS OFF) of the page and count statements, in the caller's tenant transaction. */
export async function explainMemberList(q: Query, tenantId: string, input: MemberListInput, now = new Date()) {
  const s = statements(tenantId, input, now);
  const explain = async (label: string, st: { text: string; params: unknown[] }) => {
    const rows = await q<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, timing off, summary on) ${st.text}`, st.params);
    return { label, plan: rows.map((r) => r['QUERY PLAN']) };
  };
  return [await explain('page', s.page), await explain('count', s.count)];
}
