import { maskIdNumber, type MemberDto } from '@uc/contracts';
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
  type TestFederation,
} from '../../test/harness.ts';
import { badCheckDigit, nextIdNumber, xlsxBase64 } from './member.testkit.ts';
import type { Caller } from '../../test/caller.ts';


// 00:30 on 2 June in China, still 1 June in UTC: "today" for honours is the Chinese date
const NOW = new Date('2025-06-01T16:30:00Z');

describe('members', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
    h.now = () => NOW;
  });
  afterAll(() => h.close());

  /** a federation with an admin and a tree: root → district → street → grassroots, root → industry */
  async function federation(name: string) {
    const fed = await makeFederation(h, name);
    const admin = await callerFor(h, await makeStaff(h, fed, ['admin']), fed);
    const district = await admin.orgUnit.create({ parentId: fed.rootUnitId, name: '西湖区总工会', kind: 'district' });
    const street = await admin.orgUnit.create({ parentId: district.id, name: '北山街道总工会', kind: 'street' });
    const grassroots = await admin.orgUnit.create({ parentId: street.id, name: '北山数字科技有限公司工会', kind: 'grassroots' });
    const industry = await admin.orgUnit.create({ parentId: fed.rootUnitId, name: '卫生健康工会', kind: 'industry' });
    return { fed, admin, district, street, grassroots, industry };
  }
  type Fed = Awaited<ReturnType<typeof federation>>;

  const staff = async (fed: TestFederation, role: Parameters<typeof makeStaff>[2]) => callerFor(h, await makeStaff(h, fed, role), fed);
  // a zod refusal reaches a direct caller as BAD_REQUEST (clients see it as BAD_INPUT with field messages)
  const auditOf = async (admin: Caller, type: string) => (await admin.audit.list({ type, limit: 200 })).items;

  describe('when a member is created', () => {
    let f: Fed;
    beforeAll(async () => {
      f = await federation('create');
    });

    it('seals the ID number, shows it masked and takes the birth date from it', async () => {
      const idNumber = nextIdNumber();
      const m = await f.admin.member.create({
        name: '王伟',
        gender: 'male',
        mobile: '13900001111',
        idNumber,
        orgUnitId: f.grassroots.id,
        honours: [{ kind: 'model_worker', source: '杭州市劳动模范（2021年）', validFrom: '2021-04-28' }],
      });
      expect(m).toMatchObject({
        name: '王伟',
        gender: 'male',
        mobile: '13900001111',
        idNumberMasked: maskIdNumber(idNumber),
        birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
        orgUnitId: f.grassroots.id,
        orgUnitName: '北山数字科技有限公司工会',
        version: 1,
        createdAt: NOW.toISOString(),
      });
      expect(m.honours).toEqual([{ id: expect.any(String), kind: 'model_worker', source: '杭州市劳动模范（2021年）', validFrom: '2021-04-28', validUntil: null }]);
      expect(JSON.stringify(m)).not.toContain(idNumber);
      const [row] = await h.t.query<{ id_number_enc: string; id_number_hmac: string }>('select id_number_enc, id_number_hmac from member where id = $1', [m.id]);
      expect(row!.id_number_enc).not.toContain(idNumber);
      expect(row!.id_number_hmac).not.toContain(idNumber);
      const [event] = (await auditOf(f.admin, 'member.created')).filter((e) => e.entityId === m.id);
      expect(event?.data).toEqual({ name: '王伟' });
    });

    it('refuses an ID number whose check character is wrong', async () => {
      await expectCode(f.admin.member.create({ name: '李娜', idNumber: badCheckDigit(nextIdNumber()), orgUnitId: f.grassroots.id }), 'BAD_REQUEST');
    });

    it('refuses a second member with the same ID number', async () => {
      const idNumber = nextIdNumber();
      await f.admin.member.create({ name: '张敏', idNumber, orgUnitId: f.grassroots.id });
      await expectCode(f.admin.member.create({ name: '张敏', idNumber: ` ${idNumber} `, orgUnitId: f.street.id }), 'DUPLICATE_ID_NUMBER');
      // the refusal rolled back cleanly: the next write works
      const other = await f.admin.member.create({ name: '张敏', idNumber: nextIdNumber(), orgUnitId: f.street.id });
      expect(other.orgUnitId).toBe(f.street.id);
    });

    it('accepts a lower-case x check character and stores it upper case', async () => {
      let idNumber = nextIdNumber();
      while (!idNumber.endsWith('X')) idNumber = nextIdNumber();
      const m = await f.admin.member.create({ name: '刘洋', idNumber: idNumber.toLowerCase(), orgUnitId: f.grassroots.id });
      expect(m.idNumberMasked.endsWith(idNumber.slice(-4))).toBe(true);
      await expectCode(f.admin.member.create({ name: '刘洋', idNumber, orgUnitId: f.grassroots.id }), 'DUPLICATE_ID_NUMBER');
    });

    it('answers NOT_FOUND for an unknown org unit, and refuses an honour that ends before it starts', async () => {
      await expectCode(f.admin.member.create({ name: '陈静', idNumber: nextIdNumber(), orgUnitId: crypto.randomUUID() }), 'NOT_FOUND');
      await expectCode(
        f.admin.member.create({
          name: '陈静',
          idNumber: nextIdNumber(),
          orgUnitId: f.grassroots.id,
          honours: [{ kind: 'skilled_worker', source: '技术能手', validFrom: '2024-01-01', validUntil: '2023-12-31' }],
        }),
        'BAD_INPUT',
      );
      await expectCode(f.admin.member.create({ name: '陈静', mobile: '12345', idNumber: nextIdNumber(), orgUnitId: f.grassroots.id }), 'BAD_REQUEST');
    });

    it('lets officers create, and no other staff role', async () => {
      const officer = await staff(f.fed, ['officer']);
      expect((await officer.member.create({ name: '杨帆', idNumber: nextIdNumber(), orgUnitId: f.industry.id })).name).toBe('杨帆');
      for (const role of ['signatory', 'lead', 'judge', 'caseworker'] as const) {
        const c = await staff(f.fed, [role]);
        await expectCode(c.member.create({ name: '杨帆', idNumber: nextIdNumber(), orgUnitId: f.industry.id }), 'FORBIDDEN');
      }
    });
  });

  describe('when members are listed', () => {
    let f: Fed;
    const ids: Record<string, string> = {};
    const byName: Record<string, MemberDto> = {};

    beforeAll(async () => {
      f = await federation('list');
      const add = async (name: string, orgUnitId: string, extra: Partial<Parameters<Caller['member']['create']>[0]> = {}) => {
        const idNumber = nextIdNumber();
        ids[name] = idNumber;
        byName[name] = await f.admin.member.create({ name, idNumber, orgUnitId, ...extra });
      };
      await add('王伟', f.grassroots.id, {
        mobile: '13900001111',
        honours: [
          { kind: 'model_worker', source: '杭州市劳动模范（2021年）', validFrom: '2021-04-28' },
          { kind: 'frontline', source: '一线职工', validFrom: '2020-01-01', validUntil: null },
        ],
      });
      // held until 1 June: no longer on 2 June in China, although it is still 1 June in UTC
      await add('王芳', f.street.id, { mobile: '13700002222', honours: [{ kind: 'skilled_worker', source: '杭州市技术能手', validFrom: '2020-06-01', validUntil: '2025-06-01' }] });
      // from 2 June: already held in China, although it is still 1 June in UTC
      await add('李娜', f.industry.id, { honours: [{ kind: 'may_day_medal', source: '浙江省五一劳动奖章', validFrom: '2025-06-02' }] });
      await add('张伟', f.fed.rootUnitId);
      await add('Anna 100%', f.industry.id);
    });

    const names = (r: { items: MemberDto[] }) => r.items.map((m) => m.name);

    it('orders by name then id, pages, and counts the total', async () => {
      const all = await f.admin.member.list({});
      expect(all.total).toBe(5);
      const sorted = [...all.items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
      expect(names(all)).toEqual(names({ items: sorted }));
      expect(all).toMatchObject({ totalCapped: false, next: null, prev: null });
      const p1 = await f.admin.member.list({ pageSize: 2 });
      const p2 = await f.admin.member.list({ pageSize: 2, after: p1.next! });
      expect(p2).toMatchObject({ total: 5, pageSize: 2 });
      expect(names(p2)).toEqual(names(all).slice(2, 4));
      const p3 = await f.admin.member.list({ pageSize: 2, after: p2.next! });
      expect(names(p3)).toEqual(names(all).slice(4));
      expect(p3.next).toBeNull();
      expect(names(await f.admin.member.list({ pageSize: 2, before: p3.prev! }))).toEqual(names(p2));
    });

    it('carries each member’s honours and org unit', async () => {
      const all = await f.admin.member.list({});
      const wang = all.items.find((m) => m.name === '王伟')!;
      expect(wang).toEqual(byName['王伟']);
      expect(wang.honours.map((x) => x.kind)).toEqual(['frontline', 'model_worker']);
      expect(all.items.find((m) => m.name === '张伟')).toMatchObject({ orgUnitName: 'list市总工会', honours: [] });
    });

    it('takes in the units below the chosen unit unless told not to', async () => {
      expect(names(await f.admin.member.list({ orgUnitId: f.district.id }))).toEqual(['王伟', '王芳'].sort());
      expect(names(await f.admin.member.list({ orgUnitId: f.district.id, includeDescendants: false }))).toEqual([]);
      expect(names(await f.admin.member.list({ orgUnitId: f.street.id, includeDescendants: false }))).toEqual(['王芳']);
      expect((await f.admin.member.list({ orgUnitId: f.fed.rootUnitId })).total).toBe(5);
      await expectCode(f.admin.member.list({ orgUnitId: crypto.randomUUID() }), 'NOT_FOUND');
    });

    it('filters by the honours held today in China Standard Time', async () => {
      expect(names(await f.admin.member.list({ honour: 'model_worker' }))).toEqual(['王伟']);
      expect(names(await f.admin.member.list({ honour: 'skilled_worker' }))).toEqual([]);
      expect(names(await f.admin.member.list({ honour: 'may_day_medal' }))).toEqual(['李娜']);
      expect(names(await f.admin.member.list({ honour: 'frontline', orgUnitId: f.street.id }))).toEqual(['王伟']);
    });

    it('finds by part of the name, by mobile digits, and by the whole ID number only', async () => {
      expect(names(await f.admin.member.list({ q: '伟' }))).toEqual(['张伟', '王伟'].sort());
      expect(names(await f.admin.member.list({ q: '王' }))).toEqual(['王伟', '王芳'].sort());
      expect(names(await f.admin.member.list({ q: 'anna' }))).toEqual(['Anna 100%']);
      expect(names(await f.admin.member.list({ q: '0%' }))).toEqual(['Anna 100%']);
      expect(names(await f.admin.member.list({ q: '_' }))).toEqual([]);
      expect(names(await f.admin.member.list({ q: '2222' }))).toEqual(['王芳']);
      expect(names(await f.admin.member.list({ q: '139' }))).toEqual(['王伟']);
      expect(names(await f.admin.member.list({ q: ids['李娜']! }))).toEqual(['李娜']);
      expect(names(await f.admin.member.list({ q: ` ${ids['李娜']!.toLowerCase()} ` }))).toEqual(['李娜']);
      // part of an ID number finds nobody: the number is stored only sealed
      expect(names(await f.admin.member.list({ q: ids['李娜']!.slice(0, 14) }))).toEqual([]);
      expect(names(await f.admin.member.list({ q: '王', orgUnitId: f.street.id, includeDescendants: false }))).toEqual(['王芳']);
    });

    it('lets the office that keeps members read them, and no other role (least privilege, issue 12)', async () => {
      const officer = await staff(f.fed, ['officer']);
      expect((await officer.member.list({})).total).toBe(5);
      expect(await officer.member.get({ id: byName['张伟']!.id })).toEqual(byName['张伟']);
      for (const role of ['signatory', 'lead', 'judge', 'caseworker'] as const) {
        const c = await staff(f.fed, [role]);
        await expectCode(c.member.list({}), 'FORBIDDEN');
        await expectCode(c.member.get({ id: byName['张伟']!.id }), 'FORBIDDEN');
      }
    });
  });

  describe('when a member is changed', () => {
    let f: Fed;
    beforeAll(async () => {
      f = await federation('update');
    });

    const create = () =>
      f.admin.member.create({
        name: '周杰',
        gender: 'male',
        mobile: '13800001234',
        idNumber: nextIdNumber(),
        orgUnitId: f.grassroots.id,
        honours: [{ kind: 'frontline', source: '一线职工', validFrom: '2020-01-01' }],
      });

    it('changes what is given, bumps the version and audits the fields changed', async () => {
      const m = await create();
      const u = await f.admin.member.update({ id: m.id, version: 1, name: '周婕', gender: 'female', mobile: null, orgUnitId: f.industry.id });
      expect(u).toMatchObject({ name: '周婕', gender: 'female', mobile: null, orgUnitId: f.industry.id, orgUnitName: '卫生健康工会', version: 2 });
      expect(u.honours).toEqual(m.honours);
      expect(u.idNumberMasked).toBe(m.idNumberMasked);
      const [event] = (await auditOf(f.admin, 'member.updated')).filter((e) => e.entityId === m.id);
      expect(event?.data).toEqual({ changes: ['name', 'gender', 'mobile', 'orgUnitId'] });
      // nothing to change: nothing written
      expect(await f.admin.member.update({ id: m.id, version: 2, name: '周婕' })).toEqual(u);
    });

    it('replaces the honours when they are given', async () => {
      const m = await create();
      const u = await f.admin.member.update({
        id: m.id,
        version: 1,
        honours: [
          { kind: 'skilled_worker', source: '杭州市技术能手', validFrom: '2024-11-01', validUntil: '2029-10-31' },
          { kind: 'model_worker', source: '杭州市劳动模范', validFrom: '2025-04-28' },
        ],
      });
      expect(u.honours.map((x) => [x.kind, x.validFrom, x.validUntil])).toEqual([
        ['skilled_worker', '2024-11-01', '2029-10-31'],
        ['model_worker', '2025-04-28', null],
      ]);
      const cleared = await f.admin.member.update({ id: m.id, version: 2, honours: [] });
      expect(cleared).toMatchObject({ honours: [], version: 3 });
    });

    it('refuses a stale version', async () => {
      const m = await create();
      await f.admin.member.update({ id: m.id, version: 1, name: '周一' });
      await expectCode(f.admin.member.update({ id: m.id, version: 1, name: '周二' }), 'STALE_VERSION');
      expect(await f.admin.member.get({ id: m.id })).toMatchObject({ name: '周一', version: 2 });
    });

    it('answers NOT_FOUND for an unknown member or org unit', async () => {
      const m = await create();
      await expectCode(f.admin.member.update({ id: crypto.randomUUID(), version: 1, name: 'x' }), 'NOT_FOUND');
      await expectCode(f.admin.member.update({ id: m.id, version: 1, orgUnitId: crypto.randomUUID() }), 'NOT_FOUND');
    });
  });

  describe('when a member is deleted', () => {
    it('is gone with their honours, and audited', async () => {
      const f = await federation('delete');
      const m = await f.admin.member.create({
        name: '吴昊',
        idNumber: nextIdNumber(),
        orgUnitId: f.grassroots.id,
        honours: [{ kind: 'frontline', source: '一线职工', validFrom: '2020-01-01' }],
      });
      expect(await f.admin.member.delete({ id: m.id })).toEqual({ ok: true });
      await expectCode(f.admin.member.get({ id: m.id }), 'NOT_FOUND');
      await expectCode(f.admin.member.delete({ id: m.id }), 'NOT_FOUND');
      const [left] = await h.t.query<{ n: number }>('select count(*)::int as n from member_honour where member_id = $1', [m.id]);
      expect(left!.n).toBe(0);
      expect((await auditOf(f.admin, 'member.deleted')).map((e) => [e.entityId, e.data])).toEqual([[m.id, { name: '吴昊' }]]);
    });

    it('refuses while a member account stands for them', async () => {
      const f = await federation('delacct');
      const m = await f.admin.member.create({ name: '郑爽', idNumber: nextIdNumber(), orgUnitId: f.grassroots.id });
      await addMembership(h, f.fed, await makeUser(h), ['member'], m.id);
      await expectCode(f.admin.member.delete({ id: m.id }), 'CONFLICT');
      expect((await f.admin.member.get({ id: m.id })).name).toBe('郑爽');
    });
  });

  describe('the full ID number', () => {
    let f: Fed;
    let m: MemberDto;
    const idNumber = nextIdNumber();
    beforeAll(async () => {
      f = await federation('reveal');
      m = await f.admin.member.create({ name: '孙丽', idNumber, orgUnitId: f.grassroots.id });
    });

    it('never appears in lists or reads', async () => {
      const list = await f.admin.member.list({ q: idNumber });
      expect(list.items).toHaveLength(1);
      expect(JSON.stringify(list)).not.toContain(idNumber);
      expect(JSON.stringify(await f.admin.member.get({ id: m.id }))).not.toContain(idNumber);
      expect(list.items[0]!.idNumberMasked).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    });

    it('is shown to admins, officers and caseworkers, and every read is audited', async () => {
      const readers = [f.admin, await staff(f.fed, ['officer']), await staff(f.fed, ['caseworker'])];
      for (const c of readers) expect(await c.member.revealIdNumber({ id: m.id })).toEqual({ idNumber });
      await f.admin.member.revealIdNumber({ id: m.id });
      const reads = (await auditOf(f.admin, 'member.id_number_read')).filter((e) => e.entityId === m.id);
      expect(reads).toHaveLength(4);
      expect(reads.every((e) => (e.data as { name: string }).name === '孙丽')).toBe(true);
      expect(new Set(reads.map((e) => e.actor.name)).size).toBe(3);
      expect(await f.admin.audit.verify()).toMatchObject({ ok: true });
    });

    it('is FORBIDDEN to other staff roles, and their attempts leave no read in the log', async () => {
      const before = (await auditOf(f.admin, 'member.id_number_read')).length;
      for (const role of ['signatory', 'lead', 'judge'] as const) {
        await expectCode((await staff(f.fed, [role])).member.revealIdNumber({ id: m.id }), 'FORBIDDEN');
      }
      expect((await auditOf(f.admin, 'member.id_number_read')).length).toBe(before);
      await expectCode(f.admin.member.revealIdNumber({ id: crypto.randomUUID() }), 'NOT_FOUND');
    });
  });

  describe('when a member account asks', () => {
    it('is FORBIDDEN for every procedure', async () => {
      const f = await federation('account');
      const m = await f.admin.member.create({ name: '钱芳', idNumber: nextIdNumber(), orgUnitId: f.grassroots.id });
      const user = await makeUser(h);
      await addMembership(h, f.fed, user, ['member'], m.id);
      const c = await callerFor(h, user, f.fed);
      await expectCode(c.member.list({}), 'FORBIDDEN');
      await expectCode(c.member.get({ id: m.id }), 'FORBIDDEN');
      await expectCode(c.member.create({ name: 'x', idNumber: nextIdNumber(), orgUnitId: f.grassroots.id }), 'FORBIDDEN');
      await expectCode(c.member.update({ id: m.id, version: 1, name: 'x' }), 'FORBIDDEN');
      await expectCode(c.member.delete({ id: m.id }), 'FORBIDDEN');
      await expectCode(c.member.revealIdNumber({ id: m.id }), 'FORBIDDEN');
      await expectCode(c.member.import({ fileBase64: await xlsxBase64([]) }), 'FORBIDDEN');
      await expectCode(c.member.exportXlsx({}), 'FORBIDDEN');
      await expectCode(c.member.importTemplate(), 'FORBIDDEN');
    });
  });

  describe('when someone of another federation asks', () => {
    let victim: Fed;
    let foreign: Fed;
    let intruderInVictim: Caller;
    let vm: MemberDto;
    let fm: MemberDto;
    const victimIdNumber = nextIdNumber();

    beforeAll(async () => {
      victim = await federation('victim');
      foreign = await federation('foreign');
      vm = await victim.admin.member.create({ name: '冯刚', idNumber: victimIdNumber, orgUnitId: victim.grassroots.id });
      fm = await foreign.admin.member.create({ name: '褚明', idNumber: nextIdNumber(), orgUnitId: foreign.grassroots.id });
      const user = await makeUser(h);
      await addMembership(h, foreign.fed, user, ['admin']);
      intruderInVictim = await callerFor(h, user, victim.fed);
    });

    it('answers NOT_FOUND to every procedure in the victim federation', async () => {
      const c = intruderInVictim;
      await expectCode(c.member.list({}), 'NOT_FOUND');
      await expectCode(c.member.get({ id: vm.id }), 'NOT_FOUND');
      await expectCode(c.member.create({ name: 'x', idNumber: nextIdNumber(), orgUnitId: victim.grassroots.id }), 'NOT_FOUND');
      await expectCode(c.member.update({ id: vm.id, version: 1, name: 'x' }), 'NOT_FOUND');
      await expectCode(c.member.delete({ id: vm.id }), 'NOT_FOUND');
      await expectCode(c.member.revealIdNumber({ id: vm.id }), 'NOT_FOUND');
      await expectCode(c.member.import({ fileBase64: await xlsxBase64([]) }), 'NOT_FOUND');
      await expectCode(c.member.exportXlsx({}), 'NOT_FOUND');
      await expectCode(c.member.importTemplate(), 'NOT_FOUND');
    });

    it('answers NOT_FOUND for the victim’s members and units in its own federation', async () => {
      const c = foreign.admin;
      await expectCode(c.member.get({ id: vm.id }), 'NOT_FOUND');
      await expectCode(c.member.update({ id: vm.id, version: 1, name: 'x' }), 'NOT_FOUND');
      await expectCode(c.member.update({ id: fm.id, version: 1, orgUnitId: victim.grassroots.id }), 'NOT_FOUND');
      await expectCode(c.member.delete({ id: vm.id }), 'NOT_FOUND');
      await expectCode(c.member.revealIdNumber({ id: vm.id }), 'NOT_FOUND');
      await expectCode(c.member.create({ name: 'x', idNumber: nextIdNumber(), orgUnitId: victim.grassroots.id }), 'NOT_FOUND');
      await expectCode(c.member.list({ orgUnitId: victim.district.id }), 'NOT_FOUND');
      await expectCode(c.member.exportXlsx({ orgUnitId: victim.district.id }), 'NOT_FOUND');
      // nothing of the victim's shows through search, nor blocks the same person joining here
      expect((await c.member.list({ q: victimIdNumber })).items).toEqual([]);
      expect((await c.member.list({ q: '冯' })).items).toEqual([]);
      const here = await c.member.create({ name: '冯刚', idNumber: victimIdNumber, orgUnitId: foreign.street.id });
      expect(here.orgUnitId).toBe(foreign.street.id);
      // the victim's member is untouched
      expect(await victim.admin.member.get({ id: vm.id })).toEqual(vm);
      expect((await victim.admin.member.list({})).items.map((m) => m.id)).toEqual([vm.id]);
    });
  });
});
