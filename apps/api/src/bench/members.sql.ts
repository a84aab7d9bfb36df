import type { MemberDto } from '@uc/contracts';
import { chinaDate } from '../lib/dates.ts';
import type { Query } from './lib/setup.ts';

// The baseline: the statements the members service runs for member.list
// (modules/member/member.query.ts, member.repo.ts, and findOrgUnit from modules/orgUnit),
// written out in SQL the way Drizzle renders them. Keep it in step with the
// service: the benchmark checks that both return the same total, page and honours.

export interface MemberListInput {
  page: number;
  pageSize: number;
  q?: string;
  orgUnitId?: string;
  includeDescendants: boolean;
  honour?: 'model_worker' | 'may_day_medal' | 'skilled_worker' | 'frontline';
}

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
}

interface HonourRow {
  id: string;
  member_id: string;
  kind: HonourDto['kind'];
  source: string;
  valid_from: string;
  valid_until: string | null;
}

const escapeLike = (v: string) => v.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** members.filter.ts memberConditions: the WHERE shared by the page and the count. */
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
    else if (/[a-z]/i.test(q)) where.push(`"member"."name" ilike ${p(`%${escapeLike(q)}%`)}`);
    else where.push(`"member"."name" like ${p(`%${escapeLike(q)}%`)}`);
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
  return {
    /** findOrgUnit: the unit must exist in this federation (NOT_FOUND otherwise) */
    unit: input.orgUnitId
      ? { text: `select * from "org_unit" where ("org_unit"."tenant_id" = $1 and "org_unit"."id" = $2)`, params: [tenantId, input.orgUnitId] }
      : null,
    page: {
      text: `select "member"."id", "member"."name", "member"."gender", "member"."mobile", "member"."id_number_masked",
          "member"."birth_date", "member"."org_unit_id", "org_unit"."name" as org_unit_name, "member"."version", "member"."created_at"
        from "member" inner join "org_unit" on ("org_unit"."tenant_id" = "member"."tenant_id" and "org_unit"."id" = "member"."org_unit_id")
        where ${c.where}
        order by "member"."name" asc, "member"."id" asc limit $${n + 1} offset $${n + 2}`,
      params: [...c.params, input.pageSize, (input.page - 1) * input.pageSize],
    },
    count: { text: `select count(*)::int as n from "member" where ${c.where}`, params: c.params },
  };
}

/** members.repo.ts honoursByMember: the page's honours in one query (Drizzle's inArray: one parameter per id). */
function honoursStatement(tenantId: string, ids: string[]) {
  const list = ids.map((_, i) => `$${i + 2}`).join(', ');
  return {
    text: `select * from "member_honour" where ("member_honour"."tenant_id" = $1 and "member_honour"."member_id" in (${list}))
      order by "member_honour"."valid_from" asc, "member_honour"."id" asc`,
    params: [tenantId, ...ids],
  };
}

/** member.list in raw SQL, in the caller's tenant transaction; the same DTO as the service. */
export async function memberListSql(q: Query, tenantId: string, input: MemberListInput, now = new Date()) {
  const s = statements(tenantId, input, now);
  if (s.unit && !(await q(s.unit.text, s.unit.params)).length) throw new Error('org unit not found');
  const rows = await q<Row>(s.page.text, s.page.params);
  const [count] = await q<{ n: number }>(s.count.text, s.count.params);
  const byMember = new Map<string, HonourDto[]>();
  if (rows.length) {
    const h = honoursStatement(
      tenantId,
      rows.map((r) => r.id),
    );
    for (const r of await q<HonourRow>(h.text, h.params)) {
      const list = byMember.get(r.member_id) ?? [];
      list.push({ id: r.id, kind: r.kind, source: r.source, validFrom: r.valid_from, validUntil: r.valid_until });
      byMember.set(r.member_id, list);
    }
  }
  const items: MemberDto[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    gender: r.gender === 'male' || r.gender === 'female' ? r.gender : null,
    mobile: r.mobile,
    idNumberMasked: r.id_number_masked,
    birthDate: r.birth_date,
    birthYear: r.birth_date ? Number(r.birth_date.slice(0, 4)) : null,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    honours: byMember.get(r.id) ?? [],
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
  }));
  return { items, total: count?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

/** EXPLAIN (ANALYZE, COSTS OFF) of the page, count and honours statements, in the caller's tenant transaction. */
export async function explainMemberList(q: Query, tenantId: string, input: MemberListInput, now = new Date()) {
  const s = statements(tenantId, input, now);
  const explain = async (label: string, st: { text: string; params: unknown[] }) => {
    const rows = await q<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, timing off, summary on) ${st.text}`, st.params);
    return { label, plan: rows.map((r) => r['QUERY PLAN']) };
  };
  const out = [await explain('page', s.page), await explain('count', s.count)];
  const ids = (await q<Row>(s.page.text, s.page.params)).map((r) => r.id);
  if (ids.length) out.push(await explain('honours', honoursStatement(tenantId, ids)));
  return out;
}
