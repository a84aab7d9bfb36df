import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '@uc/db';
import { chinaDate } from '../lib/dates.ts';
import { myItems } from '../modules/jointItem/index.ts';
import { systemActor, type ServiceCtx } from '../service.ts';
import { createHarness, type Harness } from '../test/harness.ts';
import { loadItemsData, type ItemsData } from './items.data.ts';
import { captureStatements, explainStatements, viewCalls } from './items.explain.ts';

// Every statement the project-lead views send (my items, board, timeline, item page, activity,
// dashboards) is explained as the app role in a federation's context, over enough data that the
// planner's choice is real: 60 federations, 400 agreements, 8 000 items with 24 000 milestones,
// analysed. With the planner's default settings no tenant table may be read by a sequential scan.
// (enable_seqscan is left on: turning it off would only prove that an index exists, not that it is
// the plan the planner picks.) Runs on PGlite and, with TEST_DATABASE_URL, on the server.

describe('EXPLAIN of the joint-item views', () => {
  let h: Harness;
  let data: ItemsData;
  let base: Omit<ServiceCtx, 'db'>;
  let ids: { agreementId: string; itemId: string };
  beforeAll(async () => {
    h = await createHarness();
    const today = chinaDate(h.now());
    data = await loadItemsData(h.t.query, { federations: 60, agreements: 400, items: 8000 }, 'x', today, 'not-a-password');
    const fed = data.federations[0]!;
    const [user] = await h.t.query<{ id: string; email: string }>(`select id, email from app_user where email = $1`, [data.leadEmail(fed.slug)]);
    base = { tenantId: fed.id, actor: { ...systemActor, userId: user!.id, label: user!.email, roles: ['lead'] }, now: h.now(), locale: 'zh-CN', env: h.env };
    // an agreement fed 0 owns, and one of its items with milestones, updates and an attachment
    const [row] = await h.t.query<{ agreement_id: string; item_id: string }>(
      `select i.agreement_id, i.id as item_id from joint_item i join joint_item_attachment x on x.tenant_id = i.tenant_id and x.item_id = i.id
       where i.tenant_id = $1 and i.health is not null limit 1`,
      [fed.id],
    );
    ids = { agreementId: row!.agreement_id, itemId: row!.item_id };
  }, 300_000);
  afterAll(() => h.close());

  it('reads no tenant table by a sequential scan, in any view', async () => {
    const failures: string[] = [];
    let explained = 0;
    for (const view of viewCalls(ids)) {
      const statements = await captureStatements(h.t, base, view.run);
      expect(statements.length, view.name).toBeGreaterThan(0);
      for (const check of await explainStatements(h.t, base, statements)) {
        explained++;
        // ITEMS_EXPLAIN_PRINT=1 shows every plan
        if (process.env.ITEMS_EXPLAIN_PRINT) console.log(`${view.name}\n  ${check.statement.query.slice(0, 300)}\n${check.plan.map((l) => `    ${l}`).join('\n')}`);
        if (check.seqScans.length) failures.push(`${view.name}: Seq Scan on ${check.seqScans.join(', ')}\n  ${check.statement.query}\n${check.plan.map((l) => `    ${l}`).join('\n')}`);
      }
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
    expect(explained).toBeGreaterThan(20);
  }, 300_000);

  it('gives "my items" real work at this scale', async () => {
    const mine = await withTenant(h.t.db, base.tenantId, (tx) => myItems({ ...base, db: tx }, { includeClosed: false, limit: 200 }), { userId: base.actor.userId! });
    expect(mine.length).toBeGreaterThan(20);
  });
});
