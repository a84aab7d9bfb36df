import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { MONDAY, makeRightsWorld, type RightsWorld } from './rights.testkit.ts';

// Two administrators (or one double click) changing the service levels at once. On the PostgreSQL
// server (TEST_DATABASE_URL) each call is its own transaction on its own connection; on PGlite they
// interleave on one. Either way: one policy per date holding one writer's whole figures, one
// closure per day audited once, and what the table says always matches what the audit chain says.

describe('when service levels are changed at once', () => {
  let h: Harness;
  let w: RightsWorld;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeRightsWorld(h);
  }, 120_000);
  afterAll(() => h.close());

  it('six policies for one date at once: one row, holding one submission whole (never a mix), each write audited', async () => {
    h.setNow(MONDAY);
    const effectiveFrom = '2027-02-01';
    const submissions = Array.from({ length: 6 }, (_, i) => ({ effectiveFrom, acceptDays: 1 + i, respondDays: 2 + i, resolveDays: 10 + i, followUpDays: 3 + i }));
    const results = await Promise.allSettled(submissions.map((s) => w.nbAdmin.rightsSla.setPolicy(s)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await h.t.query<{ accept: number; respond: number; resolve: number; follow: number }>(
      `select accept_days as accept, respond_days as respond, resolve_days as resolve, follow_up_days as follow from rights_sla_policy where tenant_id = $1 and effective_from = $2`,
      [w.nb.id, effectiveFrom],
    );
    expect(rows).toHaveLength(1);
    const kept = rows[0]!;
    expect(submissions.map((s) => [s.acceptDays, s.respondDays, s.resolveDays, s.followUpDays])).toContainEqual([kept.accept, kept.respond, kept.resolve, kept.follow]);
    const audited = await h.t.query(`select 1 from audit_event where tenant_id = $1 and type = 'rights.sla_policy_set' and data->>'effectiveFrom' = $2`, [w.nb.id, effectiveFrom]);
    expect(audited).toHaveLength(6);
    // the caseworkers read the same one policy
    const levels = await w.nbCw.rightsSla.get();
    expect(levels.policies.filter((p) => p.effectiveFrom === effectiveFrom)).toHaveLength(1);
  }, 60_000);

  it('one closure day added six times at once: one row with one reason, one audit event', async () => {
    h.setNow(MONDAY);
    const day = '2026-12-15';
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => w.nbAdmin.rightsSla.addClosure({ day, reason: `停电检修 ${i}` })));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await h.t.query<{ reason: string }>(`select reason from rights_closure_day where tenant_id = $1 and day = $2`, [w.nb.id, day]);
    expect(rows).toHaveLength(1);
    const audited = await h.t.query<{ reason: string }>(`select data->>'reason' as reason from audit_event where tenant_id = $1 and type = 'rights.closure_added' and data->>'day' = $2`, [w.nb.id, day]);
    expect(audited).toEqual([{ reason: rows[0]!.reason }]);
  }, 60_000);

  it('adding and removing one future closure day at once: the table and the audit trail agree on the outcome', async () => {
    h.setNow(MONDAY);
    const day = '2026-12-16';
    await w.nbAdmin.rightsSla.addClosure({ day, reason: '年终盘点' });
    const calls = [
      w.nbAdmin.rightsSla.removeClosure({ day }),
      w.nbAdmin.rightsSla.addClosure({ day, reason: '年终盘点（改）' }),
      w.nbAdmin.rightsSla.removeClosure({ day }),
      w.nbAdmin.rightsSla.addClosure({ day, reason: '年终盘点（再改）' }),
    ];
    const results = await Promise.allSettled(calls);
    // a removal that finds the day already gone is NOT_FOUND — never a 500, never half-done
    for (const r of results) if (r.status === 'rejected') expect(String((r.reason as { code?: string }).code ?? r.reason)).toMatch(/NOT_FOUND/);
    const rows = await h.t.query(`select 1 from rights_closure_day where tenant_id = $1 and day = $2`, [w.nb.id, day]);
    const [events] = await h.t.query<{ added: number; removed: number }>(
      `select count(*) filter (where type = 'rights.closure_added')::int as added, count(*) filter (where type = 'rights.closure_removed')::int as removed
         from audit_event where tenant_id = $1 and data->>'day' = $2`,
      [w.nb.id, day],
    );
    // each audited addition made the row and each audited removal deleted it, so the difference is what is there
    expect(events!.added - events!.removed).toBe(rows.length);
  }, 60_000);
});
