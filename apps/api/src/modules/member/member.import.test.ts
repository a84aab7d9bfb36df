import { maskIdNumber } from '@uc/contracts';
import { validationMessage } from '@uc/contracts/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../lib/dates.ts';
import {
  addMembership,
  callerFor,
  createHarness,
  expectCode,
  makeFederation,
  makeStaff,
  makeUser,
  startServer,
  type Harness,
  signInCookie,
  type TestUser,
} from '../../test/harness.ts';
import { TEMPLATE_EXAMPLE } from './member.xlsx.ts';
import { IMPORT_HONOUR_SOURCE } from './member.import.ts';
import { badCheckDigit, HEADER, idNumberFor, nextIdNumber, readXlsx, xlsxBase64, xlsxFromRows, type CellInput } from './member.testkit.ts';
import { XLSX_TYPE } from '../../lib/xlsx.ts';
import type { Caller } from '../../test/caller.ts';


describe('member rosters in Excel', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  /** a federation with an admin and units; two units share the name 第一工会 */
  async function federation(name: string) {
    const fed = await makeFederation(h, name);
    const adminUser = await makeStaff(h, fed, ['admin']);
    const admin = await callerFor(h, adminUser, fed);
    const district = await admin.orgUnit.create({ parentId: fed.rootUnitId, name: '西湖区总工会', kind: 'district' });
    const street = await admin.orgUnit.create({ parentId: district.id, name: '北山街道总工会', kind: 'street' });
    const grassroots = await admin.orgUnit.create({ parentId: street.id, name: '北山数字科技有限公司工会', kind: 'grassroots' });
    const industry = await admin.orgUnit.create({ parentId: fed.rootUnitId, name: '卫生健康工会', kind: 'industry' });
    await admin.orgUnit.create({ parentId: district.id, name: '第一工会', kind: 'grassroots' });
    await admin.orgUnit.create({ parentId: industry.id, name: '第一工会', kind: 'grassroots' });
    return { fed, admin, adminUser, district, street, grassroots, industry };
  }
  type Fed = Awaited<ReturnType<typeof federation>>;

  const auditOf = async (admin: Caller, type: string) => (await admin.audit.list({ type, limit: 200 })).items;
  const row = (name: CellInput, idNumber: CellInput, orgUnit: CellInput, extra: { gender?: CellInput; mobile?: CellInput; honours?: CellInput } = {}): CellInput[] => [
    name,
    extra.gender ?? '',
    extra.mobile ?? '',
    idNumber,
    orgUnit,
    extra.honours ?? '',
  ];

  /** the AppError details of a refusal */
  async function refusal(p: Promise<unknown>): Promise<Record<string, unknown>> {
    try {
      await p;
    } catch (e) {
      return (e as { cause?: { details?: Record<string, unknown> } }).cause?.details ?? {};
    }
    throw new Error('expected a refusal');
  }

  describe('when the file has bad rows', () => {
    let f: Fed;
    let existing: string;
    beforeAll(async () => {
      f = await federation('bad');
      existing = nextIdNumber();
      await f.admin.member.create({ name: '老会员', idNumber: existing, orgUnitId: f.grassroots.id });
    });

    it('imports nothing and reports each bad cell with its Excel row, column and code', async () => {
      const dup = nextIdNumber();
      const file = await xlsxBase64([
        row('王伟', dup, '北山数字科技有限公司工会', { gender: '男', mobile: '13900001111', honours: '劳模，一线职工' }), // 2: good
        row('', nextIdNumber(), '卫生健康工会'), // 3: no name
        row('李娜', badCheckDigit(nextIdNumber()), '卫生健康工会'), // 4: check character
        row('张敏', nextIdNumber(), '卫生健康工会', { mobile: '1390000' }), // 5: mobile
        row('刘洋', nextIdNumber(), '不存在的工会'), // 6: unknown unit
        row('陈静', nextIdNumber(), '第一工会'), // 7: two units have this name
        row('杨帆', dup, '卫生健康工会'), // 8: same person as row 2
        row('赵磊', existing, '卫生健康工会'), // 9: already a member
        [], // 10: blank, skipped
        row('黄河', nextIdNumber(), '卫生健康工会', { gender: '男性', honours: '劳模、优秀党员' }), // 11: gender, honour
        row('周杰', '', ''), // 12: no ID number, no unit
        row('吴昊', nextIdNumber(), '卫生健康工会', { gender: '女', honours: '技术能手' }), // 13: good
      ]);
      const before = (await f.admin.member.list({})).total;
      const result = await f.admin.member.import({ fileBase64: file });
      expect(result).toMatchObject({ ok: false, imported: 0, totalRows: 11 });
      expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
        [3, '姓名', 'required'],
        [4, '身份证号', 'id_number_invalid'],
        [5, '手机号', 'mobile_invalid'],
        [6, '所属工会', 'org_unit_unknown'],
        [7, '所属工会', 'org_unit_ambiguous'],
        [8, '身份证号', 'duplicate_in_file'],
        [9, '身份证号', 'duplicate_existing'],
        [11, '性别', 'invalid_value'],
        [11, '荣誉', 'honour_unknown'],
        [12, '身份证号', 'required'],
        [12, '所属工会', 'required'],
      ]);
      for (const e of result.errors) expect(e.message).toBe(validationMessage(e.code, 'zh-CN'));
      expect(result.errors[1]!.message).toBe('身份证号无效（校验位不符）');
      expect((await f.admin.member.list({})).total).toBe(before);
      expect(await auditOf(f.admin, 'member.imported')).toEqual([]);
    });

    it('reports in the user’s language', async () => {
      const en = await callerFor(h, f.adminUser, f.fed, { locale: 'en' });
      const result = await en.member.import({ fileBase64: await xlsxBase64([row('李娜', badCheckDigit(nextIdNumber()), '不存在的工会')]) });
      expect(result.errors.map((e) => e.message)).toEqual(['Invalid ID number (check digit does not match)', 'Unknown org unit']);
    });

    it('reports an ID number Excel stored as a number instead of importing a rounded one', async () => {
      const result = await f.admin.member.import({ fileBase64: await xlsxBase64([row('孙丽', Number(idNumberFor(5, '330106').slice(0, 17) + '0'), '卫生健康工会')]) });
      expect(result.errors.map((e) => [e.row, e.code])).toEqual([[2, 'id_number_invalid']]);
    });
  });

  describe('when every row is good', () => {
    it('inserts them all in batches, with genders, mobiles and honours held from today, and audits the count', async () => {
      const f = await federation('good');
      const n = 1234;
      const rows = Array.from({ length: n }, (_, i) =>
        row(`会员${String(i).padStart(4, '0')}`, idNumberFor(i, '330108'), i % 2 ? '北山数字科技有限公司工会' : '卫生健康工会', {
          gender: i % 3 ? '女' : '男',
          mobile: i % 5 ? `139${String(i).padStart(8, '0')}` : '',
          honours: i % 10 === 0 ? '劳模, 技术能手' : '',
        }),
      );
      const result = await f.admin.member.import({ fileBase64: await xlsxBase64(rows) });
      expect(result).toEqual({ ok: true, imported: n, totalRows: n, errors: [], skipped: [], dryRun: false, preview: [] });
      expect((await f.admin.member.list({})).total).toBe(n);
      expect((await f.admin.member.list({ orgUnitId: f.district.id })).total).toBe(n / 2);
      expect((await f.admin.member.list({ honour: 'model_worker' })).total).toBe(124);
      const first = (await f.admin.member.list({ q: idNumberFor(0, '330108') })).items[0]!;
      expect(first).toMatchObject({ name: '会员0000', gender: 'male', mobile: null, orgUnitName: '卫生健康工会', idNumberMasked: maskIdNumber(idNumberFor(0, '330108')) });
      const today = chinaDate(new Date());
      expect(first.honours.map((x) => [x.kind, x.source, x.validFrom, x.validUntil]).sort()).toEqual([
        ['model_worker', IMPORT_HONOUR_SOURCE, today, null],
        ['skilled_worker', IMPORT_HONOUR_SOURCE, today, null],
      ]);
      expect((await f.admin.member.list({ q: '会员0001' })).items[0]).toMatchObject({ gender: 'female', mobile: '13900000001', honours: [] });
      expect((await auditOf(f.admin, 'member.imported')).map((e) => e.data)).toEqual([{ count: n }]);
      expect(await f.admin.member.revealIdNumber({ id: first.id })).toEqual({ idNumber: idNumberFor(0, '330108') });
    });

    it('reads headers marked as required, columns in any order, and skips blank rows', async () => {
      const f = await federation('order');
      const id = nextIdNumber();
      const file = await xlsxBase64([[], [' 卫生健康工会 ', `${id.slice(0, 17)}${id[17]!.toLowerCase()}`, '钱芳 '], []], { header: ['所属工会', '身份证号*', '姓名（必填）'] });
      expect(await f.admin.member.import({ fileBase64: file })).toEqual({ ok: true, imported: 1, totalRows: 1, errors: [], skipped: [], dryRun: false, preview: [] });
      expect((await f.admin.member.list({})).items.map((m) => [m.name, m.orgUnitName, m.gender, m.mobile])).toEqual([['钱芳', '卫生健康工会', null, null]]);
    });

    it('lets officers import, and no other staff role', async () => {
      const f = await federation('roles');
      const officer = await callerFor(h, await makeStaff(h, f.fed, ['officer']), f.fed);
      expect((await officer.member.import({ fileBase64: await xlsxBase64([row('冯刚', nextIdNumber(), '卫生健康工会')]) })).ok).toBe(true);
      for (const role of ['signatory', 'lead', 'judge', 'caseworker'] as const) {
        const c = await callerFor(h, await makeStaff(h, f.fed, [role]), f.fed);
        await expectCode(c.member.import({ fileBase64: await xlsxBase64([]) }), 'FORBIDDEN');
      }
    });
  });

  describe('when the file is not a roster', () => {
    let f: Fed;
    beforeAll(async () => {
      f = await federation('garbage');
    });

    it('refuses something that is not an .xlsx as BAD_INPUT', async () => {
      await expectCode(f.admin.member.import({ fileBase64: Buffer.from('姓名,身份证号\n王伟,1').toString('base64') }), 'BAD_INPUT');
      // a zip archive that is not a workbook
      const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('not really a zip at all')]);
      await expectCode(f.admin.member.import({ fileBase64: zipHeader.toString('base64') }), 'BAD_INPUT');
    });

    it('refuses a first sheet without the required columns, naming them', async () => {
      expect(await refusal(f.admin.member.import({ fileBase64: await xlsxBase64([['王伟']], { header: ['姓名', '手机号'] }) }))).toEqual({
        reason: 'missing_columns',
        columns: ['身份证号', '所属工会'],
      });
      // only the first sheet is read
      const second = await xlsxBase64([row('王伟', nextIdNumber(), '卫生健康工会')], { sheets: ['说明'] });
      await expectCode(f.admin.member.import({ fileBase64: second }), 'BAD_INPUT');
    });

    it('refuses more than 20 000 rows', async () => {
      const rows = Array.from({ length: 20_001 }, (_, i) => row(`会员${i}`, idNumberFor(i, '330110'), '卫生健康工会'));
      expect(await refusal(f.admin.member.import({ fileBase64: await xlsxBase64(rows) }))).toEqual({ reason: 'too_many_rows', maxRows: 20_000 });
      expect((await f.admin.member.list({})).total).toBe(0);
    });

    it('accepts a roster with no rows as nothing to import', async () => {
      expect(await f.admin.member.import({ fileBase64: await xlsxBase64([]) })).toEqual({ ok: true, imported: 0, totalRows: 0, errors: [], skipped: [], dryRun: false, preview: [] });
    });
  });

  describe('when members are exported', () => {
    let a: Fed;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      a = await federation('export');
      const add = async (name: string, orgUnitId: string, extra: Record<string, unknown> = {}) => {
        ids[name] = nextIdNumber();
        await a.admin.member.create({ name, idNumber: ids[name]!, orgUnitId, ...extra });
      };
      await add('王伟', a.grassroots.id, {
        gender: 'male',
        mobile: '13900001111',
        honours: [
          { kind: 'model_worker', source: '杭州市劳动模范', validFrom: '2021-04-28' },
          { kind: 'skilled_worker', source: '杭州市技术能手', validFrom: '2015-01-01', validUntil: '2019-12-31' },
        ],
      });
      await add('王芳', a.street.id, { gender: 'female', honours: [{ kind: 'frontline', source: '一线职工', validFrom: '2020-01-01' }] });
      await add('李娜', a.industry.id, { mobile: '13700002222' });
    });

    it('writes the import’s columns, ID numbers masked, honours held today, and audits the count', async () => {
      const file = await a.admin.member.exportXlsx({ orgUnitId: a.district.id });
      expect(file.filename).toMatch(/^会员名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const rows = await readXlsx(Buffer.from(file.base64, 'base64'));
      expect(rows).toEqual([
        HEADER,
        ['王伟', '男', '13900001111', maskIdNumber(ids['王伟']!), '北山数字科技有限公司工会', '劳模', ''],
        ['王芳', '女', '', maskIdNumber(ids['王芳']!), '北山街道总工会', '一线职工', ''],
      ].sort((x, y) => (x === HEADER ? -1 : y === HEADER ? 1 : x[0]! < y[0]! ? -1 : 1)));
      expect(JSON.stringify(rows)).not.toContain(ids['王伟']);
      const [event] = await auditOf(a.admin, 'member.exported');
      expect(event?.data).toEqual({ count: 2 });
      // least privilege (issue 12): only the office that keeps members may export them
      const judge = await callerFor(h, await makeStaff(h, a.fed, ['judge']), a.fed);
      await expectCode(judge.member.exportXlsx({ q: '李' }), 'FORBIDDEN');
      const officer = await callerFor(h, await makeStaff(h, a.fed, ['officer']), a.fed);
      expect(await readXlsx(Buffer.from((await officer.member.exportXlsx({ q: '李' })).base64, 'base64'))).toHaveLength(2);
    });

    it('round-trips into another federation once the ID numbers are filled in', async () => {
      const b = await federation('import');
      const exported = await readXlsx(Buffer.from((await a.admin.member.exportXlsx({})).base64, 'base64'));
      expect(exported).toHaveLength(4);
      // as exported, the masked numbers are refused, row by row
      const masked = await b.admin.member.import({ fileBase64: await xlsxFromRows(exported) });
      expect(masked.errors.map((e) => [e.row, e.column, e.code])).toEqual([2, 3, 4].map((r) => [r, '身份证号', 'id_number_invalid']));
      // the office fills in the full numbers (the one column the export masks)
      const filled = exported.map((r, i) => (i === 0 ? r : r.map((c, j) => (j === 3 ? ids[r[0]!]! : c))));
      expect(await b.admin.member.import({ fileBase64: await xlsxFromRows(filled) })).toEqual({ ok: true, imported: 3, totalRows: 3, errors: [], skipped: [], dryRun: false, preview: [] });
      const summary = (items: { name: string; gender: string | null; mobile: string | null; orgUnitName: string; idNumberMasked: string }[]) =>
        items.map((m) => [m.name, m.gender, m.mobile, m.orgUnitName, m.idNumberMasked]);
      expect(summary((await b.admin.member.list({})).items)).toEqual(summary((await a.admin.member.list({})).items));
      const again = await readXlsx(Buffer.from((await b.admin.member.exportXlsx({})).base64, 'base64'));
      expect(again).toEqual(exported);
    });

    it('offers a template: the header, a valid example row in the federation’s root unit, and nothing else', async () => {
      const file = await a.admin.member.importTemplate();
      expect(file.filename).toBe('会员导入模板.xlsx');
      const rows = await readXlsx(Buffer.from(file.base64, 'base64'));
      expect(rows).toEqual([HEADER, [TEMPLATE_EXAMPLE.name, TEMPLATE_EXAMPLE.gender, TEMPLATE_EXAMPLE.mobile, TEMPLATE_EXAMPLE.idNumber, 'export市总工会', TEMPLATE_EXAMPLE.honours, '']]);
    });
  });

  describe('when units share a name, the template is sent back unchanged, or the office previews first (issue 16)', () => {
    let f: Fed;
    const withCode = (r: CellInput[], code: string) => [...r, code];
    beforeAll(async () => {
      f = await federation('units');
      const first = (await f.admin.orgUnit.list()).find((u) => u.name === '第一工会' && u.parentId === f.district.id)!;
      const second = (await f.admin.orgUnit.list()).find((u) => u.name === '第一工会' && u.parentId === f.industry.id)!;
      await f.admin.orgUnit.update({ id: first!.id, version: first!.version, code: 'xh-01' });
      await f.admin.orgUnit.update({ id: second!.id, version: second!.version, code: 'WJ-01' });
    });
    const unitOf = async (name: string) => (await f.admin.member.list({ q: name })).items[0]?.orgUnitId;

    it('skips the template’s example row with a clear notice and imports the rest', async () => {
      const template = await readXlsx(Buffer.from((await f.admin.member.importTemplate()).base64, 'base64'));
      // unchanged: nothing imported, the example row named as such
      const unchanged = await f.admin.member.import({ fileBase64: await xlsxFromRows(template) });
      expect(unchanged).toMatchObject({ ok: true, imported: 0, totalRows: 1, errors: [] });
      expect(unchanged.skipped).toEqual([{ row: 2, column: '姓名', code: 'template_example', message: validationMessage('template_example', 'zh-CN') }]);
      expect(unchanged.skipped[0]!.message).toContain('示例行');
      expect((await f.admin.member.list({ q: '张三' })).total).toBe(0);
      // a real row added under the example: the real one goes in, the example does not (even renamed)
      const renamed = template[1]!.map((c, i) => (i === 0 ? '张三丰' : c));
      const filled = [...template, renamed.map(String), row('钱伟', nextIdNumber(), '卫生健康工会').map(String)];
      const result = await f.admin.member.import({ fileBase64: await xlsxFromRows(filled) });
      expect(result).toMatchObject({ ok: true, imported: 1, totalRows: 3 });
      expect(result.skipped.map((e) => e.row)).toEqual([2, 3]);
      expect((await f.admin.member.list({ q: '张三' })).total).toBe(0);
    });

    it('takes a unit by code (any case) or by a path of its parents, and says when a name is ambiguous', async () => {
      const units = await f.admin.orgUnit.list();
      const first = units.find((u) => u.name === '第一工会' && u.parentId === f.district.id);
      const second = units.find((u) => u.name === '第一工会' && u.parentId === f.industry.id);
      expect(first!.code).toBe('XH-01');
      const file = await xlsxBase64([
        withCode(row('蒋一', nextIdNumber(), ''), 'xh-01'), // 2: by code, lower-case
        withCode(row('蒋二', nextIdNumber(), '第一工会'), 'WJ-01'), // 3: the code wins over an ambiguous name
        row('蒋三', nextIdNumber(), '卫生健康工会/第一工会'), // 4: by path
        row('蒋四', nextIdNumber(), 'units市总工会 / 西湖区总工会 / 第一工会'), // 5: by the full path
      ]);
      expect(await f.admin.member.import({ fileBase64: file })).toMatchObject({ ok: true, imported: 4, errors: [] });
      expect(await unitOf('蒋一')).toBe(first!.id);
      expect(await unitOf('蒋二')).toBe(second!.id);
      expect(await unitOf('蒋三')).toBe(second!.id);
      expect(await unitOf('蒋四')).toBe(first!.id);

      const bad = await f.admin.member.import({
        fileBase64: await xlsxBase64([
          row('沈一', nextIdNumber(), '第一工会'), // 2: ambiguous
          withCode(row('沈二', nextIdNumber(), ''), 'NOPE'), // 3: unknown code
          row('沈三', nextIdNumber(), '北山街道总工会/第一工会'), // 4: no such path
        ]),
      });
      expect(bad.errors.map((e) => [e.row, e.column, e.code])).toEqual([
        [2, '所属工会', 'org_unit_ambiguous'],
        [3, '组织编码', 'org_unit_code_unknown'],
        [4, '所属工会', 'org_unit_unknown'],
      ]);
      expect(bad.errors[0]!.message).toContain('多个组织同名');
      expect(bad.errors[0]!.message).not.toBe(validationMessage('org_unit_unknown', 'zh-CN'));
    });

    it('reads a sheet with a code column and no name column', async () => {
      const file = await xlsxBase64([['褚一', '', '', nextIdNumber(), 'WJ-01']], { header: ['姓名', '性别', '手机号', '身份证号', '组织编码'] });
      expect(await f.admin.member.import({ fileBase64: file })).toMatchObject({ ok: true, imported: 1 });
    });

    it('previews a dry run: every row checked, the first rows shown with their unit path, nothing written or audited', async () => {
      const before = (await f.admin.member.list({})).total;
      const audits = (await auditOf(f.admin, 'member.imported')).length;
      const file = await xlsxBase64([row('卫一', nextIdNumber(), '北山数字科技有限公司工会'), withCode(row('卫二', nextIdNumber(), ''), 'WJ-01')]);
      const preview = await f.admin.member.import({ fileBase64: file, dryRun: true });
      expect(preview).toMatchObject({ ok: true, dryRun: true, imported: 2, totalRows: 2, errors: [] });
      expect(preview.preview).toEqual([
        { row: 2, name: '卫一', orgUnitPath: 'units市总工会/西湖区总工会/北山街道总工会/北山数字科技有限公司工会' },
        { row: 3, name: '卫二', orgUnitPath: 'units市总工会/卫生健康工会/第一工会' },
      ]);
      expect((await f.admin.member.list({})).total).toBe(before);
      expect((await auditOf(f.admin, 'member.imported')).length).toBe(audits);
      // a dry run of a bad file reports the same errors as the import would
      const bad = await f.admin.member.import({ fileBase64: await xlsxBase64([row('卫三', badCheckDigit(nextIdNumber()), '第一工会')]), dryRun: true });
      expect(bad).toMatchObject({ ok: false, dryRun: true, preview: [] });
      expect(bad.errors.map((e) => e.code)).toEqual(['id_number_invalid', 'org_unit_ambiguous']);
      // then the real import writes them
      expect(await f.admin.member.import({ fileBase64: file })).toMatchObject({ ok: true, dryRun: false, imported: 2 });
      expect((await f.admin.member.list({})).total).toBe(before + 2);
    });

    it('refuses a code two units would share, and a malformed code', async () => {
      const units = await f.admin.orgUnit.list();
      const health = units.find((u) => u.name === '卫生健康工会')!;
      await expectCode(f.admin.orgUnit.update({ id: health.id, version: health.version, code: 'XH-01' }), 'CONFLICT');
      await expectCode(f.admin.orgUnit.update({ id: health.id, version: health.version, code: '卫生 1' }), 'BAD_REQUEST');
      const other = await federation('units-other');
      // codes are per federation
      const created = await other.admin.orgUnit.create({ parentId: other.fed.rootUnitId, name: '编码工会', kind: 'grassroots', code: 'XH-01' });
      expect(created.code).toBe('XH-01');
    });
  });

  describe('the download routes, over HTTP', () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let a: Fed;
    let other: Fed;
    let memberUser: TestUser;

    beforeAll(async () => {
      server = await startServer(h);
      a = await federation('http');
      other = await federation('other');
      await a.admin.member.create({ name: '王伟', idNumber: nextIdNumber(), orgUnitId: a.grassroots.id, honours: [{ kind: 'model_worker', source: '劳模', validFrom: '2021-04-28' }] });
      await a.admin.member.create({ name: '王芳', idNumber: nextIdNumber(), orgUnitId: a.industry.id });
      await a.admin.member.create({ name: '李娜', idNumber: nextIdNumber(), orgUnitId: a.grassroots.id });
      const m = await a.admin.member.create({ name: '赵磊', idNumber: nextIdNumber(), orgUnitId: a.grassroots.id });
      memberUser = await makeUser(h);
      await addMembership(h, a.fed, memberUser, ['member'], m.id);
    });
    afterAll(() => server?.close());

    const cookieFor = (user: TestUser) => signInCookie(server.url, user);
    const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

    it('exports the filtered roster as an .xlsx attachment', async () => {
      const cookie = await cookieFor(a.adminUser);
      const q = new URLSearchParams({ q: '王', honour: 'model_worker', orgUnitId: a.district.id });
      const res = await get(`/api/t/${a.fed.slug}/members/export.xlsx?${q}`, cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''%E4%BC%9A%E5%91%98%E5%90%8D%E5%86%8C-/);
      const rows = await readXlsx(Buffer.from(await res.arrayBuffer()));
      expect(rows.map((r) => r[0])).toEqual(['姓名', '王伟']);
      const all = await readXlsx(Buffer.from(await (await get(`/api/t/${a.fed.slug}/members/export.xlsx`, cookie)).arrayBuffer()));
      expect(all.slice(1).map((r) => r[0])).toEqual(['李娜', '王伟', '王芳', '赵磊'].sort());
      const template = await get(`/api/t/${a.fed.slug}/members/import-template.xlsx`, cookie);
      expect(template.status).toBe(200);
      expect((await readXlsx(Buffer.from(await template.arrayBuffer())))[0]).toEqual(HEADER);
    });

    it('imports a roster posted as JSON with the file in base64', async () => {
      // its own federation: the roster the export test reads stays as it was set up
      const b = await federation('http-import');
      const cookie = await cookieFor(b.adminUser);
      const res = await fetch(`${server.url}/api/trpc/member.import`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: server.url, Cookie: cookie, 'X-Tenant': b.fed.slug },
        body: JSON.stringify({ fileBase64: await xlsxBase64([row('孙丽', nextIdNumber(), '卫生健康工会')]) }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { result: { data: unknown } }).result.data).toEqual({ ok: true, imported: 1, totalRows: 1, errors: [], skipped: [], dryRun: false, preview: [] });
    });

    it('answers 401 without a session, 404 to another federation, 403 to a member account, 400 to a bad filter', async () => {
      const codeOf = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code });
      expect(await codeOf(await get(`/api/t/${a.fed.slug}/members/export.xlsx`))).toEqual({ status: 401, code: 'UNAUTHORIZED' });
      const foreign = await cookieFor(other.adminUser);
      expect(await codeOf(await get(`/api/t/${a.fed.slug}/members/export.xlsx`, foreign))).toEqual({ status: 404, code: 'NOT_FOUND' });
      expect(await codeOf(await get(`/api/t/${a.fed.slug}/members/import-template.xlsx`, foreign))).toEqual({ status: 404, code: 'NOT_FOUND' });
      expect(await codeOf(await get(`/api/t/${other.fed.slug}/members/export.xlsx?orgUnitId=${a.district.id}`, foreign))).toEqual({ status: 404, code: 'NOT_FOUND' });
      const member = await cookieFor(memberUser);
      expect(await codeOf(await get(`/api/t/${a.fed.slug}/members/export.xlsx`, member))).toEqual({ status: 403, code: 'FORBIDDEN' });
      const admin = await cookieFor(a.adminUser);
      expect(await codeOf(await get(`/api/t/${a.fed.slug}/members/export.xlsx?honour=hero`, admin))).toEqual({ status: 400, code: 'BAD_INPUT' });
      // the refusals are not audited as exports; the one export that ran is
      const before = (await auditOf(a.admin, 'member.exported')).length;
      expect((await get(`/api/t/${a.fed.slug}/members/export.xlsx`, admin)).status).toBe(200);
      expect((await auditOf(a.admin, 'member.exported')).length).toBe(before + 1);
    });
  });
});
