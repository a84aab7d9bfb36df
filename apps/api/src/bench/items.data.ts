// Bulk data for the joint-items benchmark and the EXPLAIN test, generated inside PostgreSQL
// (generate_series), deterministic (md5 of ids, no random()), relative to `today`:
// `federations` federations with 5 leads each; `agreements` agreements between two of them
// (90 % active); `items` joint items spread evenly over the agreements, with a side per party
// (responsible: one of that party's leads), 3 milestones each (done, overdue, due soon, later,
// half of them with an owner per side), progress updates from both sides over 12 weeks, a small
// PDF on every tenth item and three activity entries per item.
// It writes every tenant's rows in bulk, so it must run as a role that bypasses row-level
// security (a superuser or BYPASSRLS): the default bench server URL connects as postgres.

export type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export interface ItemsScale {
  federations: number;
  agreements: number;
  items: number;
}
export const FULL_SCALE: ItemsScale = { federations: 300, agreements: 2000, items: 100_000 };
export const LEADS_PER_FEDERATION = 5;

export interface ItemsData {
  /** the federations in order: index 0 is the one the benchmark signs in to */
  federations: { id: string; slug: string }[];
  /** email of lead 0 of each federation: lead0@<slug>.bench */
  leadEmail(slug: string, n?: number): string;
}

export async function loadItemsData(q: Query, scale: ItemsScale, tag: string, today: string, passwordHash: string): Promise<ItemsData> {
  const [me] = await q<{ ok: boolean }>(`select rolsuper or rolbypassrls as ok from pg_roles where rolname = current_user`);
  if (!me?.ok) throw new Error('the items data loader writes every tenant in bulk: connect as a superuser or a role with BYPASSRLS');
  const prefix = `bi${tag}-`;
  const F = `with f as (select (substr(slug, ${prefix.length + 1}))::int as i, id, slug from federation where slug like '${prefix}%')`;

  await q(
    `insert into federation (slug, name_zh, name_en, city)
     select $1 || g, '测试' || g || '市总工会', 'Bench FTU ' || g, '测试' || g from generate_series(0, $2::int - 1) g`,
    [prefix, scale.federations],
  );
  await q(
    `${F} insert into app_user (email, display_name, password_hash)
     select 'lead' || l || '@' || f.slug || '.bench', '负责人' || l, $1 from f cross join generate_series(0, ${LEADS_PER_FEDERATION - 1}) l`,
    [passwordHash],
  );
  await q(
    `${F} insert into membership (tenant_id, user_id, roles)
     select f.id, u.id, array['lead'] from f join app_user u on u.email like 'lead%@' || f.slug || '.bench'`,
  );
  // agreement j: owner j mod N, partner a distinct federation spread over the others
  await q(
    `${F} insert into agreement (tenant_id, title, status, party_tenant_ids, term_start, term_end)
     select o.id, '合作协议 ' || j, case when j % 10 = 9 then 'expired' else 'active' end, array[o.id, p.id], date '2025-01-01', date '2028-12-31'
     from generate_series(0, $1::int - 1) j
     join f o on o.i = j % $2
     join f p on p.i = (j % $2 + 1 + (j / $2 * 7) % ($2 - 1)) % $2`,
    [scale.agreements, scale.federations],
  );
  await q(
    `${F} insert into agreement_party (tenant_id, agreement_tenant_id, agreement_id, role, position)
     select a.party_tenant_ids[k], a.tenant_id, a.id, case when k = 1 then 'initiator' else 'party' end, k - 1
     from agreement a join f on f.id = a.tenant_id cross join generate_series(1, 2) k`,
  );
  const perAgreement = Math.max(1, Math.round(scale.items / scale.agreements));
  await q(
    `${F} insert into joint_item (tenant_id, agreement_id, kind, title, lead_tenant_id, start_date, end_date, status, phase, source, created_by_tenant_id, health, created_at, updated_at)
     select a.tenant_id, a.id, (array['programme','rights','contest','recuperation','project'])[1 + k % 5], '共建项目 ' || k,
            a.party_tenant_ids[1 + k % 2], date '2025-01-01' + (k % 200), date '2027-06-30' + (k % 300),
            (array['in_progress','in_progress','not_started','delayed','done','in_progress','cancelled','in_progress'])[1 + (k * 7 + length(a.title)) % 8],
            case when k % 5 = 4 then 'research' end, 'plan', a.tenant_id,
            (array[null, 'on_track', 'at_risk', 'off_track', 'on_track'])[1 + (k * 3 + length(a.title)) % 5], now(), now()
     from agreement a join f on f.id = a.tenant_id cross join generate_series(0, $1::int - 1) k`,
    [perAgreement],
  );
  // responsible persons: one of the party's five leads, by a hash of the item
  await q(
    `with leads as (
       select m.tenant_id, (substr(u.email, 5, 1))::int as n, u.id as user_id from membership m join app_user u on u.id = m.user_id where u.email like 'lead_@%.bench')
     insert into joint_item_side (tenant_id, item_id, agreement_id, party_tenant_id, responsible_user_id, responsible_name, updated_at)
     select i.tenant_id, i.id, i.agreement_id, a.party_tenant_ids[k], l.user_id, '负责人', now()
     from joint_item i join agreement a on a.tenant_id = i.tenant_id and a.id = i.agreement_id
     cross join generate_series(1, 2) k
     left join leads l on l.tenant_id = a.party_tenant_ids[k] and l.n = abs(hashtext(i.id::text || k)) % ${LEADS_PER_FEDERATION}`,
  );
  // three milestones per item around today: one done long ago, one overdue or done, one ahead
  await q(
    `insert into joint_milestone (tenant_id, agreement_id, item_id, title, due_date, status, done_at, created_by_tenant_id, created_at, updated_at)
     select i.tenant_id, i.agreement_id, i.id, '节点 ' || k, d.due, s.status, case when s.status = 'done' then now() end, i.tenant_id, now(), now()
     from joint_item i cross join generate_series(0, 2) k
     cross join lateral (select abs(hashtext(i.id::text || k)) as h) x
     cross join lateral (select $1::date + (case k when 0 then -120 when 1 then -40 else 5 end) + (x.h % 60) as due) d
     cross join lateral (select case when k = 0 or (k = 1 and x.h % 3 = 0) then 'done' else 'open' end as status) s`,
    [today],
  );
  await q(
    `with leads as (
       select m.tenant_id, (substr(u.email, 5, 1))::int as n, u.id as user_id from membership m join app_user u on u.id = m.user_id where u.email like 'lead_@%.bench')
     insert into joint_milestone_side (tenant_id, milestone_id, agreement_id, party_tenant_id, owner_user_id, owner_name, updated_at)
     select ms.tenant_id, ms.id, ms.agreement_id, a.party_tenant_ids[k], case when abs(hashtext(ms.id::text)) % 2 = 0 then l.user_id end, '', now()
     from joint_milestone ms join agreement a on a.tenant_id = ms.tenant_id and a.id = ms.agreement_id
     cross join generate_series(1, 2) k
     left join leads l on l.tenant_id = a.party_tenant_ids[k] and l.n = abs(hashtext(ms.id::text || k)) % ${LEADS_PER_FEDERATION}`,
  );
  // confirmations: both sides on a done milestone, the lead side alone on a quarter of the open ones
  await q(
    `insert into joint_milestone_confirmation (tenant_id, milestone_id, round, party_tenant_id, agreement_id, confirmed_by_label, created_at)
     select ms.tenant_id, ms.id, 1, a.party_tenant_ids[k], ms.agreement_id, 'bench', now()
     from joint_milestone ms join agreement a on a.tenant_id = ms.tenant_id and a.id = ms.agreement_id cross join generate_series(1, 2) k
     where ms.status = 'done' or (k = 1 and abs(hashtext(ms.id::text)) % 4 = 0)`,
  );
  // progress: items with a health have two updates in the last 12 weeks, one from each side
  await q(
    `insert into joint_item_update (tenant_id, agreement_id, item_id, party_tenant_id, author_label, health, body, created_at)
     select i.tenant_id, i.agreement_id, i.id, a.party_tenant_ids[k], 'bench', case when k = 1 then 'on_track' else i.health end, '进展 ' || k,
            ($1::date - (abs(hashtext(i.id::text || k)) % 84))::timestamp at time zone 'Asia/Shanghai' + interval '10 hours'
     from joint_item i join agreement a on a.tenant_id = i.tenant_id and a.id = i.agreement_id cross join generate_series(1, 2) k
     where i.health is not null`,
    [today],
  );
  // a small PDF on every tenth item, and the activity the changes above would have written
  await q(
    `insert into joint_item_attachment (tenant_id, agreement_id, item_id, party_tenant_id, filename, content_type, size, sha256, bytes, uploaded_by_label, created_at)
     select i.tenant_id, i.agreement_id, i.id, i.lead_tenant_id, '材料.pdf', 'application/pdf', 5, encode(sha256('%PDF-'::bytea), 'hex'), '%PDF-'::bytea, 'bench', now()
     from joint_item i where abs(hashtext(i.id::text)) % 10 = 0`,
  );
  await q(
    `insert into joint_item_activity (tenant_id, agreement_id, item_id, type, actor_label, data, created_at)
     select i.tenant_id, i.agreement_id, i.id, t.type, 'bench', jsonb_build_object('title', i.title), now() - (t.n || ' days')::interval
     from joint_item i cross join (values ('item.created', 90), ('milestone.created', 80), ('progress.posted', 3)) t(type, n)`,
  );
  await q('vacuum analyze');
  const federations = await q<{ id: string; slug: string }>(`${F} select id, slug from f order by i`);
  return { federations, leadEmail: (slug, n = 0) => `lead${n}@${slug}.bench` };
}
