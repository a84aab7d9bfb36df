import { randomBytes } from 'node:crypto';
import { CONSENT_VERSION } from '@uc/contracts';
import { hashEvent, GENESIS_HASH } from '../modules/audit/index.ts';
import type { Query } from './lib/setup.ts';

// The booking transaction of recuperation.booking.book in raw SQL, statement for statement as
// the service issues it (modules/recuperation/booking.book.ts and the places engine's claim), on one app-role
// connection: the membership lookup that sets the tenant, the reads that judge eligibility (sent
// together, as the service pipelines them), the insert against the partial unique index, the
// conditional UPDATEs of the batch (as the host) and of the quota, the member's notice and the
// audit event last. What it leaves out is the API itself: HTTP, the session cookie's lookup,
// tRPC, zod, Drizzle, building the answer and JSON.

export interface SqlAttempt {
  homeId: string;
  homeSlug: string;
  hostId: string;
  memberId: string;
  userId: string;
  batchId: string;
  idempotencyKey: string;
}

const ACTIVE = `('waitlisted', 'offered', 'requested', 'approved', 'confirmed')`;

export async function sqlBook(q: Query, a: SqlAttempt, now: Date): Promise<'requested' | 'waitlisted' | 'existing'> {
  // tenantProcedure: the user, then the membership that sets the tenant
  await q(`select set_config('app.user_id', $1, true)`, [a.userId]);
  await q(
    `select m.tenant_id, m.roles, m.member_id, set_config('app.tenant_id', m.tenant_id::text, true)
     from membership m join federation f on f.id = m.tenant_id where f.slug = $1 and m.user_id = $2 and m.status = 'active'`,
    [a.homeSlug, a.userId],
  );
  const [batch] = await q<{ tenant_id: string; route_id: string; start_date: string; nights: number; beds_taken: number; capacity: number }>(
    `select b.*, p.capacity, p.taken as beds_taken from recuperation_batch b join place_pool p on p.tenant_id = b.tenant_id and p.id = b.id where b.id = $1`,
    [a.batchId],
  );
  // assess: seven reads sent together
  const [memberRows, , bookings, , routeRows, agreementRows] = await Promise.all([
    q<{ name: string; gender: string; id_number_masked: string; org_unit_id: string; org_unit_name: string }>(
      `select m.id, m.name, m.gender, m.mobile, m.id_number_masked, m.org_unit_id, u.name as org_unit_name, m.frontline
       from member m join org_unit u on u.tenant_id = m.tenant_id and u.id = m.org_unit_id where m.tenant_id = $1 and m.id = $2`,
      [a.homeId, a.memberId],
    ),
    q(`select kind, valid_from, valid_until from member_honour where tenant_id = $1 and member_id = $2`, [a.homeId, a.memberId]),
    q<{ idempotency_key: string; batch_id: string; status: string }>(`select * from recuperation_booking where tenant_id = $1 and member_id = $2`, [a.homeId, a.memberId]),
    q(`select * from recuperation_policy where tenant_id = $1 order by effective_from`, [a.homeId]),
    q<{ title: string; price_per_day_fen: number }>(`select title, price_per_day_fen from recuperation_route where tenant_id = $1 and id = $2`, [batch!.tenant_id, batch!.route_id]),
    q<{ tenant_id: string; id: string }>(
      `select a.tenant_id, a.id, a.title, v.content from agreement a join agreement_version v on v.tenant_id = a.tenant_id and v.id = a.in_force_version_id
       where a.status = 'active' and a.party_tenant_ids @> array[$1, $2]::uuid[] and a.term_start <= $3 and a.term_end >= $3 order by a.term_start desc limit 1`,
      [batch!.tenant_id, a.homeId, batch!.start_date],
    ),
    q(`select id, slug, name_zh, name_en from federation where id = any($1::uuid[])`, [[a.hostId, a.homeId]]),
  ]);
  if (bookings.some((b) => b.idempotency_key === a.idempotencyKey || (b.batch_id === a.batchId && ACTIVE.includes(`'${b.status}'`)))) return 'existing';
  const m = memberRows[0]!;
  const year = Number(batch!.start_date.slice(0, 4));
  const agreement = agreementRows[0]!;
  let [quota] = await q<{ quota_id: string }>(
    `with recursive up(id, parent_id, depth) as (
       select id, parent_id, 0 from org_unit where tenant_id = $1 and id = $2
       union all select u.id, u.parent_id, up.depth + 1 from org_unit u join up on u.id = up.parent_id where u.tenant_id = $1 and up.depth < 20),
     q as (select * from place_quota where tenant_id = $1 and kind = 'recuperation' and agreement_id = $3 and host_tenant_id = $4 and year = $5),
     share as (select a.id, a.places, a.used from up join place_allocation a on a.tenant_id = $1 and a.quota_id = (select id from q) and a.org_unit_id = up.id
               where a.places > 0 order by up.depth limit 1)
     select q.id as quota_id, q.granted, q.used, q.allocated, q.pool_used, share.id as allocation_id, share.places, share.used as share_used from q left join share on true`,
    [a.homeId, m.org_unit_id, agreement.id, a.hostId, year],
  );
  if (!quota) {
    const [made] = await q<{ id: string }>(
      `insert into place_quota (tenant_id, kind, host_tenant_id, agreement_tenant_id, agreement_id, year, granted) values ($1, 'recuperation', $2, $3, $4, $5, 100000) on conflict do nothing returning id`,
      [a.homeId, a.hostId, agreement.tenant_id, agreement.id, year],
    );
    const found = made ?? (await q<{ id: string }>(`select id from place_quota where tenant_id = $1 and kind = 'recuperation' and agreement_id = $2 and host_tenant_id = $3 and year = $4`, [a.homeId, agreement.id, a.hostId, year]))[0]!;
    quota = { quota_id: found.id };
  }

  const [row] = await q<{ id: string; requested_at: Date; priority_rank: number }>(
    `insert into recuperation_booking (tenant_id, host_tenant_id, batch_id, member_id, quota_id, status, beds, quota_places, priority_rank, companions,
       member_name, member_gender, member_id_masked, org_unit_name, consent_at, consent_method, consent_share_mobile, consent_version,
       batch_start, trip_days, price_per_day_fen, idempotency_key, checkin_token, requested_at, created_by)
     values ($1, $2, $3, $4, $5, 'requested', 1, 1, 3, '[]', $6, $7, $8, $9, $10, 'member', false, $11, $12, $13, $14, $15, $16, $10, $17)
     on conflict do nothing returning *`,
    [a.homeId, a.hostId, a.batchId, a.memberId, quota.quota_id, m.name, m.gender, m.id_number_masked, m.org_unit_name, now.toISOString(), CONSENT_VERSION, batch!.start_date, batch!.nights + 1, routeRows[0]!.price_per_day_fen, a.idempotencyKey, randomBytes(24).toString('base64url'), `member:${a.userId}`],
  );
  if (!row) return 'existing';
  // beds, as the host, unless the batch was already full when read
  let bed: unknown[] = [];
  if (batch!.beds_taken + 1 <= batch!.capacity) {
    [, bed] = await Promise.all([
      q(`select set_config('app.tenant_id', $1, true)`, [a.hostId]),
      q(`update place_pool set taken = taken + 1 where tenant_id = $1 and id = $2 and status = 'open' and taken + shared + 1 <= capacity returning id`, [a.hostId, a.batchId]),
      q(`select set_config('app.tenant_id', $1, true)`, [a.homeId]),
    ]);
  }
  let status: 'requested' | 'waitlisted' = 'requested';
  if (bed.length) {
    const got = await q(`update place_quota set used = used + 1, pool_used = pool_used + 1, updated_at = $3 where tenant_id = $1 and id = $2 and pool_used + 1 <= granted - allocated returning id`, [
      a.homeId,
      quota.quota_id,
      now.toISOString(),
    ]);
    if (!got.length) throw new Error('quota exhausted');
  } else {
    status = 'waitlisted';
    await q(`update recuperation_booking set status = 'waitlisted' where tenant_id = $1 and id = $2 returning *`, [a.homeId, row.id]);
    await waitlistPosition(q, a, row);
  }
  // the member's notice: in-app and email, in their home federation
  await q(
    `with r as (
       select u.id as user_id, u.email, '/t/' || f.slug || $3 as link, u.locale = 'en' as en
       from membership m join app_user u on u.id = m.user_id join federation f on f.id = m.tenant_id
       where m.tenant_id = $1 and m.member_id = $2 and m.status = 'active'),
     t as (select r.*, case when r.en then $5 else $6 end as title, case when r.en then $7 else $8 end as body from r),
     n as (insert into notification (tenant_id, user_id, kind, title, body, link) select $1::uuid, user_id, $4, title, body, link from t returning 1)
     insert into outbox (tenant_id, to_email, subject, body_text) select $1::uuid, email, '【工会协作平台】' || title, body || $9 || link from t`,
    [a.homeId, a.memberId, `/recuperation/bookings/${row.id}`, `booking.${status}`, 'Booking received', '疗休养报名已提交', 'You booked …', '您已报名…', '\n\nhttp://localhost:3000'],
  );
  await audit(q, a, row.id, now, status);
  return status;
}

async function waitlistPosition(q: Query, a: SqlAttempt, row: { id: string; requested_at: Date; priority_rank: number }) {
  await Promise.all([
    q(`select set_config('app.tenant_id', $1, true)`, [a.hostId]),
    q(
      `select count(*)::int as n from recuperation_booking where host_tenant_id = $1 and batch_id = $2 and status = 'waitlisted' and (priority_rank, requested_at, id) < ($3, $4::timestamptz, $5::uuid)`,
      [a.hostId, a.batchId, row.priority_rank, new Date(row.requested_at).toISOString(), row.id],
    ),
    q(`select set_config('app.tenant_id', $1, true)`, [a.homeId]),
  ]);
}

/** recordAudit's four statements, with its hash. */
async function audit(q: Query, a: SqlAttempt, bookingId: string, now: Date, status: string) {
  await q(`insert into audit_head (tenant_id, seq, hash) values ($1, 0, $2) on conflict do nothing`, [a.homeId, GENESIS_HASH]);
  const [head] = await q<{ seq: number | string; hash: string }>(`select seq, hash from audit_head where tenant_id = $1 for update`, [a.homeId]);
  const fields = {
    tenantId: a.homeId,
    seq: Number(head!.seq) + 1,
    at: now,
    actorUserId: a.userId,
    actorLabel: `member:${a.userId}`,
    ip: '127.0.0.1',
    type: 'recuperation.booked',
    entityType: 'recuperation_booking',
    entityId: bookingId,
    data: { batchId: a.batchId, status, beds: 1, nominated: false },
    prevHash: head!.hash,
  };
  const hash = hashEvent(fields);
  await q(
    `insert into audit_event (tenant_id, seq, at, actor_user_id, actor_label, ip, type, entity_type, entity_id, data, prev_hash, hash) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [fields.tenantId, fields.seq, now.toISOString(), fields.actorUserId, fields.actorLabel, fields.ip, fields.type, fields.entityType, fields.entityId, JSON.stringify(fields.data), fields.prevHash, hash],
  );
  await q(`update audit_head set seq = $2, hash = $3 where tenant_id = $1`, [a.homeId, fields.seq, hash]);
}
