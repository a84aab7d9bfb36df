import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, callerFor, createHarness, expectCode, makeFederation, makeStaff, makeUser, type Harness } from '../../test/harness.ts';
import { nextIdNumber } from '../member/member.testkit.ts';

// The member's 我的 page answers with the signed-in member's own rows only: another member of the
// same federation sees none of them, and staff cannot call it.

describe('我的 (home.mine)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('shows each member only their own honours; staff are refused', async () => {
    const fed = await makeFederation(h, 'mine');
    const adminUser = await makeStaff(h, fed, ['admin']);
    const admin = await callerFor(h, adminUser, fed);
    const district = await admin.orgUnit.create({ parentId: fed.rootUnitId, name: '西湖区总工会', kind: 'district' });
    const street = await admin.orgUnit.create({ parentId: district.id, name: '北山街道总工会', kind: 'street' });
    const unit = await admin.orgUnit.create({ parentId: street.id, name: '北山数字科技有限公司工会', kind: 'grassroots' });
    const wang = await admin.member.create({ name: '王伟', idNumber: nextIdNumber(), orgUnitId: unit.id, honours: [{ kind: 'model_worker', source: '2021年杭州市劳动模范', validFrom: '2021-04-28' }] });
    const li = await admin.member.create({ name: '李娜', idNumber: nextIdNumber(), orgUnitId: unit.id });
    const wangUser = await makeUser(h);
    const liUser = await makeUser(h);
    await addMembership(h, fed, wangUser, ['member'], wang.id);
    await addMembership(h, fed, liUser, ['member'], li.id);

    const mine = await (await callerFor(h, wangUser, fed)).home.mine();
    const honours = mine.sections.find((s) => s.key === 'honours')!;
    expect(honours.rows.map((r) => [r.title, r.params.honour])).toEqual([['2021年杭州市劳动模范', 'model_worker']]);

    const theirs = await (await callerFor(h, liUser, fed)).home.mine();
    expect(theirs.sections.find((s) => s.key === 'honours')).toBeUndefined();
    expect(JSON.stringify(theirs)).not.toContain('劳动模范');
    expect(JSON.stringify(theirs)).not.toContain(wang.id);

    await expectCode(admin.home.mine(), 'FORBIDDEN');
  });
});
