import { randomUUID } from 'node:crypto';
import { GIVEN, SURNAMES } from '../seed/demoData.ts';
import type { RawSql } from './lib/setup.ts';

// Bulk data for the members benchmark, generated inside PostgreSQL (generate_series) as the
// owner, one transaction per federation with app.tenant_id set (so it works for an owner that
// is not a superuser, too: RLS is forced). ID numbers are fake sealed strings of the right
// shape: member.list never decrypts them.

export interface BenchFederation {
  id: string;
  slug: string;
  rootUnitId: string;
  /** a district union: the subtree (district → streets → grassroots) holds about 1/5 of the members */
  districtUnitId: string;
  unitCount: number;
}

const CITIES = [
  { slug: 'hangzhou', city: '杭州', areaCodes: ['330102', '330105', '330106', '330108', '330109', '330110'] },
  { slug: 'ningbo', city: '宁波', areaCodes: ['330203', '330205', '330206', '330211', '330212'] },
  { slug: 'shaoxing', city: '绍兴', areaCodes: ['330602', '330603', '330604'] },
];
const DISTRICTS = ['上城区', '拱墅区', '西湖区', '滨江区', '萧山区'];
const STREETS = ['中心街道', '东部园区', '西部街道'];
const COMPANIES = ['机械有限公司', '数字科技有限公司'];
const INDUSTRIES = ['教育工会', '卫生健康工会'];

/**
 * Per federation: an org tree of 55 units (市总 → 5 districts → 3 streets each → 2 grassroots each,
 * and 2 industry unions with one grassroots each); `perFederation` members spread over the 32
 * grassroots units; about 15 % of members hold one honour or more.
 */
export async function loadMembersData(owner: RawSql, perFederation: number, tag: string, federations = CITIES.length): Promise<BenchFederation[]> {
  const out: BenchFederation[] = [];
  // a GIN index is much faster built once than kept up row by row: drop the name-grams index
  // (migration 0032) for the bulk load and build it again from its own definition afterwards
  const grams = await owner.query<{ indexdef: string }>(`select indexdef from pg_indexes where indexname = 'member_name_grams_idx'`);
  if (grams.length) await owner.query('drop index member_name_grams_idx');
  for (const [i, c] of CITIES.slice(0, federations).entries()) {
    const slug = `${c.slug}-${tag}`.slice(0, 40);
    const [fed] = await owner.query<{ id: string }>(`insert into federation (slug, name_zh, name_en, city) values ($1, $2, $3, $4) returning id`, [
      slug,
      `${c.city}市总工会`,
      `${c.slug} FTU (bench)`,
      c.city,
    ]);
    const tenantId = fed!.id;
    const units: { id: string; parentId: string | null; name: string; kind: string; sortOrder: number }[] = [];
    const unit = (name: string, kind: string, parentId: string | null, sortOrder: number) => {
      const id = randomUUID();
      units.push({ id, parentId, name, kind, sortOrder });
      return id;
    };
    const grassroots: string[] = [];
    const root = unit(`${c.city}市总工会`, 'city', null, 0);
    const districts: string[] = [];
    for (const [di, d] of DISTRICTS.entries()) {
      const dId = unit(`${d}总工会`, 'district', root, di);
      districts.push(dId);
      for (const [si, s] of STREETS.entries()) {
        const sId = unit(`${d}${s}总工会`, 'street', dId, si);
        for (const [gi, g] of COMPANIES.entries()) grassroots.push(unit(`${c.city}${d}${s}${g}工会`, 'grassroots', sId, gi));
      }
    }
    for (const [ii, ind] of INDUSTRIES.entries()) {
      const iId = unit(`${c.city}市${ind}`, 'industry', root, 100 + ii);
      grassroots.push(unit(`${c.city}市${ind.replace(/工会$/, '')}系统基层工会`, 'grassroots', iId, 0));
    }

    await owner.tenant(tenantId, async (q) => {
      await q(`select setseed($1)`, [0.1 * (i + 1)]);
      // parents come first in the list: the composite FK (tenant_id, parent_id) checks each row
      await q(
        `insert into org_unit (tenant_id, id, parent_id, name, kind, sort_order)
         select $1, u.id, u.parent_id, u.name, u.kind, u.sort_order
         from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::int[]) with ordinality as u(id, parent_id, name, kind, sort_order, n)
         order by n`,
        [tenantId, units.map((u) => u.id), units.map((u) => u.parentId), units.map((u) => u.name), units.map((u) => u.kind), units.map((u) => u.sortOrder)],
      );
      await q(
        `insert into member (tenant_id, org_unit_id, name, gender, mobile, id_number_enc, id_number_hmac,
                             id_number_masked, birth_date, frontline, created_at, updated_at)
         select $1::uuid,
                ($2::uuid[])[1 + (g % array_length($2::uuid[], 1))],
                s.surname || s.given1 || coalesce(s.given2, ''),
                case when random() < 0.55 then 'male' else 'female' end,
                case when random() < 0.9 then '1' || (array['3','5','7','8','9'])[1 + floor(random() * 5)::int]
                       || lpad(floor(random() * 1e9)::bigint::text, 9, '0') end,
                'v1.' || encode(substr(h.d, 1, 12), 'base64') || '.' || encode(substr(h.d, 5, 18), 'base64')
                       || '.' || encode(substr(h.d, 17, 16), 'base64'),
                encode(h.d, 'hex'),
                ($3::text[])[1 + (g % array_length($3::text[], 1))] || '********' || lpad((g % 10000)::text, 4, '0'),
                date '1966-01-01' + floor(random() * 13500)::int,
                null,
                ts, ts
         from generate_series(1, $4::int) g
         cross join lateral (select sha256(convert_to($1 || ':' || g, 'UTF8')) as d) h
         cross join lateral (select timestamptz '2023-01-01 08:00+08' + g * interval '5 minutes' as ts) t
         cross join lateral (
           select ($5::text[])[1 + floor(random() * array_length($5::text[], 1))::int] as surname,
                  ($6::text[])[1 + floor(random() * array_length($6::text[], 1))::int] as given1,
                  case when random() < 0.7 then ($6::text[])[1 + floor(random() * array_length($6::text[], 1))::int] end as given2,
                  g as dep  -- correlates the subquery with g so random() runs per row
         ) s`,
        [tenantId, grassroots, c.areaCodes, perFederation, SURNAMES, GIVEN],
      );
      // ~15 % of members hold an honour: 3 % model workers, 2 % May Day medals, 5 % skilled
      // workers, 5 % frontline only; a fifth of the honoured also carry a frontline flag.
      await q(
        `with pick as (select id, random() as r, random() as r2 from member where tenant_id = $1)
         insert into member_honour (tenant_id, member_id, kind, source, valid_from, valid_until)
         select $1, id, k.kind, k.source, k.valid_from::date, k.valid_until::date
         from pick cross join lateral (
           select * from (values
             ('model_worker', $2::text || '市劳动模范（2021年）', '2021-04-28', null, r < 0.03),
             ('may_day_medal', '浙江省五一劳动奖章', '2023-04-28', null, r >= 0.03 and r < 0.05),
             ('skilled_worker', $2::text || '市技术能手', '2024-11-01', '2029-10-31', r >= 0.05 and r < 0.10),
             ('frontline', '一线职工', '2020-01-01', null, (r >= 0.10 and r < 0.15) or (r < 0.10 and r2 < 0.2))
           ) v(kind, source, valid_from, valid_until, chosen) where chosen
         ) k`,
        [tenantId, c.city],
      );
    });
    out.push({ id: tenantId, slug, rootUnitId: root, districtUnitId: districts[1]!, unitCount: units.length });
  }
  if (grams.length) await owner.query(grams[0]!.indexdef);
  // fresh statistics and a set visibility map, as a long-running database would have
  await owner.query('vacuum analyze');
  return out;
}
