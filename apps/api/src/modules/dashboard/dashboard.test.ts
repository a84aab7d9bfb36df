import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { activeAgreement, makeItemsWorld, type ItemsWorld } from '../jointItem/jointItem.testkit.ts';
import { negotiating } from '../mechanism/mechanism.testkit.ts';

// The federation dashboard counts the items of agreements in force only: the planned items of an
// agreement still being drafted or negotiated are not "未启动" work of the federation.

describe('the dashboard items by status', () => {
  let h: Harness;
  let w: ItemsWorld;
  beforeAll(async () => {
    h = await createHarness();
    w = await makeItemsWorld(h);
  });
  afterAll(() => h.close());

  const notStarted = async () => {
    const d = await w.aLead.dashboard.panels({ scope: 'federation' });
    const v = d.panels.find((p) => p.key === 'items.kind_status')!.view;
    if (v.type !== 'matrix') throw new Error('matrix expected');
    const col = v.columns.findIndex((c) => c.key === 'not_started');
    return v.values.reduce((s, row) => s + row[col]!, 0);
  };

  it('leaves out the items of a draft or negotiating agreement from 未启动', async () => {
    const before = await notStarted();
    const { items } = await activeAgreement(w);
    expect(await notStarted()).toBe(before + items.filter((i) => i.status === 'not_started').length);
    const draft = await negotiating(w.aAdmin, [w.B.slug]);
    // planned items on the draft (as a work plan imported ahead of signing would leave them)
    await h.t.query(
      `insert into joint_item (tenant_id, agreement_id, kind, title, lead_tenant_id, start_date, end_date, status, source, created_by_tenant_id)
       select tenant_id, $1, kind, title, lead_tenant_id, start_date, end_date, 'not_started', source, created_by_tenant_id from joint_item where agreement_id = $2`,
      [draft.id, items[0]!.agreementId],
    );
    const [{ n }] = (await h.t.query<{ n: number }>(`select count(*)::int as n from joint_item where agreement_id = $1`, [draft.id])) as [{ n: number }];
    expect(n).toBe(items.length);
    expect(await notStarted()).toBe(before + items.filter((i) => i.status === 'not_started').length);
    // nor does a party's agreement-level view of the draft count them as work under way
    const d = await w.aLead.dashboard.panels({ scope: 'agreement', agreementId: draft.id });
    const v = d.panels.find((p) => p.key === 'items.kind_status')?.view;
    expect(v?.type === 'matrix' ? v.values.flat().reduce((a, b) => a + b, 0) : 0).toBe(0);
  });
});
