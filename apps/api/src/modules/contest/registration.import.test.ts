import ExcelJS from 'exceljs';
import { members } from '@uc/db';
import { withTenant } from '@uc/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { idNumberFor } from '../member/member.testkit.ts';
import { sealIdNumber } from '../member/index.ts';
import { AFTER_CLOSE, enter, makeContest, makeContestWorld, makeEvent, TODAY, type ContestWorld } from './contest.testkit.ts';

// Bulk entry from an Excel list (issue 9): every row checked first — the member by ID number, the
// name, eligibility, duplicates, entries already made, the city's places left — and nothing is
// entered unless every row is good; a dry run previews; the places come from the same claim.

let idCounter = 90_000;

async function xlsx(rows: (string | number)[][], header = ['姓名', '身份证号', '从业年限', '证书', '本人同意']): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('报名');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('bulk entry of own members from an Excel list', () => {
  let h: Harness;
  let w: ContestWorld;
  let contestId: string;
  let eventId: string;
  let people: { id: string; name: string; idNumber: string }[];
  let n = 0;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeContestWorld(h);
    contestId = (await makeContest(w)).id;
  }, 120_000);
  afterAll(() => h.close());

  beforeEach(async () => {
    h.setNow(TODAY);
    eventId = (await makeEvent(w, contestId, { quotaPerCity: 3, trade: `工种${n++}` })).id;
    people = Array.from({ length: 5 }, (_, i) => ({ id: crypto.randomUUID(), name: `导入选手${n}${i}`, idNumber: idNumberFor(idCounter++, '330203') }));
    await withTenant(h.t.db, w.nb.id, (tx) =>
      tx.insert(members).values(people.map((p, i) => ({ tenantId: w.nb.id, id: p.id, orgUnitId: w.nb.rootUnitId, name: p.name, gender: 'male', mobile: '13800000000', birthDate: i === 4 ? '2010-01-01' : '1990-06-01', ...sealIdNumber(h.env.memberIdKey, p.idNumber) }))),
    );
  }, 60_000);

  const row = (i: number, over: Partial<{ name: string; id: string; years: number | string; certs: string; consent: string }> = {}) => [over.name ?? people[i]!.name, over.id ?? people[i]!.idNumber, over.years ?? 5, over.certs ?? '', over.consent ?? '是'];
  const entries = async () => (await w.nbStaff.contest.registration.list({ eventId })).map((r) => r.memberName).sort();

  it('previews a good file, then enters every row through the claim', async () => {
    const file = await xlsx([row(0, { certs: '电工证、高压证' }), row(1), row(2)]);
    const dry = await w.nbStaff.contest.registration.import({ eventId, fileBase64: file, dryRun: true });
    expect(dry).toMatchObject({ ok: true, imported: 3, totalRows: 3, dryRun: true, errors: [] });
    expect(dry.preview.map((p) => p.name)).toEqual([people[0]!.name, people[1]!.name, people[2]!.name]);
    expect(dry.preview[0]!.detail).toContain('电工证、高压证');
    expect(await entries()).toEqual([]);
    const done = await w.nbStaff.contest.registration.import({ eventId, fileBase64: file });
    expect(done).toMatchObject({ ok: true, imported: 3 });
    expect(await entries()).toEqual([people[0]!.name, people[1]!.name, people[2]!.name].sort());
    const share = await h.t.query<{ taken: number }>(`select taken from place_share where pool_id = $1 and party_tenant_id = $2`, [eventId, w.nb.id]);
    expect(share[0]!.taken).toBe(3);
  });

  it('reports each bad row by row and column and enters nothing', async () => {
    await enter(w.nbStaff, eventId, people[3]!.id);
    const file = await xlsx([
      row(0, { name: '张冠李戴' }),
      row(1, { years: 'x' }),
      row(2, { consent: '' }),
      row(3),
      row(4),
      row(0, { id: '110105194912310021' }),
      ['', '', '', '', ''],
      row(1, { id: '11010519491231002X' }),
    ]);
    const r = await w.nbStaff.contest.registration.import({ eventId, fileBase64: file });
    expect(r.ok).toBe(false);
    expect(r.imported).toBe(0);
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '姓名', 'contest_name_mismatch'],
      [3, '从业年限', 'contest_years_invalid'],
      [4, '本人同意', 'contest_consent_missing'],
      [5, '身份证号', 'contest_already_entered'],
      [6, '身份证号', 'contest_too_young'],
      [7, '身份证号', 'id_number_invalid'],
      [9, '身份证号', 'contest_member_unknown'],
    ]);
    expect(r.errors[0]!.message).toBe('姓名与该身份证号的会员档案不符');
    expect(await entries()).toEqual([people[3]!.name]);
  });

  it('refuses rows beyond the city’s places left, duplicates, a sheet without its columns, a file that is not Excel, and a closed window', async () => {
    await enter(w.nbStaff, eventId, people[3]!.id);
    const over = await w.nbStaff.contest.registration.import({ eventId, fileBase64: await xlsx([row(0), row(1), row(2)]) });
    expect(over.errors.map((e) => [e.row, e.code])).toEqual([[4, 'contest_quota_full']]);
    const twice = await w.nbStaff.contest.registration.import({ eventId, fileBase64: await xlsx([row(0), row(0)]) });
    expect(twice.errors.map((e) => [e.row, e.code])).toEqual([[3, 'duplicate_in_file']]);
    expect(await entries()).toEqual([people[3]!.name]);
    await expectCode(w.nbStaff.contest.registration.import({ eventId, fileBase64: await xlsx([row(0)], ['姓名', '从业年限']) }), 'BAD_INPUT');
    await expectCode(w.nbStaff.contest.registration.import({ eventId, fileBase64: Buffer.from('not a zip at all').toString('base64') }), 'BAD_INPUT');
    // the organiser's staff cannot enter Ningbo's members; the judging partner enters no one
    await expectCode(w.hzStaff.contest.registration.import({ eventId, fileBase64: await xlsx([row(0)]) }).then((r) => { if (!r.ok) throw Object.assign(new Error('refused'), { code: r.errors[0]!.code }); }), 'contest_member_unknown');
    await expectCode(w.sxStaff.contest.registration.import({ eventId, fileBase64: await xlsx([row(0)]) }), 'FORBIDDEN');
    h.setNow(AFTER_CLOSE);
    await expectCode(w.nbStaff.contest.registration.import({ eventId, fileBase64: await xlsx([row(0)]) }), 'CONTEST_CLOSED');
    const ids = await withTenant(h.t.db, w.nb.id, (tx) => tx.select({ id: members.id }).from(members).where(eq(members.id, people[0]!.id)));
    expect(ids).toHaveLength(1);
  });
});
