import { PGlite } from '@electric-sql/pglite';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from './migrate.ts';

// The places engine's migration moves existing recuperation rows onto its tables: every batch
// becomes a pool of the same id with its capacity, beds taken and status; the quota ledger and
// its allocations keep their ids and figures; bookings point at them. Applied here to a
// database migrated up to the step before, with rows in it (as the superuser PGlite is).

const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
const tags = journal.entries.map((e) => e.tag);
const engineAt = tags.findIndex((t) => t.endsWith('_place_engine'));

async function apply(db: PGlite, tag: string) {
  const text = readFileSync(join(migrationsFolder, `${tag}.sql`), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) if (statement.trim()) await db.exec(statement);
}

describe('the places engine migration', () => {
  const db = new PGlite();
  const [hz, nb, unit, route, batch, quota, allocation, booking, member, agreement] = Array.from({ length: 10 }, () => randomUUID());

  beforeAll(async () => {
    for (const tag of tags.slice(0, engineAt)) await apply(db, tag);
    await db.exec(`
      insert into federation (id, slug, name_zh, name_en, city) values ('${hz}', 'hz', '杭州市总工会', 'Hangzhou', '杭州'), ('${nb}', 'nb', '宁波市总工会', 'Ningbo', '宁波');
      insert into org_unit (tenant_id, id, name, kind) values ('${nb}', '${unit}', '宁波市总工会', 'city');
      insert into member (tenant_id, id, org_unit_id, name, id_number_enc, id_number_hmac, id_number_masked) values ('${nb}', '${member}', '${unit}', '会员', 'x', 'h', '330203********0001');
      insert into recuperation_route (tenant_id, id, title, days, price_per_day_fen) values ('${hz}', '${route}', '西湖线', 5, 48000);
      insert into recuperation_batch (tenant_id, id, route_id, code, start_date, nights, capacity, beds_taken, booking_opens, booking_closes, cancel_deadline, status)
        values ('${hz}', '${batch}', '${route}', 'HZ-1', '2027-03-15', 4, 30, 2, '2026-11-01', '2027-03-01', '2027-03-05', 'closed');
      insert into recuperation_quota (tenant_id, id, host_tenant_id, agreement_tenant_id, agreement_id, year, granted, allocated, used, pool_used, released)
        values ('${nb}', '${quota}', '${hz}', '${hz}', '${agreement}', 2027, 200, 20, 3, 2, 1);
      insert into recuperation_allocation (tenant_id, id, quota_id, org_unit_id, places, used) values ('${nb}', '${allocation}', '${quota}', '${unit}', 20, 1);
      insert into recuperation_booking (tenant_id, id, host_tenant_id, batch_id, member_id, quota_id, allocation_id, status, beds, quota_places, priority_rank,
          member_name, member_id_masked, org_unit_name, consent_at, consent_method, consent_share_mobile, consent_version, batch_start, trip_days,
          price_per_day_fen, idempotency_key, checkin_token, requested_at, created_by)
        values ('${nb}', '${booking}', '${hz}', '${batch}', '${member}', '${quota}', '${allocation}', 'requested', 2, 1, 0,
          '会员', '330203********0001', '宁波市总工会', now(), 'member', false, 'v1', '2027-03-15', 5, 48000, 'k', 't', now(), 'test');`);
    for (const tag of tags.slice(engineAt)) await apply(db, tag);
  }, 120_000);
  afterAll(() => db.close());

  it('makes each batch a pool of the same id, with its figures', async () => {
    const { rows } = await db.query(`select tenant_id, kind, capacity, taken, shared, status, offer_until from place_pool where id = $1`, [batch]);
    expect(rows).toEqual([{ tenant_id: hz, kind: 'recuperation.batch', capacity: 30, taken: 2, shared: 0, status: 'closed', offer_until: new Date('2027-03-15T00:00:00+08:00') }]);
    const { rows: cols } = await db.query<{ column_name: string }>(`select column_name from information_schema.columns where table_name = 'recuperation_batch'`);
    expect(cols.map((c) => c.column_name)).not.toEqual(expect.arrayContaining(['capacity']));
  });

  it('keeps the quota ledger and its allocations, and the bookings pointing at them', async () => {
    const { rows } = await db.query(`select tenant_id, kind, host_tenant_id, granted, allocated, used, pool_used, released from place_quota where id = $1`, [quota]);
    expect(rows).toEqual([{ tenant_id: nb, kind: 'recuperation', host_tenant_id: hz, granted: 200, allocated: 20, used: 3, pool_used: 2, released: 1 }]);
    const { rows: shares } = await db.query(`select places, used from place_allocation where id = $1 and quota_id = $2`, [allocation, quota]);
    expect(shares).toEqual([{ places: 20, used: 1 }]);
    const { rows: fks } = await db.query<{ conname: string; target: string }>(
      `select conname, confrelid::regclass::text as target from pg_constraint where conrelid = 'recuperation_booking'::regclass and contype = 'f' and conname in ('recuperation_booking_quota_fk', 'recuperation_booking_allocation_fk') order by conname`,
    );
    expect(fks).toEqual([
      { conname: 'recuperation_booking_allocation_fk', target: 'place_allocation' },
      { conname: 'recuperation_booking_quota_fk', target: 'place_quota' },
    ]);
    const { rows: left } = await db.query(`select to_regclass('recuperation_quota') as q, to_regclass('recuperation_allocation') as a`);
    expect(left).toEqual([{ q: null, a: null }]);
  });
});
