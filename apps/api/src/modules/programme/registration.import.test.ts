import ExcelJS from 'exceljs';
import { members, withTenant } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectCode, makeStaff, signInCookie, startServer, type Harness, type TestUser } from '../../test/harness.ts';
import { idNumberFor } from '../member/member.testkit.ts';
import { makeMembers, makeOpenSession, makeProgrammeWorld, registerFor, TODAY, type ProgrammeWorld, type TestMember } from './programme.testkit.ts';

// Nomination from an Excel list (issue 10): Ningbo's staff name their own members for a Hangzhou
// session by ID number or mobile, with each member's consent; every row is checked first — the
// member, the name, duplicates, registrations already made, Ningbo's seats left — and nobody is
// nominated unless every row is good; then each row goes through the one-by-one nomination.

async function xlsx(rows: string[][], header = ['姓名', '身份证号', '手机号', '本人同意']): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('推荐名单');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

let uniqueMobile = 13_900_000_000;

describe('nominating own members for a session from an Excel list', () => {
  let h: Harness;
  let w: ProgrammeWorld;
  let sessionId: string;
  let people: (TestMember & { name: string; mobile: string })[];

  beforeAll(async () => {
    h = await createHarness();
    w = await makeProgrammeWorld(h);
  }, 120_000);
  afterAll(() => h.close());

  beforeEach(async () => {
    h.setNow(TODAY);
    ({ sessionId } = await makeOpenSession(w, { capacity: 10, seatsPerCity: 3 }));
    const made = await makeMembers(h, w.nb, 5);
    people = await withTenant(h.t.db, w.nb.id, async (tx) =>
      Promise.all(
        made.map(async (m, i) => {
          const name = `推荐会员${uniqueMobile}${i}`;
          const mobile = String(uniqueMobile++);
          await tx.update(members).set({ name, mobile }).where(and(eq(members.tenantId, w.nb.id), eq(members.id, m.id)));
          return { ...m, name, mobile };
        }),
      ),
    );
  }, 60_000);

  const byId = (i: number, over: Partial<{ name: string; id: string; consent: string }> = {}) => [over.name ?? people[i]!.name, over.id ?? people[i]!.idNumber, '', over.consent ?? '是'];
  const byMobile = (i: number, over: Partial<{ name: string; mobile: string }> = {}) => [over.name ?? people[i]!.name, '', over.mobile ?? people[i]!.mobile, '是'];
  const registered = async () => (await w.nbStaff.programme.session.registrations({ sessionId })).filter((r) => r.status !== 'cancelled');
  const names = async () => (await registered()).map((r) => r.memberName).sort();

  it('previews a good file, then nominates every row through the one-by-one nomination, with its audit events', async () => {
    const file = await xlsx([byId(0), byMobile(1), byId(2)]);
    const dry = await w.nbStaff.programme.registration.nominateXlsx({ sessionId, fileBase64: file, dryRun: true });
    expect(dry).toMatchObject({ ok: true, imported: 3, totalRows: 3, dryRun: true, errors: [] });
    expect(dry.preview.map((p) => [p.row, p.name, p.detail])).toEqual([
      [2, people[0]!.name, '身份证号'],
      [3, people[1]!.name, '手机号'],
      [4, people[2]!.name, '身份证号'],
    ]);
    expect(await names()).toEqual([]);

    const done = await w.nbStaff.programme.registration.nominateXlsx({ sessionId, fileBase64: file });
    expect(done).toMatchObject({ ok: true, imported: 3, dryRun: false, errors: [] });
    const regs = await registered();
    expect(regs.map((r) => r.memberName).sort()).toEqual([people[0]!.name, people[1]!.name, people[2]!.name].sort());
    expect(regs.every((r) => r.status === 'registered')).toBe(true);
    const share = await h.t.query<{ taken: number }>(`select taken from place_share where pool_id = $1 and party_tenant_id = $2`, [sessionId, w.nb.id]);
    expect(share[0]!.taken).toBe(3);
    const audit = await h.t.query<{ data: { nominated: boolean; consent: boolean } }>(`select data from audit_event where type = 'programme.registered' and tenant_id = $1 and data->>'sessionId' = $2`, [w.nb.id, sessionId]);
    expect(audit.map((a) => [a.data.nominated, a.data.consent])).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
  });

  it('reports every bad row by row and column and nominates nobody', async () => {
    await registerFor(people[3]!, sessionId);
    const file = await xlsx([
      byId(0, { name: '张冠李戴' }),
      byId(1, { id: idNumberFor(999_001, '110105') }),
      byId(2, { consent: '' }),
      byId(3),
      byId(4),
      byId(4),
      byMobile(0, { mobile: '13711112222' }),
      ['', '', '', ''],
      byId(0, { id: '110105194912310021' }),
      [people[1]!.name, '', '', '是'],
    ]);
    const r = await w.nbStaff.programme.registration.nominateXlsx({ sessionId, fileBase64: file });
    expect(r.ok).toBe(false);
    expect(r.imported).toBe(0);
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '姓名', 'programme_name_mismatch'],
      [3, '身份证号', 'programme_member_unknown'],
      [4, '本人同意', 'programme_consent_missing'],
      [5, '身份证号', 'programme_already_registered'],
      [7, '身份证号', 'duplicate_in_file'],
      [8, '手机号', 'programme_mobile_unknown'],
      [10, '身份证号', 'id_number_invalid'],
      [11, '身份证号', 'programme_id_or_mobile_required'],
    ]);
    expect(r.errors[0]!.message).toBe('姓名与该会员档案不符');
    expect(r.preview).toEqual([]);
    expect(await names()).toEqual([people[3]!.name]);
  });

  it('refuses the whole file when it has more rows than the city’s seats left', async () => {
    await registerFor(people[4]!, sessionId);
    const r = await w.nbStaff.programme.registration.nominateXlsx({ sessionId, fileBase64: await xlsx([byId(0), byId(1), byId(2)]) });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([[4, '姓名', 'programme_seats_full']]);
    expect(await names()).toEqual([people[4]!.name]);
  });

  it('answers NOT_FOUND to a federation outside the agreement and finds no partner’s member for the host', async () => {
    const file = await xlsx([byId(0)]);
    await expectCode(w.sxStaff.programme.registration.nominateXlsx({ sessionId, fileBase64: file }), 'NOT_FOUND');
    await expectCode(w.sxStaff.programme.registration.nominateXlsx({ sessionId, fileBase64: file, dryRun: true }), 'NOT_FOUND');
    // Hangzhou's staff cannot nominate Ningbo's members: the ID number is not one of theirs
    const host = await w.hzStaff.programme.registration.nominateXlsx({ sessionId, fileBase64: file });
    expect(host.errors.map((e) => [e.row, e.code])).toEqual([[2, 'programme_member_unknown']]);
    expect(await names()).toEqual([]);
  });

  it('refuses a file that is not Excel and a sheet without its columns, clearly', async () => {
    await expectCode(w.nbStaff.programme.registration.nominateXlsx({ sessionId, fileBase64: Buffer.from('not a zip at all').toString('base64') }), 'BAD_INPUT');
    const zipBomb = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]).toString('base64');
    await expectCode(w.nbStaff.programme.registration.nominateXlsx({ sessionId, fileBase64: zipBomb }), 'BAD_INPUT');
    const noName = await xlsx([[people[0]!.idNumber]], ['身份证号']);
    await expectCode(w.nbStaff.programme.registration.nominateXlsx({ sessionId, fileBase64: noName }), 'BAD_INPUT');
    expect(await names()).toEqual([]);
  });

  it('when a member takes one of the last seats at the same time, the file is nominated whole or not at all', async () => {
    const file = await xlsx([byId(0), byId(1), byId(2)]);
    const [list, rush] = await Promise.allSettled([w.nbStaff.programme.registration.nominateXlsx({ sessionId, fileBase64: file }), registerFor(people[3]!, sessionId)]);
    expect(rush.status).toBe('fulfilled');
    const regs = await registered();
    const fromFile = regs.filter((r) => [0, 1, 2].some((i) => r.memberName === people[i]!.name));
    const seated = regs.filter((r) => r.status === 'registered').map((r) => r.memberName);
    if (list.status === 'fulfilled' && list.value.ok) {
      expect(fromFile.map((r) => r.status)).toEqual(['registered', 'registered', 'registered']);
      expect(seated).toHaveLength(3);
      expect(regs.find((r) => r.memberName === people[3]!.name)!.status).toBe('waitlisted');
    } else {
      // refused as a whole: by the check (seats full) or, a seat lost under it, by the claim (CONFLICT, rolled back)
      if (list.status === 'rejected') await expectCode(Promise.reject(list.reason as Error), 'CONFLICT');
      else expect(list.value.errors.map((e) => e.code)).toEqual(['programme_seats_full']);
      expect(fromFile).toEqual([]);
      expect(seated).toEqual([people[3]!.name]);
    }
  });

  it('offers the list to fill in with its columns, as a download for the staff who nominate', async () => {
    const server = await startServer(h);
    try {
      const get = async (user: TestUser) => fetch(`${server.url}/api/t/${w.nb.slug}/programmes/nomination-template.xlsx`, { headers: { Cookie: await signInCookie(server.url, user) } });
      const res = await get(await makeStaff(h, w.nb, ['officer']));
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
      expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, '姓名', '身份证号', '手机号', '本人同意']);
      expect((await get(await makeStaff(h, w.sx, ['officer']))).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
