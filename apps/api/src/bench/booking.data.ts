import { randomBytes } from 'node:crypto';
import { generateSessionToken } from '../modules/auth/index.ts';
import { tokenHash } from '../lib/token.ts';
import { twinCityTemplate } from '../modules/agreement/index.ts';
import type { RawSql } from './lib/setup.ts';

// Data for the booking burst, loaded as the owner (one tenant transaction per federation, RLS
// being forced): Hangzhou hosting two 100-bed batches (one for the API, one for the SQL
// baseline), Ningbo with 3 × `attempts` members who each have a member login, an active 杭甬
// agreement granting enough places for both runs, and Ningbo's Zhejiang policy. API members get a
// session (the cookie token); a sign-in per member would only measure argon2.

export interface BookingBenchData {
  host: { id: string; slug: string };
  home: { id: string; slug: string };
  apiBatchId: string;
  /** the SQL baseline runs once before and once after the API burst, each on its own batch */
  sqlBatchIds: [string, string];
  routeId: string;
  agreementId: string;
  /** API side: member id, user id and session token */
  apiMembers: { memberId: string; userId: string; token: string }[];
  sqlMembers: [SqlMember[], SqlMember[]];
}

export interface SqlMember {
  memberId: string;
  userId: string;
}

export async function loadBookingData(owner: RawSql, attempts: number, beds: number): Promise<BookingBenchData> {
  const tag = randomBytes(3).toString('hex');
  const fed = async (slug: string, city: string) =>
    (await owner.query<{ id: string }>(`insert into federation (slug, name_zh, name_en, city) values ($1, $2, $3, $4) returning id`, [`${slug}-${tag}`, `${city}市总工会`, `${slug} FTU`, city]))[0]!.id;
  const host = { id: await fed('hangzhou', '杭州'), slug: `hangzhou-${tag}` };
  const home = { id: await fed('ningbo', '宁波'), slug: `ningbo-${tag}` };

  // the agreement, as the initiator (Hangzhou); both party rows are written by the owner
  const content = twinCityTemplate([{ slug: host.slug, nameZh: '杭州市总工会', city: '杭州' }, { slug: home.slug, nameZh: '宁波市总工会', city: '宁波' }], '2026-01-01', '2029-12-31');
  content.commons.find((c) => c.kind === 'recuperation')!.figures.placesPerYear = attempts * 4;
  const { agreementId, routeId, apiBatchId, sqlBatchIds } = await owner.tenant(host.id, async (q) => {
    const [a] = await q<{ id: string }>(
      `insert into agreement (tenant_id, title, status, party_tenant_ids, term_start, term_end) values ($1, '杭甬合作协议（基准测试）', 'active', $2, '2026-01-01', '2029-12-31') returning id`,
      [host.id, [host.id, home.id]],
    );
    const [v] = await q<{ id: string }>(
      `insert into agreement_version (tenant_id, agreement_id, number, content, content_hash, frozen_at, created_by_label, created_by_tenant_id)
       values ($1, $2, 1, $3, 'bench', now(), 'bench', $1) returning id`,
      [host.id, a!.id, JSON.stringify(content)],
    );
    await q(`update agreement set current_version_id = $2, in_force_version_id = $2 where tenant_id = $1 and id = $3`, [host.id, v!.id, a!.id]);
    for (const [i, p] of [host.id, home.id].entries()) {
      await q(`insert into agreement_party (tenant_id, agreement_tenant_id, agreement_id, role, position) values ($1, $2, $3, $4, $5)`, [p, host.id, a!.id, i ? 'party' : 'initiator', i]);
    }
    await q(`insert into org_unit (tenant_id, name, kind) values ($1, '杭州市总工会', 'city')`, [host.id]);
    const [base] = await q<{ id: string }>(
      `insert into recuperation_base (tenant_id, name, city, certification_level, certified_from, certified_until) values ($1, '西湖职工疗休养基地', '杭州', 'provincial', '2024-01-01', '2028-12-31') returning id`,
      [host.id],
    );
    const [route] = await q<{ id: string }>(`insert into recuperation_route (tenant_id, title, days, price_per_day_fen) values ($1, '西湖人文疗休养线', 5, 48000) returning id`, [host.id]);
    await q(`insert into recuperation_route_base (tenant_id, route_id, base_id, position) values ($1, $2, $3, 0)`, [host.id, route!.id, base!.id]);
    // a batch's beds are its pool in the places engine (same id)
    const batch = async (code: string) => {
      const [pool] = await q<{ id: string }>(
        `insert into place_pool (tenant_id, kind, capacity, offer_until) values ($1, 'recuperation.batch', $2, '2027-03-15T00:00:00+08:00') returning id`,
        [host.id, beds],
      );
      await q(
        `insert into recuperation_batch (tenant_id, id, route_id, code, start_date, nights, booking_opens, booking_closes, cancel_deadline)
         values ($1, $2, $3, $4, '2027-03-15', 4, '2026-01-01', '2027-03-01', '2027-03-05')`,
        [host.id, pool!.id, route!.id, code],
      );
      return pool!.id;
    };
    return { agreementId: a!.id, routeId: route!.id, apiBatchId: await batch('BENCH-API'), sqlBatchIds: [await batch('BENCH-SQL-1'), await batch('BENCH-SQL-2')] as [string, string] };
  });

  const total = attempts * 3;
  const userIds = await owner.query<{ id: string }>(
    `insert into app_user (email, display_name, password_hash) select 'bm-' || g || '-' || $1 || '@bench.test', '会员' || g, 'x' from generate_series(1, $2::int) g returning id`,
    [tag, total],
  );
  const tokens = userIds.slice(0, attempts).map(() => generateSessionToken());
  await owner.query(
    `insert into session (id, user_id, expires_at) select s.id, s.user_id, now() + interval '29 days' from unnest($1::text[], $2::uuid[]) as s(id, user_id)`,
    [tokens.map(tokenHash), userIds.slice(0, attempts).map((u) => u.id)],
  );
  const memberIds = await owner.tenant(home.id, async (q) => {
    const [root] = await q<{ id: string }>(`insert into org_unit (tenant_id, name, kind) values ($1, '宁波市总工会', 'city') returning id`, [home.id]);
    const rows = await q<{ id: string }>(
      `insert into member (tenant_id, org_unit_id, name, gender, id_number_enc, id_number_hmac, id_number_masked)
       select $1::uuid, $2::uuid, '会员' || g, 'female', 'v1.bench', encode(sha256(convert_to($1::text || ':' || g, 'UTF8')), 'hex'), '330203********' || lpad(g::text, 4, '0')
       from generate_series(1, $3::int) g order by g returning id`,
      [home.id, root!.id, total],
    );
    await q(`insert into membership (tenant_id, user_id, roles, member_id) select $1, u, array['member'], m from unnest($2::uuid[], $3::uuid[]) as x(u, m)`, [
      home.id,
      userIds.map((u) => u.id),
      rows.map((r) => r.id),
    ]);
    await q(
      `insert into recuperation_policy (tenant_id, effective_from, max_days_per_trip, budget_per_day_fen, budget_per_year_fen, trips_per_year, no_repeat_years, max_parts, priority_groups, given_up_counts_as_used)
       values ($1, '2026-01-01', 5, 60000, 300000, 1, 3, 2, array['frontline', 'model_worker', 'skilled_worker', 'never_sent'], true)`,
      [home.id],
    );
    return rows.map((r) => r.id);
  });
  await owner.query('vacuum analyze');
  return {
    host,
    home,
    apiBatchId,
    sqlBatchIds,
    routeId,
    agreementId,
    apiMembers: tokens.map((token, i) => ({ memberId: memberIds[i]!, userId: userIds[i]!.id, token })),
    sqlMembers: [1, 2].map((k) => memberIds.slice(attempts * k, attempts * (k + 1)).map((memberId, i) => ({ memberId, userId: userIds[attempts * k + i]!.id }))) as [SqlMember[], SqlMember[]],
  };
}
