import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, type Harness, type TestFederation, type TestUser } from '../../test/harness.ts';

// A staff invitation may carry an org unit (docs/decisions/0052-org-unit-scope.md): accepting it makes
// a membership limited to that unit; a unit of another federation is NOT_FOUND; the event says so.

let n = 0;
const freshEmail = () => `scoped-${Date.now().toString(36)}-${n++}@example.test`;
let ip = 0;

describe('a scoped staff invitation', () => {
  let h: Harness;
  let A: TestFederation, B: TestFederation;
  let adminA: TestUser, adminB: TestUser;
  let district: { id: string; name: string };
  let foreignUnit: string;

  beforeAll(async () => {
    h = await createHarness();
    A = await makeFederation(h, 'hz');
    B = await makeFederation(h, 'nb');
    adminA = await makeStaff(h, A, ['admin']);
    adminB = await makeStaff(h, B, ['admin']);
    district = await (await callerFor(h, adminA, A)).orgUnit.create({ parentId: A.rootUnitId, name: '西湖区总工会', kind: 'district' });
    foreignUnit = (await (await callerFor(h, adminB, B)).orgUnit.create({ parentId: B.rootUnitId, name: '海曙区总工会', kind: 'district' })).id;
  });
  afterAll(() => h?.close());

  const accept = async (link: string) =>
    (await callerFor(h, null, null, { ip: `198.51.100.${++ip}` })).auth.acceptInvitation({ token: link.split('/invite/')[1]!, displayName: '周敏', password: 'a-good-password-1' });

  it('makes a membership limited to the unit, shown on the staff list and in both events', async () => {
    const admin = await callerFor(h, adminA, A);
    const email = freshEmail();
    const { invitation, link } = await admin.staff.invite({ email, displayName: '周敏', roles: ['officer'], orgUnitId: district.id });
    expect(invitation.orgUnit).toEqual({ id: district.id, name: '西湖区总工会' });
    expect((await admin.staff.invitations()).find((i) => i.id === invitation.id)!.orgUnit).toEqual({ id: district.id, name: '西湖区总工会' });
    // the person invited reads the scope before accepting
    expect((await (await callerFor(h, null, null, { ip: `198.51.100.${++ip}` })).auth.previewInvitation({ token: link.split('/invite/')[1]! })).orgUnitName).toBe('西湖区总工会');
    await accept(link);
    const row = (await admin.staff.list()).find((s) => s.email === email)!;
    expect(row).toMatchObject({ roles: ['officer'], orgUnit: { id: district.id, name: '西湖区总工会' } });
    const events = await h.t.query<{ type: string; data: Record<string, unknown> }>(
      `select type, data from audit_event where tenant_id = $1 and type in ('staff.invited', 'staff.joined') and data->>'email' = $2 order by type`,
      [A.id, email],
    );
    expect(events).toEqual([
      { type: 'staff.invited', data: { email, roles: ['officer'], orgUnit: { id: district.id, name: '西湖区总工会' } } },
      { type: 'staff.joined', data: { email, roles: ['officer'], orgUnitId: district.id } },
    ]);
  });

  it('without a unit makes a federation-wide membership, as before', async () => {
    const admin = await callerFor(h, adminA, A);
    const email = freshEmail();
    const { invitation, link } = await admin.staff.invite({ email, displayName: '周敏', roles: ['officer'] });
    expect(invitation.orgUnit).toBeNull();
    await accept(link);
    expect((await admin.staff.list()).find((s) => s.email === email)!.orgUnit).toBeNull();
  });

  it("refuses a unit of another federation (NOT_FOUND) and writes no invitation", async () => {
    const admin = await callerFor(h, adminA, A);
    const email = freshEmail();
    await expectCode(admin.staff.invite({ email, displayName: '周敏', roles: ['officer'], orgUnitId: foreignUnit }), 'NOT_FOUND');
    expect((await admin.staff.invitations()).some((i) => i.email === email)).toBe(false);
  });

  it('refuses a scope for an admin or a caseworker, on an invitation and on a membership', async () => {
    const admin = await callerFor(h, adminA, A);
    for (const roles of [['admin'], ['officer', 'caseworker']] as const) {
      await expectCode(admin.staff.invite({ email: freshEmail(), displayName: '周敏', roles: [...roles], orgUnitId: district.id }), 'BAD_INPUT');
    }
    const officer = await makeStaff(h, A, ['officer']);
    const membershipId = (await admin.staff.list()).find((s) => s.email === officer.email)!.membershipId;
    await admin.staff.updateRoles({ membershipId, roles: ['officer'], orgUnitId: district.id });
    // the scope stays (orgUnitId absent) while a caseworker role is added: refused
    await expectCode(admin.staff.updateRoles({ membershipId, roles: ['officer', 'caseworker'] }), 'BAD_INPUT');
    await admin.staff.updateRoles({ membershipId, roles: ['officer', 'caseworker'], orgUnitId: null });
  });

  it('keeps a unit named by a pending invitation from being deleted', async () => {
    const admin = await callerFor(h, adminA, A);
    const unit = await admin.orgUnit.create({ parentId: A.rootUnitId, name: `临时${n++}`, kind: 'district' });
    await admin.staff.invite({ email: freshEmail(), displayName: '周敏', roles: ['officer'], orgUnitId: unit.id });
    await expectCode(admin.orgUnit.delete({ id: unit.id }), 'ORG_UNIT_NOT_EMPTY');
  });
});
