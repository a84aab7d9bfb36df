import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, signInCookie, startServer, type Harness } from '../../test/harness.ts';
import { nextIdNumber } from '../member/member.testkit.ts';

// The audit log as Excel (issue 16): what the filters show, people by name, events in plain words.

async function sheetRows(base64: string | Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((typeof base64 === 'string' ? Buffer.from(base64, 'base64') : base64) as unknown as ExcelJS.Buffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return out;
}

describe('audit log export', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h?.close());

  async function federation(name: string) {
    const fed = await makeFederation(h, name);
    const adminUser = await makeStaff(h, fed, ['admin']);
    const admin = await callerFor(h, adminUser, fed);
    const me = (await admin.staff.list()).find((s) => s.email === adminUser.email)!;
    await admin.staff.updatePerson({ membershipId: me.membershipId, displayName: '周敏', title: '办公室主任' });
    const unit = await admin.orgUnit.create({ parentId: fed.rootUnitId, name: '上城区总工会', kind: 'district' });
    await admin.member.create({ name: '王伟', idNumber: nextIdNumber(), orgUnitId: unit.id });
    return { fed, admin, adminUser };
  }

  it('writes what the filter shows, newest first, with people by name and events in Chinese, and audits the export', async () => {
    const { admin, adminUser } = await federation('auditx');
    const file = await admin.audit.exportXlsx({});
    expect(file.filename).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = await sheetRows(file.base64);
    expect(rows[0]).toEqual(['序号', '时间', '操作人', '事件', '对象', '详情']);
    const events = rows.slice(1);
    const listed = (await admin.audit.list({ limit: 200 })).items.filter((e) => e.type !== 'audit.exported');
    expect(events.map((r) => Number(r[0]))).toEqual(listed.map((e) => e.seq));
    const created = events.find((r) => r[3] === '新增组织')!;
    expect(created[2]).toBe('周敏（auditx市总工会 办公室主任）');
    expect(created[1]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(created[5]).toContain('上城区总工会');
    expect(events.find((r) => r[3] === '登记会员')).toBeTruthy();
    const text = JSON.stringify(rows);
    expect(text).not.toContain(adminUser.email);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(text).not.toMatch(/org_unit\.created|member\.created/);
    // the filter: one event type only
    const filtered = await sheetRows((await admin.audit.exportXlsx({ type: 'member.created' })).base64);
    expect(filtered.slice(1).map((r) => r[3])).toEqual(['登记会员']);
    // each export is itself in the log
    const exported = (await admin.audit.list({ type: 'audit.exported', limit: 10 })).items;
    expect(exported.map((e) => e.data)).toEqual([{ rows: 1, type: 'member.created' }, { rows: events.length }]);
  });

  it('is for admins only, and over HTTP answers the file to the admin and 404 to another federation', async () => {
    const a = await federation('auditx-a');
    const b = await federation('auditx-b');
    const officer = await callerFor(h, await makeStaff(h, a.fed, ['officer']), a.fed);
    await expectCode(officer.audit.exportXlsx({}), 'FORBIDDEN');
    const server = await startServer(h);
    try {
      const cookie = await signInCookie(server.url, a.adminUser);
      const res = await fetch(`${server.url}/api/t/${a.fed.slug}/audit/export.xlsx?type=org_unit.created`, { headers: { Cookie: cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('审计日志'));
      const rows = await sheetRows(Buffer.from(await res.arrayBuffer()));
      expect(rows.slice(1).map((r) => r[3])).toEqual(['新增组织']);
      const foreign = await signInCookie(server.url, b.adminUser);
      expect((await fetch(`${server.url}/api/t/${a.fed.slug}/audit/export.xlsx`, { headers: { Cookie: foreign } })).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
