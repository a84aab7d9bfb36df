import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, type Harness, type TestFederation, type TestUser } from '../../test/harness.ts';

// People by 姓名 + 职务 + 单位 (issue 16): collected at the invitation, editable on the staff page,
// and what the audit log names the actor by (never the login email).
describe('staff as people', () => {
  let h: Harness;
  let A: TestFederation;
  let B: TestFederation;
  let adminA: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    A = await makeFederation(h, 'people');
    B = await makeFederation(h, 'other');
    adminA = await makeStaff(h, A, ['admin']);
  });
  afterAll(() => h?.close());

  const membershipOf = async (fed: TestFederation, user: TestUser) =>
    (await h.t.query<{ id: string }>(`select id from membership where tenant_id = $1 and user_id = $2`, [fed.id, user.id]))[0]!.id;

  it('takes the title from the invitation into the new account', async () => {
    const email = `titled-${Date.now()}@example.test`;
    const admin = await callerFor(h, adminA, A);
    const { link, invitation } = await admin.staff.invite({ email, displayName: '王小明', title: '  办公室主任 ', roles: ['officer'] });
    expect(invitation.title).toBe('办公室主任');
    await (await callerFor(h, null, null, { ip: `10.9.${Date.now() % 250}.7` })).auth.acceptInvitation({ token: link.split('/invite/')[1]!, password: 'a-good-password-1' });
    expect((await admin.staff.list()).find((s) => s.email === email)).toMatchObject({ displayName: '王小明', title: '办公室主任' });
  });

  it('lets an admin set name and title; the audit log then names the person by them, never by email', async () => {
    const officer = await makeStaff(h, A, ['officer']);
    const admin = await callerFor(h, adminA, A);
    await admin.staff.updatePerson({ membershipId: await membershipOf(A, officer), displayName: '李华', title: '副主席' });
    expect((await admin.staff.list()).find((s) => s.userId === officer.id)).toMatchObject({ displayName: '李华', title: '副主席' });
    const adminId = await membershipOf(A, adminA);
    await admin.staff.updatePerson({ membershipId: adminId, displayName: '张伟', title: '常务副主席' });
    const [event] = (await admin.audit.list({ type: 'staff.person_updated', limit: 5 })).items;
    expect(event!.actor).toEqual({ kind: 'person', name: '张伟', title: '常务副主席', unit: A.nameZh });
    expect(event!.data).toMatchObject({ name: '张伟', title: '常务副主席', to: '张伟（常务副主席）' });
    expect(JSON.stringify(event!.actor)).not.toContain('@');
  });

  it('refuses a non-admin (FORBIDDEN), a staff member of another federation (NOT_FOUND) and an empty name (BAD_REQUEST)', async () => {
    const officer = await makeStaff(h, A, ['officer']);
    const other = await makeStaff(h, B, ['officer']);
    const id = await membershipOf(A, officer);
    await expectCode((await callerFor(h, officer, A)).staff.updatePerson({ membershipId: id, displayName: '某某', title: '' }), 'FORBIDDEN');
    const admin = await callerFor(h, adminA, A);
    await expectCode(admin.staff.updatePerson({ membershipId: await membershipOf(B, other), displayName: '某某', title: '' }), 'NOT_FOUND');
    await expectCode(admin.staff.updatePerson({ membershipId: id, displayName: '  ', title: '' }), 'BAD_REQUEST');
  });

});
