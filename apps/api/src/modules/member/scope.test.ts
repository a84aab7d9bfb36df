import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../test/caller.ts';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, type Harness, type TestFederation } from '../../test/harness.ts';
import { nextIdNumber, readXlsx, xlsxBase64 } from './member.testkit.ts';

// An officer limited to an org unit (docs/decisions/0052-org-unit-scope.md) lists, exports and reads
// only the members of that unit and the units below it; a member outside is NOT_FOUND to them (not
// in what they see), and putting a member into a unit outside is OUT_OF_SCOPE. A federation-wide
// officer sees everyone, as before.

describe('members under an officer limited to an org unit', () => {
  let h: Harness;
  let fed: TestFederation;
  let admin: Caller, wide: Caller, scoped: Caller;
  let district: string, street: string, other: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await createHarness();
    fed = await makeFederation(h, 'scope');
    admin = await callerFor(h, await makeStaff(h, fed, ['admin']), fed);
    wide = await callerFor(h, await makeStaff(h, fed, ['officer']), fed);
    district = (await admin.orgUnit.create({ parentId: fed.rootUnitId, name: '西湖区总工会', kind: 'district' })).id;
    street = (await admin.orgUnit.create({ parentId: district, name: '北山街道总工会', kind: 'street' })).id;
    other = (await admin.orgUnit.create({ parentId: fed.rootUnitId, name: '上城区总工会', kind: 'district' })).id;
    for (const [name, unit] of [['区里人', district], ['街道人', street], ['别区人', other], ['市里人', fed.rootUnitId]] as const) {
      ids[name] = (await admin.member.create({ name, idNumber: nextIdNumber(), orgUnitId: unit })).id;
    }
    const officer = await makeStaff(h, fed, ['officer']);
    const membership = (await admin.staff.list()).find((s) => s.email === officer.email)!;
    await admin.staff.updateRoles({ membershipId: membership.membershipId, roles: ['officer'], orgUnitId: district });
    scoped = await callerFor(h, officer, fed);
  });
  afterAll(() => h.close());

  it('lists and exports only the subtree; a federation-wide officer sees all', async () => {
    // the members made above (another test adds some inside the scope)
    const known = (list: string[]) => list.filter((n) => n in ids).sort();
    const names = async (c: Caller, input = {}) => known((await c.member.list({ pageSize: 200, ...input })).items.map((m) => m.name));
    expect(await names(scoped)).toEqual(['区里人', '街道人'].sort());
    expect(await names(wide)).toEqual(['区里人', '街道人', '别区人', '市里人'].sort());
    // a filter by another unit keeps to the scope too
    expect(await names(scoped, { orgUnitId: fed.rootUnitId })).toEqual(['区里人', '街道人'].sort());
    expect(await names(scoped, { orgUnitId: other })).toEqual([]);
    expect(await names(scoped, { q: '人' })).toEqual(['区里人', '街道人'].sort());
    const file = await scoped.member.exportXlsx({ includeDescendants: true });
    const rows = await readXlsx(Buffer.from(file.base64, 'base64'));
    expect(known(rows.slice(1).map((r) => r[0]!))).toEqual(['区里人', '街道人'].sort());
  });

  it('reads one inside; one outside is NOT_FOUND, for reading, changing and deleting alike', async () => {
    expect((await scoped.member.get({ id: ids['街道人']! })).name).toBe('街道人');
    await expectCode(scoped.member.get({ id: ids['别区人']! }), 'NOT_FOUND');
    await expectCode(scoped.member.update({ id: ids['别区人']!, version: 1, name: '改名' }), 'NOT_FOUND');
    await expectCode(scoped.member.delete({ id: ids['市里人']! }), 'NOT_FOUND');
    expect((await wide.member.get({ id: ids['别区人']! })).name).toBe('别区人');
  });

  it('refuses a member put into or moved to a unit outside the subtree (OUT_OF_SCOPE), and imports only into it', async () => {
    await expectCode(scoped.member.create({ name: '新人', idNumber: nextIdNumber(), orgUnitId: other }), 'OUT_OF_SCOPE');
    const mine = await scoped.member.create({ name: '新人', idNumber: nextIdNumber(), orgUnitId: street });
    await expectCode(scoped.member.update({ id: mine.id, version: mine.version, orgUnitId: other }), 'OUT_OF_SCOPE');
    // the template's columns: 姓名 性别 手机号 身份证号 所属工会 荣誉 组织编码
    const file = await xlsxBase64([
      ['导入一', '男', '', nextIdNumber(), '北山街道总工会', '', ''],
      ['导入二', '女', '', nextIdNumber(), '上城区总工会', '', ''],
    ]);
    const r = await scoped.member.import({ fileBase64: file, dryRun: true });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([expect.objectContaining({ row: 3, code: 'org_unit_out_of_scope', message: '该组织不在您负责的范围内' })]);
    expect((await wide.member.import({ fileBase64: file, dryRun: true })).ok).toBe(true);
  });
});
