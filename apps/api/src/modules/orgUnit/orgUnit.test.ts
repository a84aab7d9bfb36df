import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMembership,
  callerFor,
  createHarness,
  expectCode,
  makeFederation,
  makeStaff,
  makeUser,
  type Harness,
} from '../../test/harness.ts';
import { nextIdNumber } from '../member/member.testkit.ts';
import type { Caller } from '../../test/caller.ts';


describe('org units', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  /** a federation with its admin, and a small tree: root → district → street → grassroots, root → industry */
  async function federation(name: string) {
    const fed = await makeFederation(h, name);
    const admin = await callerFor(h, await makeStaff(h, fed, ['admin']), fed);
    const district = await admin.orgUnit.create({ parentId: fed.rootUnitId, name: '上城区总工会', kind: 'district', sortOrder: 1 });
    const street = await admin.orgUnit.create({ parentId: district.id, name: '湖滨街道总工会', kind: 'street' });
    const grassroots = await admin.orgUnit.create({ parentId: street.id, name: '湖滨机械有限公司工会', kind: 'grassroots' });
    const industry = await admin.orgUnit.create({ parentId: fed.rootUnitId, name: '教育工会', kind: 'industry', sortOrder: 0 });
    return { fed, admin, district, street, grassroots, industry };
  }

  const auditOf = async (admin: Caller, type: string) => (await admin.audit.list({ type, limit: 200 })).items;

  describe('when staff read the tree', () => {
    it('lists the whole tree depth-first, siblings by sort order, with the members directly in each unit', async () => {
      const { fed, admin, district, street, grassroots, industry } = await federation('tree');
      await admin.member.create({ name: '王伟', idNumber: nextIdNumber(), orgUnitId: grassroots.id });
      await admin.member.create({ name: '李娜', idNumber: nextIdNumber(), orgUnitId: grassroots.id });
      await admin.member.create({ name: '张敏', idNumber: nextIdNumber(), orgUnitId: street.id });
      const list = await admin.orgUnit.list();
      expect(list.map((u) => [u.name, u.parentId, u.memberCount])).toEqual([
        ['tree市总工会', null, 0],
        ['教育工会', fed.rootUnitId, 0],
        ['上城区总工会', fed.rootUnitId, 0],
        ['湖滨街道总工会', district.id, 1],
        ['湖滨机械有限公司工会', street.id, 2],
      ]);
      expect(list.find((u) => u.id === industry.id)).toMatchObject({ kind: 'industry', version: 1, sortOrder: 0 });
    });

    it('lets every staff role read, but only admins write', async () => {
      const { fed, admin, district } = await federation('roles');
      for (const role of ['signatory', 'lead', 'officer', 'judge', 'caseworker'] as const) {
        const c = await callerFor(h, await makeStaff(h, fed, [role]), fed);
        expect(await c.orgUnit.list()).toEqual(await admin.orgUnit.list());
        await expectCode(c.orgUnit.create({ parentId: fed.rootUnitId, name: `x-${role}`, kind: 'district' }), 'FORBIDDEN');
        await expectCode(c.orgUnit.update({ id: district.id, version: 1, name: 'x' }), 'FORBIDDEN');
        await expectCode(c.orgUnit.delete({ id: district.id }), 'FORBIDDEN');
      }
    });
  });

  describe('when a unit is created', () => {
    it('is audited, and two siblings cannot share a name', async () => {
      const { admin, fed, district } = await federation('create');
      const created = (await auditOf(admin, 'org_unit.created')).find((e) => e.entityId === district.id);
      expect(created?.data).toEqual({ name: '上城区总工会', parentId: fed.rootUnitId });
      await expectCode(admin.orgUnit.create({ parentId: fed.rootUnitId, name: '上城区总工会', kind: 'district' }), 'CONFLICT');
      // the same name under another parent is fine
      const other = await admin.orgUnit.create({ parentId: district.id, name: '上城区总工会', kind: 'street' });
      expect(other).toMatchObject({ parentId: district.id, memberCount: 0, version: 1 });
    });

    it('refuses an unknown parent as NOT_FOUND', async () => {
      const { admin } = await federation('noparent');
      await expectCode(admin.orgUnit.create({ parentId: crypto.randomUUID(), name: 'x', kind: 'street' }), 'NOT_FOUND');
    });
  });

  describe('when a unit is renamed or moved', () => {
    it('bumps the version and audits the change', async () => {
      const { admin, street, industry } = await federation('update');
      const moved = await admin.orgUnit.update({ id: street.id, version: 1, name: '湖滨街道', parentId: industry.id, sortOrder: 5 });
      expect(moved).toMatchObject({ name: '湖滨街道', parentId: industry.id, sortOrder: 5, version: 2, memberCount: 0 });
      const [event] = (await auditOf(admin, 'org_unit.updated')).filter((e) => e.entityId === street.id);
      expect(event?.data).toMatchObject({ changes: { name: { from: '湖滨街道总工会', to: '湖滨街道' }, parentId: { to: industry.id } } });
      expect(await admin.audit.verify()).toMatchObject({ ok: true });
    });

    it('refuses a stale version', async () => {
      const { admin, district } = await federation('stale');
      await admin.orgUnit.update({ id: district.id, version: 1, name: '上城区' });
      await expectCode(admin.orgUnit.update({ id: district.id, version: 1, name: '下城区' }), 'STALE_VERSION');
      expect((await admin.orgUnit.list()).find((u) => u.id === district.id)).toMatchObject({ name: '上城区', version: 2 });
    });

    it('refuses to move a unit under itself or under one of its descendants', async () => {
      const { fed, admin, district, street, grassroots } = await federation('cycle');
      await expectCode(admin.orgUnit.update({ id: district.id, version: 1, parentId: district.id }), 'ORG_UNIT_CYCLE');
      await expectCode(admin.orgUnit.update({ id: district.id, version: 1, parentId: street.id }), 'ORG_UNIT_CYCLE');
      await expectCode(admin.orgUnit.update({ id: district.id, version: 1, parentId: grassroots.id }), 'ORG_UNIT_CYCLE');
      await expectCode(admin.orgUnit.update({ id: fed.rootUnitId, version: 1, parentId: district.id }), 'ORG_UNIT_CYCLE');
      // nothing moved
      const list = await admin.orgUnit.list();
      expect(list.find((u) => u.id === district.id)).toMatchObject({ parentId: fed.rootUnitId, version: 1 });
    });

    it('refuses a name a sibling has', async () => {
      const { admin, industry } = await federation('rename');
      await expectCode(admin.orgUnit.update({ id: industry.id, version: 1, name: '上城区总工会' }), 'CONFLICT');
    });
  });

  describe('when a unit is deleted', () => {
    it('refuses while it has sub-units or members, and never deletes the root', async () => {
      const { fed, admin, district, street, grassroots } = await federation('delete');
      await expectCode(admin.orgUnit.delete({ id: district.id }), 'ORG_UNIT_NOT_EMPTY');
      const m = await admin.member.create({ name: '赵磊', idNumber: nextIdNumber(), orgUnitId: grassroots.id });
      await expectCode(admin.orgUnit.delete({ id: grassroots.id }), 'ORG_UNIT_NOT_EMPTY');
      await expectCode(admin.orgUnit.delete({ id: fed.rootUnitId }), 'CONFLICT');
      await admin.member.delete({ id: m.id });
      expect(await admin.orgUnit.delete({ id: grassroots.id })).toEqual({ ok: true });
      expect(await admin.orgUnit.delete({ id: street.id })).toEqual({ ok: true });
      expect((await admin.orgUnit.list()).map((u) => u.id)).not.toContain(street.id);
      const deleted = (await auditOf(admin, 'org_unit.deleted')).map((e) => e.data);
      expect(deleted).toEqual([{ name: '湖滨街道总工会' }, { name: '湖滨机械有限公司工会' }]);
      await expectCode(admin.orgUnit.delete({ id: street.id }), 'NOT_FOUND');
    });
  });

  describe('when someone of another federation asks', () => {
    let victim: Awaited<ReturnType<typeof federation>>;
    let foreign: Awaited<ReturnType<typeof federation>>;
    let intruderInVictim: Caller;

    beforeAll(async () => {
      victim = await federation('victim');
      foreign = await federation('foreign');
      const user = await makeUser(h);
      await addMembership(h, foreign.fed, user, ['admin']);
      intruderInVictim = await callerFor(h, user, victim.fed);
    });

    it('answers NOT_FOUND to every procedure in the victim federation', async () => {
      const c = intruderInVictim;
      await expectCode(c.orgUnit.list(), 'NOT_FOUND');
      await expectCode(c.orgUnit.create({ parentId: victim.fed.rootUnitId, name: 'x', kind: 'district' }), 'NOT_FOUND');
      await expectCode(c.orgUnit.update({ id: victim.district.id, version: 1, name: 'x' }), 'NOT_FOUND');
      await expectCode(c.orgUnit.delete({ id: victim.industry.id }), 'NOT_FOUND');
    });

    it('answers NOT_FOUND for the victim’s units in its own federation', async () => {
      const c = foreign.admin;
      await expectCode(c.orgUnit.create({ parentId: victim.fed.rootUnitId, name: 'x', kind: 'district' }), 'NOT_FOUND');
      await expectCode(c.orgUnit.update({ id: victim.district.id, version: 1, name: 'x' }), 'NOT_FOUND');
      await expectCode(c.orgUnit.update({ id: foreign.district.id, version: 1, parentId: victim.district.id }), 'NOT_FOUND');
      await expectCode(c.orgUnit.delete({ id: victim.industry.id }), 'NOT_FOUND');
      const ids = (await c.orgUnit.list()).map((u) => u.id);
      expect(ids).not.toContain(victim.district.id);
      expect(ids).toHaveLength(5);
      // the victim's tree is untouched
      expect((await victim.admin.orgUnit.list()).map((u) => [u.name, u.version])).toEqual([
        ['victim市总工会', 1],
        ['教育工会', 1],
        ['上城区总工会', 1],
        ['湖滨街道总工会', 1],
        ['湖滨机械有限公司工会', 1],
      ]);
    });
  });

  describe('when a member account asks', () => {
    it('is FORBIDDEN', async () => {
      const { fed, admin, grassroots } = await federation('account');
      const m = await admin.member.create({ name: '钱芳', idNumber: nextIdNumber(), orgUnitId: grassroots.id });
      const user = await makeUser(h);
      await addMembership(h, fed, user, ['member'], m.id);
      const c = await callerFor(h, user, fed);
      await expectCode(c.orgUnit.list(), 'FORBIDDEN');
      await expectCode(c.orgUnit.create({ parentId: fed.rootUnitId, name: 'x', kind: 'district' }), 'FORBIDDEN');
      await expectCode(c.orgUnit.update({ id: grassroots.id, version: 1, name: 'x' }), 'FORBIDDEN');
      await expectCode(c.orgUnit.delete({ id: grassroots.id }), 'FORBIDDEN');
    });
  });

  describe('when staff search the tree (issue 16)', () => {
    it('finds units by name or code prefix, with the names of their ancestors, case-insensitively', async () => {
      const { admin, street, grassroots } = await federation('search');
      await admin.orgUnit.update({ id: grassroots.id, version: 1, code: 'hb-07' });
      await admin.member.create({ name: '王伟', idNumber: nextIdNumber(), orgUnitId: grassroots.id });
      const byName = await admin.orgUnit.search({ q: '湖滨' });
      expect(byName.items.map((u) => [u.name, u.path])).toEqual([
        ['湖滨机械有限公司工会', ['search市总工会', '上城区总工会', '湖滨街道总工会']],
        ['湖滨街道总工会', ['search市总工会', '上城区总工会']],
      ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)));
      expect(byName.truncated).toBe(false);
      const byCode = await admin.orgUnit.search({ q: 'HB-0' });
      expect(byCode.items).toEqual([expect.objectContaining({ id: grassroots.id, code: 'HB-07', memberCount: 1, parentId: street.id })]);
      expect((await admin.orgUnit.search({ q: '%' })).items).toEqual([]);
      expect((await admin.orgUnit.search({ q: '不存在' })).items).toEqual([]);
    });

    it('never shows another federation’s units (RLS and the tenant condition), and lets every staff role search', async () => {
      const a = await federation('search-a');
      const b = await federation('search-b');
      await b.admin.orgUnit.update({ id: b.grassroots.id, version: 1, code: 'SECRET-1' });
      expect((await a.admin.orgUnit.search({ q: 'SECRET' })).items).toEqual([]);
      const names = (await a.admin.orgUnit.search({ q: '工会' })).items.map((u) => u.id);
      const bIds = new Set((await b.admin.orgUnit.list()).map((u) => u.id));
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((id) => bIds.has(id))).toEqual([]);
      const officer = await callerFor(h, await makeStaff(h, a.fed, ['officer']), a.fed);
      expect((await officer.orgUnit.search({ q: '教育' })).items.map((u) => u.name)).toEqual(['教育工会']);
      // someone of federation A who is not staff there, asking in B, is NOT_FOUND
      const outsider = await makeUser(h);
      await addMembership(h, a.fed, outsider, ['officer']);
      await expectCode((await callerFor(h, outsider, b.fed)).orgUnit.search({ q: '工会' }), 'NOT_FOUND');
    });
  });
});
