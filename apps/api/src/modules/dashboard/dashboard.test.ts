import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
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

describe('the dashboard as Excel', () => {
  let h: Harness;
  let w: ItemsWorld;
  beforeAll(async () => {
    h = await createHarness();
    w = await makeItemsWorld(h);
  });
  afterAll(() => h.close());

  const sheetsOf = async (base64: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    return wb.worksheets;
  };

  it('has one sheet per panel the registry gives, with the figures the panels show', async () => {
    const { g } = await activeAgreement(w);
    const dash = await w.aLead.dashboard.panels({ scope: 'agreement', agreementId: g.id });
    const file = await w.aLead.dashboard.exportXlsx({ scope: 'agreement', agreementId: g.id });
    expect(file.filename).toMatch(/^数据看板-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheets = await sheetsOf(file.base64);
    expect(sheets.map((s) => s.getCell('A1').value)).toEqual(dash.panels.map((p) => p.title.zh));
    const ks = sheets[0]!;
    const v = dash.panels[0]!.view;
    if (v.type !== 'matrix') throw new Error('matrix expected');
    // row 3 is the header (status names), then one row per kind with its counts
    expect(ks.getRow(3).values).toEqual([undefined, undefined, ...v.columns.map((c) => c.label.zh)]);
    expect(ks.getRow(4).getCell(1).value).toBe(v.rows[0]!.label.zh);
    const total = (n: number) => (ks.getRow(n).values as unknown[]).slice(2).reduce<number>((a, b) => a + Number(b ?? 0), 0);
    expect([4, 5, 6, 7, 8].map(total).reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('answers NOT_FOUND for an agreement the federation is not party to', async () => {
    const { g } = await activeAgreement(w);
    await expectCode(w.c.dashboard.exportXlsx({ scope: 'agreement', agreementId: g.id }), 'NOT_FOUND');
  });
});
