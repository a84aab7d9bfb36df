import ExcelJS from 'exceljs';
import { members, orgUnits, withTenant } from '@uc/db';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeStaff, type Harness } from '../../test/harness.ts';
import { idNumberFor } from '../member/member.testkit.ts';
import { sealIdNumber } from '../member/index.ts';
import { applyFor, enter, makeContest, makeContestWorld, makeEvent, memberCaller, TODAY, type Caller, type ContestWorld } from './contest.testkit.ts';

// An officer of Ningbo limited to 海曙区 (docs/decisions/0052-org-unit-scope.md): of the city's
// applications and entrants they see and act on only those of members in 海曙区 and the units below
// it; the federation-wide officer is unaffected.

let idCounter = 95_000;

describe('a contest under an officer limited to an org unit', () => {
  let h: Harness;
  let w: ContestWorld;
  let contestId: string;
  let eventId: string;
  let scoped: Caller;
  let district: string, street: string, other: string;
  let n = 0;
  // people in the district, a street below it, and another district
  let inside: { id: string; name: string; idNumber: string }, below: typeof inside, outside: typeof inside;

  const unit = (name: string, parentId: string) =>
    withTenant(h.t.db, w.nb.id, async (tx) => (await tx.insert(orgUnits).values({ tenantId: w.nb.id, name, kind: 'district', parentId }).returning())[0]!.id);
  async function person(orgUnitId: string) {
    const p = { id: randomUUID(), name: `范围选手${idCounter}`, idNumber: idNumberFor(idCounter++, '330203') };
    await withTenant(h.t.db, w.nb.id, (tx) =>
      tx.insert(members).values({ tenantId: w.nb.id, id: p.id, orgUnitId, name: p.name, gender: 'male', mobile: '13800000000', birthDate: '1990-06-01', ...sealIdNumber(h.env.memberIdKey, p.idNumber) }),
    );
    return p;
  }
  async function xlsx(rows: (string | number)[][]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('报名');
    ws.addRow(['姓名', '身份证号', '从业年限', '证书', '本人同意']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }

  beforeAll(async () => {
    h = await createHarness();
    w = await makeContestWorld(h);
    contestId = (await makeContest(w)).id;
    district = await unit('海曙区总工会', w.nb.rootUnitId);
    street = await unit('南门街道总工会', district);
    other = await unit('江北区总工会', w.nb.rootUnitId);
    const officer = await makeStaff(h, w.nb, ['officer']);
    const membership = (await w.nbStaff.staff.list()).find((s) => s.email === officer.email)!;
    await w.nbStaff.staff.updateRoles({ membershipId: membership.membershipId, roles: ['officer'], orgUnitId: district });
    scoped = await callerFor(h, officer, w.nb);
  }, 120_000);
  afterAll(() => h.close());

  beforeEach(async () => {
    h.setNow(TODAY);
    eventId = (await makeEvent(w, contestId, { quotaPerCity: 5, trade: `范围工种${n++}` })).id;
    inside = await person(district);
    below = await person(street);
    outside = await person(other);
  }, 60_000);

  it('lists and decides only the applications of members in the subtree; outside is OUT_OF_SCOPE', async () => {
    const apps = new Map<string, string>();
    for (const p of [inside, below, outside]) apps.set(p.id, (await applyFor(await memberCaller(h, w.nb, p.id), eventId)).id);
    const listed = (await scoped.contest.application.list({ eventId })).map((a) => a.id).sort();
    expect(listed).toEqual([apps.get(inside.id)!, apps.get(below.id)!].sort());
    // the federation-wide officer sees all three, as before
    expect((await w.nbStaff.contest.application.list({ eventId })).length).toBe(3);
    await expectCode(scoped.contest.application.decide({ id: apps.get(outside.id)!, decision: 'approve' }), 'OUT_OF_SCOPE');
    await expectCode(scoped.contest.application.withdraw({ id: apps.get(outside.id)! }), 'OUT_OF_SCOPE');
    expect((await scoped.contest.application.decide({ id: apps.get(below.id)!, decision: 'approve' })).status).toBe('approved');
    expect((await w.nbStaff.contest.application.decide({ id: apps.get(outside.id)!, decision: 'refuse', reason: '名额已满' })).status).toBe('refused');
  });

  it('enters only members in the subtree, lists only their entrants, and withdraws only theirs', async () => {
    await expectCode(enter(scoped, eventId, outside.id), 'OUT_OF_SCOPE');
    const mine = await enter(scoped, eventId, below.id);
    expect(mine.registration.memberName).toBe(below.name);
    const theirs = await enter(w.nbStaff, eventId, outside.id);
    expect((await scoped.contest.registration.list({ eventId })).map((r) => r.memberName)).toEqual([below.name]);
    expect((await w.nbStaff.contest.registration.list({ eventId })).map((r) => r.memberName).sort()).toEqual([below.name, outside.name].sort());
    await expectCode(scoped.contest.registration.withdraw({ id: theirs.registration.id }), 'OUT_OF_SCOPE');
  });

  it('refuses in an Excel entry list the rows of members outside the subtree, and enters nothing', async () => {
    const file = await xlsx([inside, outside].map((p) => [p.name, p.idNumber, 5, '', '是']));
    const r = await scoped.contest.registration.import({ eventId, fileBase64: file });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([expect.objectContaining({ row: 3, code: 'member_out_of_scope', message: '该会员不在您负责的组织范围内' })]);
    expect(await scoped.contest.registration.list({ eventId })).toEqual([]);
    const ok = await w.nbStaff.contest.registration.import({ eventId, fileBase64: file });
    expect(ok).toMatchObject({ ok: true, imported: 2 });
  });
});
