import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { activeAgreement, itemOf, makeItemsWorld, type ItemsWorld } from './jointItem.testkit.ts';
import { COLUMN_ORDER, COLUMNS } from './workPlan.xlsx.ts';

describe('the work plan in Excel', () => {
  let h: Harness;
  let w: ItemsWorld;
  beforeAll(async () => {
    h = await createHarness();
    w = await makeItemsWorld(h);
  });
  afterAll(() => h.close());

  /** what "the same items" means: everything the sheet carries, without ids and versions */
  const shape = async (agreementId: string) => {
    const items = await w.aLead.jointItem.list({ agreementId });
    return Promise.all(
      items.map(async (i) => ({
        kind: i.kind,
        title: i.title,
        description: i.description,
        lead: i.leadSlug,
        startDate: i.startDate,
        endDate: i.endDate,
        status: i.status,
        responsible: i.sides.map((s) => [s.partySlug, s.responsibleName]),
        progress: i.progress,
        health: i.health,
        milestones: (await w.aLead.jointItem.milestone.list({ itemId: i.id })).map((m) => [m.dueDate, m.title, m.status]),
        latest: (await w.aLead.jointItem.progress.list({ itemId: i.id })).map((u) => [u.health, u.text])[0] ?? null,
      })),
    );
  };

  it('exports an agreement and imports it into a fresh one, reproducing the items', async () => {
    const { g, items } = await activeAgreement(w);
    const project = itemOf(items, 'project');
    const rights = itemOf(items, 'rights');
    await w.aLead.jointItem.updateSide({ id: project.id, rowVersion: project.rowVersion, partySlug: w.A.slug, responsibleUserId: null, responsibleName: '张伟', responsibleContact: '' });
    await w.bLead.jointItem.updateSide({ id: rights.id, rowVersion: rights.rowVersion, partySlug: w.B.slug, responsibleUserId: null, responsibleName: '王芳', responsibleContact: '' });
    const m1 = await w.aLead.jointItem.milestone.create({ itemId: project.id, title: '调研报告', dueDate: '2026-03-31' });
    await w.aLead.jointItem.milestone.create({ itemId: project.id, title: '中期评估；成果汇编', dueDate: '2026-09-30' });
    await w.aLead.jointItem.milestone.confirm({ id: m1.id, round: 1 });
    await w.bLead.jointItem.milestone.confirm({ id: m1.id, round: 1 });
    await w.bLead.jointItem.progress.post({ itemId: rights.id, health: 'off_track', text: '律师团队尚未组建\n下月再议' });
    const p = await w.aLead.jointItem.get({ id: itemOf(items, 'programme').id });
    await w.aLead.jointItem.setStatus({ id: p.id, rowVersion: p.rowVersion, status: 'cancelled', reason: '并入其他项目' });
    await w.aLead.jointItem.create({ agreementId: g.id, kind: 'contest', title: '电工技能比武', description: '两地各选派 10 名选手', leadSlug: w.B.slug, startDate: '2026-04-01', endDate: '2026-11-30' });

    const file = await w.bLead.jointItem.exportWorkPlan({ agreementId: g.id });
    expect(file.filename).toMatch(/^工作清单-.+\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
    const header = book.worksheets[0]!.getRow(2).values as string[];
    expect(header.slice(1, 9)).toEqual(['序号', '项目名称', '类别', '牵头单位', '责任人(双方)', '时间节点', '进展情况', '状态']);

    const { g: fresh } = await activeAgreement(w);
    // the fresh agreement starts with the template's items; import into one without them
    const empty = await w.aLead.jointItem.list({ agreementId: fresh.id });
    expect(empty).toHaveLength(5);
    const result = await w.aLead.jointItem.importWorkPlan({ agreementId: fresh.id, fileBase64: file.base64 });
    // the template's five titles are already there: refused, nothing imported
    expect(result).toMatchObject({ ok: false, imported: 0 });
    expect(result.errors.every((e) => e.code === 'item_exists' && e.column === '项目名称')).toBe(true);
    expect(await w.aLead.jointItem.list({ agreementId: fresh.id })).toHaveLength(5);
  });

  it('round-trips into an agreement whose plan had no items', async () => {
    const { g } = await agreementWithoutItems();
    const { g: target } = await agreementWithoutItems();
    const made = await w.bLead.jointItem.create({ agreementId: g.id, kind: 'recuperation', title: '劳模疗休养互送', description: '每年互送 200 名', leadSlug: w.B.slug, startDate: '2026-01-01', endDate: '2026-12-31', ownSide: { responsibleName: '李敏' } });
    await w.aLead.jointItem.updateSide({ id: made.id, rowVersion: made.rowVersion, partySlug: w.A.slug, responsibleUserId: null, responsibleName: '张伟', responsibleContact: '' });
    const m = await w.bLead.jointItem.milestone.create({ itemId: made.id, title: '首批出发', dueDate: '2026-05-01' });
    await w.bLead.jointItem.milestone.create({ itemId: made.id, title: '年度总结', dueDate: '2026-12-15' });
    await w.aLead.jointItem.milestone.confirm({ id: m.id, round: 1 });
    await w.bLead.jointItem.milestone.confirm({ id: m.id, round: 1 });
    const x = await w.bLead.jointItem.get({ id: made.id });
    await w.bLead.jointItem.setStatus({ id: x.id, rowVersion: x.rowVersion, status: 'in_progress' });
    await w.aLead.jointItem.progress.post({ itemId: made.id, health: 'at_risk', text: '杭州基地床位紧张' });
    await w.aLead.jointItem.create({ agreementId: g.id, kind: 'project', title: '产业工人队伍建设改革研究', leadSlug: w.A.slug, startDate: '2026-02-01', endDate: '2027-01-31' });

    const file = await w.aLead.jointItem.exportWorkPlan({ agreementId: g.id });
    const result = await w.bLead.jointItem.importWorkPlan({ agreementId: target.id, fileBase64: file.base64 });
    expect(result).toEqual({ ok: true, imported: 2, totalRows: 2, errors: [] });
    expect(await shape(target.id)).toEqual(await shape(g.id));
    const imported = await w.aLead.jointItem.list({ agreementId: target.id });
    expect(imported.every((i) => i.source === 'import' && i.createdByLabel === w.bLeadUser.email)).toBe(true);
  });

  it('reports every bad cell by row and column and imports nothing when any row is bad', async () => {
    const { g } = await agreementWithoutItems();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('工作清单');
    sheet.addRow(COLUMN_ORDER.map((k) => COLUMNS[k]));
    const fed = (slug: string) => (slug === w.A.slug ? 'hz市总工会' : 'nb市总工会');
    sheet.addRow([1, '好的一行', '项目共同研究', fed(w.A.slug), 'hz市总工会：张伟', '起止：2026-01-01 至 2026-06-30\n2026-03-31 调研', '', '未启动', '']);
    sheet.addRow([2, '', '技能共同提升', 'sx市总工会', '张伟', '2026-13-01 节点', '', '完工', '']);
    sheet.addRow([3, '倒置日期', '体育', fed(w.B.slug), '', '起止：2026-06-30 至 2026-01-01', '', '', '']);
    sheet.addRow([4, '好的一行', '项目共同研究', fed(w.B.slug), '', '', '', '', '']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const result = await w.aLead.jointItem.importWorkPlan({ agreementId: g.id, fileBase64: bytes.toString('base64') });
    expect(result.ok).toBe(false);
    expect(result.imported).toBe(0);
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '项目名称', 'required'],
      [3, '牵头单位', 'party_unknown'],
      [3, '责任人(双方)', 'responsible_invalid'],
      [3, '时间节点', 'schedule_invalid'],
      [3, '状态', 'status_unknown'],
      [4, '类别', 'kind_unknown'],
      [4, '时间节点', 'term_order'],
      [5, '项目名称', 'duplicate_in_file'],
    ]);
    expect(result.errors[0]!.message).toBe('必填');
    expect(await w.aLead.jointItem.list({ agreementId: g.id })).toEqual([]);
    await expectCode(w.aLead.jointItem.importWorkPlan({ agreementId: g.id, fileBase64: Buffer.from('not a workbook').toString('base64') }), 'BAD_INPUT');
    await expectCode(w.aOfficer.jointItem.importWorkPlan({ agreementId: g.id, fileBase64: bytes.toString('base64') }), 'FORBIDDEN');
  });

  /** an agreement in force whose plan lists no items (every commons section emptied) */
  async function agreementWithoutItems() {
    const { id } = await w.aAdmin.agreement.create({ partySlugs: [w.B.slug], fromTemplate: 'twin-city-five-commons', termStart: '2026-01-01', termEnd: '2027-12-31' });
    let g = await w.aAdmin.agreement.get({ id });
    const content = structuredClone(g.currentVersion.content);
    for (const s of content.commons) s.items = [];
    await w.aAdmin.agreement.save({ id, baseVersionId: g.currentVersion.id, content, note: '无预设项目' });
    g = await w.aAdmin.agreement.get({ id });
    await w.aAdmin.agreement.openNegotiation({ id, rowVersion: g.rowVersion });
    g = await w.aAdmin.agreement.get({ id });
    await w.aAdmin.agreement.sendForSignature({ id, rowVersion: g.rowVersion });
    g = await w.aAdmin.agreement.get({ id });
    for (const c of [w.aAdmin, w.bAdmin]) {
      await c.agreement.sign({ id, versionId: g.currentVersion.id, contentHash: g.currentVersion.contentHash!, password: 'correct-horse-battery', idempotencyKey: crypto.randomUUID() });
    }
    g = await w.aAdmin.agreement.get({ id });
    expect(g.status).toBe('active');
    return { g };
  }

  it('exports the items of ALL the federation’s agreements, one sheet per agreement, and nothing of others (issue 16)', async () => {
    const first = await activeAgreement(w);
    const second = await activeAgreement(w);
    const file = await w.aOfficer.jointItem.exportAll();
    expect(file.filename).toMatch(/^全部协议工作清单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
    const titleOf = (ws: ExcelJS.Worksheet) => String(ws.getRow(1).getCell(1).value);
    const sheetOf = (title: string) => wb.worksheets.filter((ws) => titleOf(ws) === `《${title}》工作清单`);
    for (const { g, items } of [first, second]) {
      const ws = sheetOf(g.title).find((x) => x.rowCount === items.length + 2)!;
      expect(ws).toBeTruthy();
      expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(COLUMN_ORDER.map((k) => COLUMNS[k]));
      const titles = Array.from({ length: items.length }, (_, n) => String(ws.getRow(n + 3).getCell(2).value));
      expect(titles.sort()).toEqual(items.map((i) => i.title).sort());
    }
    for (const ws of wb.worksheets) expect(ws.name.length).toBeLessThanOrEqual(31);
    // a federation that is no party sees none of these agreements' items
    const other = await w.c.jointItem.exportAll();
    const wbc = new ExcelJS.Workbook();
    await wbc.xlsx.load(Buffer.from(other.base64, 'base64') as unknown as ExcelJS.Buffer);
    expect(wbc.worksheets.map(titleOf)).not.toContain(`《${first.g.title}》工作清单`);
  });
});
