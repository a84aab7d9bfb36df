import ExcelJS from 'exceljs';
import { orgUnits, withTenant } from '@uc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeStaff, type Harness } from '../../test/harness.ts';
import { makeMembers, makeOpenSession, makeProgrammeWorld, registerFor, requestFor, TODAY, type ProgrammeWorld, type TestMember } from './programme.testkit.ts';
import type { Caller } from '../../test/caller.ts';

// An officer of Ningbo limited to 海曙区 (docs/decisions/0052-org-unit-scope.md): they nominate,
// list, decide and cancel only for members of 海曙区 and the units below it; the federation-wide
// officer is unaffected. Each test has a session of its own.

describe('programmes under an officer limited to an org unit', () => {
  let h: Harness;
  let w: ProgrammeWorld;
  let scoped: Caller;
  let inside: TestMember[], below: TestMember[], outside: TestMember[];
  let next = 0;
  const take = (list: TestMember[]) => list[next++ % list.length]!;

  const unit = (name: string, parentId: string) =>
    withTenant(h.t.db, w.nb.id, async (tx) => (await tx.insert(orgUnits).values({ tenantId: w.nb.id, name, kind: 'district', parentId }).returning())[0]!.id);

  beforeAll(async () => {
    h = await createHarness();
    w = await makeProgrammeWorld(h);
    const district = await unit('海曙区总工会', w.nb.rootUnitId);
    const street = await unit('南门街道总工会', district);
    const other = await unit('江北区总工会', w.nb.rootUnitId);
    inside = await makeMembers(h, w.nb, 6, { orgUnitId: district });
    below = await makeMembers(h, w.nb, 6, { orgUnitId: street });
    outside = await makeMembers(h, w.nb, 6, { orgUnitId: other });
    const officer = await makeStaff(h, w.nb, ['officer']);
    const membership = (await w.nbStaff.staff.list()).find((s) => s.email === officer.email)!;
    await w.nbStaff.staff.updateRoles({ membershipId: membership.membershipId, roles: ['officer'], orgUnitId: district });
    scoped = await callerFor(h, officer, w.nb);
  }, 120_000);
  afterAll(() => h.close());

  it('nominates only members in the subtree (one outside refuses the lot) and lists only their registrations', async () => {
    h.setNow(TODAY);
    const { sessionId } = await makeOpenSession(w, { capacity: 20 });
    const [a, b, c] = [take(inside), take(below), take(outside)];
    await expectCode(scoped.programme.registration.nominate({ sessionId, memberIds: [a.id, c.id], consentAttested: true }), 'OUT_OF_SCOPE');
    expect(await scoped.programme.session.registrations({ sessionId })).toEqual([]);
    expect(await scoped.programme.registration.nominate({ sessionId, memberIds: [a.id, b.id], consentAttested: true })).toMatchObject({ registered: 2 });
    const theirs = await registerFor(c, sessionId);
    const seen = await scoped.programme.session.registrations({ sessionId });
    expect(seen.map((r) => r.memberId).sort()).toEqual([a.id, b.id].sort());
    expect((await w.nbStaff.programme.session.registrations({ sessionId })).length).toBe(3);
    // the host's staff (not scoped) see all three
    expect((await w.hzStaff.programme.session.registrations({ sessionId })).length).toBe(3);
    await expectCode(scoped.programme.registration.cancel({ id: theirs.ticket.id, reason: '单位另有安排' }), 'OUT_OF_SCOPE');
  });

  it('refuses in a nomination list the rows of members outside the subtree', async () => {
    h.setNow(TODAY);
    const { sessionId } = await makeOpenSession(w, { capacity: 20 });
    const [a, c] = [take(inside), take(outside)];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('推荐名单');
    ws.addRow(['姓名', '身份证号', '手机号', '本人同意']);
    const nameOf = async (m: TestMember) => (await h.t.query<{ name: string }>(`select name from member where id = $1`, [m.id]))[0]!.name;
    ws.addRow([await nameOf(a), a.idNumber, '', '是']);
    ws.addRow([await nameOf(c), c.idNumber, '', '是']);
    const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const r = await scoped.programme.registration.nominateXlsx({ sessionId, fileBase64: file });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([expect.objectContaining({ row: 3, code: 'member_out_of_scope' })]);
    expect(await w.nbStaff.programme.registration.nominateXlsx({ sessionId, fileBase64: file })).toMatchObject({ ok: true, imported: 2 });
  });

  it('lists and decides only the requests of members in the subtree; outside is OUT_OF_SCOPE', async () => {
    h.setNow(TODAY);
    const { sessionId, eventId } = await makeOpenSession(w, { capacity: 20, homeApproval: true });
    const [a, b, c] = [take(inside), take(below), take(outside)];
    const [ra, rb, rc] = [await requestFor(a, sessionId), await requestFor(b, sessionId), await requestFor(c, sessionId)];
    expect((await scoped.programme.request.list({ eventId })).map((r) => r.id).sort()).toEqual([ra.id, rb.id].sort());
    expect((await w.nbStaff.programme.request.list({ eventId })).length).toBe(3);
    await expectCode(scoped.programme.request.decide({ id: rc.id, decision: 'approve' }), 'OUT_OF_SCOPE');
    await expectCode(scoped.programme.request.withdraw({ id: rc.id }), 'OUT_OF_SCOPE');
    expect((await scoped.programme.request.decide({ id: rb.id, decision: 'approve' })).status).toBe('approved');
    expect((await w.nbStaff.programme.request.decide({ id: rc.id, decision: 'refuse', reason: '名额已满' })).status).toBe('refused');
  });
});
