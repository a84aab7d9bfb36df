import { randomBytes } from 'node:crypto';
import { CONSENT_VERSION } from '@uc/contracts';
import type { Query } from './lib/setup.ts';

// The BEST raw-SQL form of recuperation.booking.book's rules, not a replay of the API's
// statements: what a PostgreSQL expert would write. One plpgsql function (installed by the bench
// as the owner, run as the app role under forced RLS, SECURITY INVOKER) called in ONE round trip
// per booking (an implicit transaction: no BEGIN/COMMIT round trips), on a connection with the
// API's driver settings (postgres.js, named prepared statements). It does what the API does:
//  - the membership that sets the tenant (and the user's email, the actor label);
//  - eligibility facts: the member and unit, honours, history, the policy in force on the
//    batch's start date (trip length, price per day, budget per year, trips and parts per year,
//    days per year, no repeat within N years, the waitlist rank), the window, the partner agreement;
//  - idempotency: the same key, or an active booking on this batch, answers 'existing';
//  - quota: the ledger line (opened when missing) and the unit's allocation, places left;
//  - beds: one conditional UPDATE of the batch's pool as the host, else waitlisted with its position;
//  - the notice row (in-app) and its email (outbox);
//  - the audit event chained to the federation's head (the same canonical JSON and SHA-256 as
//    contentHashOf, appended through audit_append and sealed like the app's).
// What it leaves out is the API itself: HTTP, the session cookie's lookup, tRPC, zod, Drizzle,
// building the answer and JSON.

export interface SqlAttempt {
  homeId: string;
  homeSlug: string;
  hostId: string;
  memberId: string;
  userId: string;
  batchId: string;
  idempotencyKey: string;
}

export const BOOK_FUNCTION = `
create or replace function bench_book(p_slug text, p_user uuid, p_member uuid, p_batch uuid, p_key text, p_now timestamptz, p_token text, p_consent text, p_url text)
returns text language plpgsql security invoker as $fn$
declare
  v_home uuid; v_email text; rb record; rm record; pol record; v_agr record; v_route record; rq record;
  v_today date := (p_now at time zone 'Asia/Shanghai')::date;
  v_year int; v_days int; v_price int; v_used int; v_spent bigint; v_parts int; v_daysum int; v_recent int;
  v_rank int; v_groups text[]; v_frontline bool; v_model bool; v_skilled bool; v_never bool;
  v_granted int; v_quota uuid; v_alloc uuid; v_left int; v_id uuid; v_requested timestamptz; v_status text := 'requested';
  v_pos int; v_seq bigint; v_prev text; v_hash text; v_at text; v_title text; v_body text; v_link text;
begin
  perform set_config('app.user_id', p_user::text, true);
  select ms.tenant_id, u.email into v_home, v_email
    from membership ms join federation f on f.id = ms.tenant_id join app_user u on u.id = ms.user_id
    where f.slug = p_slug and ms.user_id = p_user and ms.status = 'active' and ms.member_id = p_member;
  if v_home is null then return 'not_found'; end if;
  perform set_config('app.tenant_id', v_home::text, true);

  select bt.*, p.capacity, p.taken, p.shared, p.status as pool_status into rb
    from recuperation_batch bt join place_pool p on p.tenant_id = bt.tenant_id and p.id = bt.id where bt.id = p_batch;
  if rb is null then return 'not_found'; end if;
  -- idempotency: the same submission, or this member already on this batch
  if exists (select 1 from recuperation_booking k where k.tenant_id = v_home and k.member_id = p_member
             and (k.idempotency_key = p_key or (k.batch_id = p_batch and k.status in ('waitlisted', 'offered', 'requested', 'approved', 'confirmed')))) then
    return 'existing';
  end if;
  select mb.name, mb.gender, mb.id_number_masked, mb.org_unit_id, mb.frontline, u.name as unit_name into rm
    from member mb join org_unit u on u.tenant_id = mb.tenant_id and u.id = mb.org_unit_id where mb.tenant_id = v_home and mb.id = p_member;
  if rm is null then return 'not_found'; end if;
  if rb.pool_status <> 'open' or v_today < rb.booking_opens or v_today > rb.booking_closes then return 'refused'; end if;
  select title, price_per_day_fen into v_route from recuperation_route where tenant_id = rb.tenant_id and id = rb.route_id;
  v_days := rb.nights + 1; v_price := v_route.price_per_day_fen; v_year := extract(year from rb.start_date);

  -- the policy in force on the start date, and the member's history under it
  select * into pol from recuperation_policy where tenant_id = v_home and effective_from <= rb.start_date
    and (effective_to is null or effective_to >= rb.start_date) order by effective_from desc limit 1;
  if pol is null then return 'refused'; end if;
  select count(*) filter (where y = v_year), coalesce(sum(cost) filter (where y = v_year), 0), coalesce(sum(d) filter (where y = v_year), 0),
         count(*) filter (where y < v_year and y > v_year - pol.no_repeat_years), count(*) filter (where s < rb.start_date)
    into v_parts, v_spent, v_daysum, v_recent, v_used
    from (select extract(year from k.batch_start)::int as y, k.batch_start as s, k.trip_days as d, k.trip_days::bigint * k.price_per_day_fen as cost
          from recuperation_booking k where k.tenant_id = v_home and k.member_id = p_member and k.batch_id <> p_batch
            and (k.status in ('offered', 'requested', 'approved', 'confirmed', 'completed', 'no_show')
                 or (k.status = 'cancelled' and k.cancel_kind = 'member' and k.cancel_justified = false and pol.given_up_counts_as_used))) h;
  if v_days > pol.max_days_per_trip or v_price > pol.budget_per_day_fen or v_spent + v_price * v_days > pol.budget_per_year_fen
     or pol.trips_per_year = 0 or (pol.max_parts = 1 and v_parts >= pol.trips_per_year) or v_parts + 1 > pol.max_parts * pol.trips_per_year
     or (v_parts > 0 and v_daysum + v_days > pol.max_days_per_trip * pol.trips_per_year)
     or (pol.no_repeat_years > 1 and v_recent > 0) then
    return 'refused';
  end if;
  select coalesce(rm.frontline, '') <> '' or coalesce(bool_or(kind = 'frontline'), false), coalesce(bool_or(kind in ('model_worker', 'may_day_medal')), false), coalesce(bool_or(kind = 'skilled_worker'), false)
    into v_frontline, v_model, v_skilled
    from member_honour where tenant_id = v_home and member_id = p_member and valid_from <= rb.start_date and (valid_until is null or valid_until >= rb.start_date);
  v_never := v_used = 0;
  select array_agg(g order by o) into v_groups from unnest(pol.priority_groups) with ordinality as x(g, o)
    where (g = 'frontline' and coalesce(v_frontline, false)) or (g = 'model_worker' and v_model) or (g = 'skilled_worker' and v_skilled) or (g = 'never_sent' and v_never);
  v_rank := coalesce(array_position(pol.priority_groups, v_groups[1]), cardinality(pol.priority_groups) + 1) - 1;

  -- the partner agreement in force, its places this year, the ledger line and the unit's share
  if rb.tenant_id <> v_home then
    -- the host's own figure when the directions differ, else the common one
    select a.tenant_id, a.id, (select coalesce(c->'figures'->'placesPerYearByHost'->>(select slug from federation where id = rb.tenant_id), c->'figures'->>'placesPerYear')::int
                               from jsonb_array_elements(v.content->'commons') c where c->>'kind' = 'recuperation' and (c->>'enabled')::boolean limit 1) as granted
      into v_agr
      from agreement a join agreement_version v on v.tenant_id = a.tenant_id and v.id = a.in_force_version_id
      where a.status = 'active' and a.party_tenant_ids @> array[rb.tenant_id, v_home] and a.term_start <= rb.start_date and a.term_end >= rb.start_date
      order by a.term_start desc limit 1;
    if v_agr is null or coalesce(v_agr.granted, 0) < 1 then return 'refused'; end if;
    insert into place_quota (tenant_id, kind, host_tenant_id, agreement_tenant_id, agreement_id, year, granted)
      values (v_home, 'recuperation', rb.tenant_id, v_agr.tenant_id, v_agr.id, v_year, v_agr.granted) on conflict do nothing;
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from org_unit where tenant_id = v_home and id = rm.org_unit_id
      union all select u.id, u.parent_id, up.depth + 1 from org_unit u join up on u.id = up.parent_id where u.tenant_id = v_home and up.depth < 20)
    select pq.id, pq.granted, pq.used, pq.allocated, pq.pool_used, s.id as alloc_id, s.places, s.used as share_used into rq
      from place_quota pq left join lateral (
        select a.id, a.places, a.used from up join place_allocation a on a.tenant_id = v_home and a.quota_id = pq.id and a.org_unit_id = up.id
        where a.places > 0 order by up.depth limit 1) s on true
      where pq.tenant_id = v_home and pq.kind = 'recuperation' and pq.agreement_id = v_agr.id and pq.host_tenant_id = rb.tenant_id and pq.year = v_year;
    v_quota := rq.id; v_alloc := rq.alloc_id;
    v_left := least(rq.granted - rq.used, case when rq.alloc_id is null then rq.granted - rq.allocated - rq.pool_used else rq.places - rq.share_used end);
    if v_left < 1 then return 'refused'; end if;
  end if;

  insert into recuperation_booking (tenant_id, host_tenant_id, batch_id, member_id, quota_id, allocation_id, status, beds, quota_places, priority_rank, companions,
      member_name, member_gender, member_id_masked, org_unit_name, consent_at, consent_method, consent_share_mobile, consent_version,
      batch_start, trip_days, price_per_day_fen, idempotency_key, checkin_token, requested_at, created_by)
    values (v_home, rb.tenant_id, p_batch, p_member, v_quota, v_alloc, 'requested', 1, case when v_quota is null then 0 else 1 end, v_rank, '[]',
      rm.name, rm.gender, rm.id_number_masked, rm.unit_name, p_now, 'member', false, p_consent,
      rb.start_date, v_days, v_price, p_key, p_token, p_now, v_email)
    on conflict do nothing returning id, requested_at into v_id, v_requested;
  if v_id is null then return 'existing'; end if;

  -- a bed, as the host, unless the batch was already full when read; then the agreement place
  if rb.taken + rb.shared + 1 <= rb.capacity then
    perform set_config('app.tenant_id', rb.tenant_id::text, true);
    update place_pool set taken = taken + 1 where tenant_id = rb.tenant_id and id = p_batch and status = 'open' and taken + shared + 1 <= capacity;
    if not found then v_status := 'waitlisted'; end if;
    perform set_config('app.tenant_id', v_home::text, true);
  else
    v_status := 'waitlisted';
  end if;
  if v_status = 'requested' and v_quota is not null then
    update place_quota set used = used + 1, pool_used = pool_used + case when v_alloc is null then 1 else 0 end, updated_at = p_now
      where tenant_id = v_home and id = v_quota and used + 1 <= granted and (v_alloc is not null or pool_used + 1 <= granted - allocated);
    if not found then raise exception 'quota exhausted'; end if;
    if v_alloc is not null then
      update place_allocation set used = used + 1 where tenant_id = v_home and id = v_alloc and used + 1 <= places;
      if not found then raise exception 'quota exhausted'; end if;
    end if;
  elsif v_status = 'waitlisted' then
    update recuperation_booking set status = 'waitlisted' where tenant_id = v_home and id = v_id;
    perform set_config('app.tenant_id', rb.tenant_id::text, true);
    select count(*) + 1 into v_pos from recuperation_booking where host_tenant_id = rb.tenant_id and batch_id = p_batch and status = 'waitlisted'
      and (priority_rank, requested_at, id) < (v_rank, v_requested, v_id);
    perform set_config('app.tenant_id', v_home::text, true);
  end if;

  -- the member's notice: in-app and email, in their language, for each login of theirs
  v_link := '/recuperation/bookings/' || v_id;
  insert into notification (tenant_id, user_id, kind, title, body, link)
    select v_home, u.id, 'booking.' || v_status,
      case when u.locale = 'en' then 'Booking ' || v_status else '疗休养报名' || case when v_status = 'waitlisted' then '已候补' else '已提交' end end,
      case when u.locale = 'en' then format('%s, %s (%s)%s', v_route.title, rb.code, rb.start_date, coalesce(', position ' || v_pos, ''))
           else format('%s，%s（%s）%s', v_route.title, rb.code, rb.start_date, coalesce('，候补第' || v_pos || '位', '')) end,
      '/t/' || p_slug || v_link
    from membership ms join app_user u on u.id = ms.user_id where ms.tenant_id = v_home and ms.member_id = p_member and ms.status = 'active';
  insert into outbox (tenant_id, to_email, subject, body_text)
    select v_home, u.email, '【工会协作平台】' || n.title, n.body || E'\\n\\n' || p_url || n.link || E'\\n'
    from notification n join app_user u on u.id = n.user_id where n.tenant_id = v_home and n.link = '/t/' || p_slug || v_link;

  -- the audit event, appended unchained through audit_append (docs/decisions/0024): no head lock;
  -- the sequencer chains it after commit. content_hash is contentHashOf's canonical JSON; the SQL
  -- side holds no MAC key, so its "MAC" is a stand-in of the same cost class (one sha256)
  v_prev := gen_random_uuid()::text;
  v_at := to_char(p_now at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  v_hash := encode(sha256(convert_to(
    '{"actorLabel":' || to_json(v_email)::text || ',"actorUserId":' || to_json(p_user::text)::text || ',"at":' || to_json(v_at)::text ||
    ',"data":{"batchId":' || to_json(p_batch::text)::text || ',"beds":1,"nominated":false,"status":' || to_json(v_status)::text || '}' ||
    ',"entityId":' || to_json(v_id::text)::text || ',"entityType":"recuperation_booking","id":' || to_json(v_prev)::text || ',"ip":"127.0.0.1"' ||
    ',"tenantId":' || to_json(v_home::text)::text || ',"type":"recuperation.booked"}', 'UTF8')), 'hex');
  perform audit_append(v_home, v_prev::uuid, p_now, p_user, v_email, '127.0.0.1', 'recuperation.booked', 'recuperation_booking', v_id::text,
      jsonb_build_object('batchId', p_batch, 'status', v_status, 'beds', 1, 'nominated', false), v_hash, encode(sha256(convert_to('bench|' || v_hash, 'UTF8')), 'hex'));
  return v_status;
end
$fn$`;

/** One booking: one statement, one round trip (its own implicit transaction). */
export async function sqlBook(q: Query, a: SqlAttempt, now: Date): Promise<string> {
  const [row] = await q<{ out: string }>(`select bench_book($1, $2, $3, $4, $5, $6, $7, $8, $9) as out`, [
    a.homeSlug,
    a.userId,
    a.memberId,
    a.batchId,
    a.idempotencyKey,
    now.toISOString(),
    randomBytes(24).toString('base64url'),
    CONSENT_VERSION,
    'http://localhost:3000',
  ]);
  return row!.out;
}
