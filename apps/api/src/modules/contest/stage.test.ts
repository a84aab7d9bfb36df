import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, makeStaff, signInCookie, startServer, type Harness } from '../../test/harness.ts';
import { AFTER_CLOSE, enter, importTheoryAll, makeContest, makeContestants, makeContestWorld, makeEvent, markAll, TODAY, type ContestWorld } from './contest.testkit.ts';

// Stages 初赛 → 决赛 (decision 0033): the top N of a preliminary's published results — derived
// from the marks after the appeal window, an upheld appeal's re-mark included — advance into a
// final that runs through the same draw, panel, marking, lock, results and certificates.

describe('a preliminary advances its top N into a final', () => {
  let h: Harness;
  let w: ContestWorld;

  beforeAll(async () => {
    h = await createHarness();
    h.setNow(TODAY);
    w = await makeContestWorld(h);
  }, 120_000);
  afterAll(() => h.close());

  const seat = async (eventId: string) => {
    for (const [i, [fed, j]] of ([[w.hz, w.judges.hz[0]!], [w.nb, w.judges.nb[0]!], [w.sx, w.judges.sx[0]!]] as const).entries()) {
      await w.hzStaff.contest.event.assignJudge({ eventId, federationSlug: fed.slug, userId: j.user.id, chief: i === 0 });
    }
  };
  const judges = () => [w.judges.hz[0]!, w.judges.nb[0]!, w.judges.sx[0]!];

  it('runs the final on the same code paths, from the marks, after the appeal window', async () => {
    h.setNow(TODAY);
    const contestId = (await makeContest(w)).id;
    const eventId = (await makeEvent(w, contestId, { quotaPerCity: 3, advance: 2 })).id;
    const plain = (await makeEvent(w, contestId, { quotaPerCity: 3, trade: '焊工' })).id;
    for (const m of await makeContestants(h, w.hz, 3)) await enter(w.hzStaff, eventId, m);
    for (const m of await makeContestants(h, w.nb, 3)) await enter(w.nbStaff, eventId, m);
    h.setNow(AFTER_CLOSE);
    await w.hzStaff.contest.event.draw({ eventId });
    await seat(eventId);
    // number n scores 50 + n points of each hundred: the highest numbers lead
    await markAll(judges(), eventId, (_i, n, _a, max) => Math.round((max * (50 + n)) / 100));
    await importTheoryAll(w.hzStaff, eventId, (n) => 50 + n);
    await w.hzStaff.contest.event.lock({ eventId });
    const finalDate = '2027-04-20';
    await expectCode(w.hzStaff.contest.event.advance({ eventId, eventDate: finalDate }), 'CONTEST_STATE');
    const published = await w.hzStaff.contest.event.publish({ eventId });
    expect(published.rows.filter((r) => r.advanced).map((r) => r.rank)).toEqual([1, 2]);
    // not while the appeal window is open
    await expectCode(w.hzStaff.contest.event.advance({ eventId, eventDate: finalDate }), 'CONTEST_STATE');

    // Ningbo's last contestant appeals; while undecided nobody advances; upheld, they lead
    const nbLast = [...(await w.nbStaff.contest.event.results({ eventId })).rows].reverse().find((r) => r.federation.slug === w.nb.slug)!;
    const filed = await w.nbStaff.contest.appeal.file({ eventId, number: nbLast.number, reason: '实操测量项计分有误' });
    h.advance(2 * 3_600_000 + 60_000);
    await expectCode(w.hzStaff.contest.event.advance({ eventId, eventDate: finalDate }), 'CONTEST_STATE');
    const remarks = [w.judges.hz[0]!, w.judges.sx[0]!].flatMap((j) => ['measure', 'judgement'].map((aspect) => ({ judgeUserId: j.user.id, aspect, mark: { measure: 6000, judgement: 4000 }[aspect]! })));
    const decided = await w.hzStaff.contest.appeal.decide({ appealId: filed.appeals[0]!.id, decision: 'upheld', reason: '复核属实，更正', remarks });
    const top2 = decided.rows.filter((r) => r.advanced);
    expect(top2.map((r) => r.rank)).toEqual([1, 2]);
    expect(top2[0]!.number).toBe(nbLast.number);

    // only the organiser advances; the final's date is not before the preliminary's
    await expectCode(w.nbStaff.contest.event.advance({ eventId, eventDate: finalDate }), 'FORBIDDEN');
    await expectCode(w.hzStaff.contest.event.advance({ eventId, eventDate: '2027-01-01' }), 'BAD_INPUT');
    const final = await w.hzStaff.contest.event.advance({ eventId, eventDate: finalDate, venue: '宁波技师学院' });
    expect(final).toMatchObject({ round: 'final', preliminaryId: eventId, finalId: null, stage: 'closed', advance: 0, eventDate: finalDate, venue: '宁波技师学院' });
    // a repeat answers the final already made; the preliminary names it
    expect((await w.hzStaff.contest.event.advance({ eventId, eventDate: finalDate })).id).toBe(final.id);
    const detail = await w.nbStaff.contest.get({ id: contestId });
    expect(detail.events.find((e) => e.id === eventId)).toMatchObject({ round: 'preliminary', finalId: final.id });
    const perCity = Object.fromEntries(detail.events.find((e) => e.id === final.id)!.cities.map((c) => [c.slug, c.registered]));
    const expected: Record<string, number> = { [w.hz.slug]: 0, [w.nb.slug]: 0 };
    for (const r of top2) expected[r.federation.slug]! += 1;
    expect(perCity).toEqual(expected);
    // the finalists are the top two by name, each entered by their home federation
    const finalists = await w.hzStaff.contest.registration.list({ eventId: final.id });
    expect(finalists.map((r) => r.memberName).sort()).toEqual(top2.map((r) => r.name).sort());
    expect((await w.nbStaff.contest.registration.list({ eventId: final.id })).every((r) => r.federation.slug === w.nb.slug)).toBe(true);
    // nothing more advances from a final or from an event without a next stage
    await expectCode(w.hzStaff.contest.event.advance({ eventId: final.id, eventDate: finalDate }), 'CONTEST_STATE');
    await expectCode(w.hzStaff.contest.event.advance({ eventId: plain, eventDate: finalDate }), 'CONTEST_STATE');

    // the final: its own draw, panel, marks, lock, results and certificates — the same procedures
    const drawn = await w.hzStaff.contest.event.draw({ eventId: final.id });
    expect(drawn.numbers.map((n) => n.number).sort()).toEqual([1, 2]);
    await seat(final.id);
    await markAll(judges(), final.id, (_i, n, _a, max) => Math.round((max * (70 + n)) / 100));
    await importTheoryAll(w.hzStaff, final.id, (n) => 70 + n);
    await w.hzStaff.contest.event.lock({ eventId: final.id });
    const finalResults = await w.hzStaff.contest.event.publish({ eventId: final.id });
    expect(finalResults.rows.map((r) => [r.rank, r.advanced])).toEqual([
      [1, false],
      [2, false],
    ]);
    h.advance(2 * 3_600_000 + 60_000);
    const certs = await w.hzStaff.contest.event.finalise({ eventId: final.id });
    expect(certs.map((c) => c.award)).toEqual(['一等奖', '二等奖']);
    // the preliminary's marks are untouched by the final's
    expect((await w.hzStaff.contest.event.results({ eventId })).rows.map((r) => r.total)).toEqual(decided.rows.map((r) => r.total));
    const audit = await h.t.query<{ tenant_id: string }>(`select tenant_id from audit_event where type = 'contest.advanced' and entity_id = $1`, [final.id]);
    expect(audit.map((a) => a.tenant_id).sort()).toEqual([w.hz.id, w.nb.id, w.sx.id].sort());

    // the files: roster, score sheet (the organiser's) and results notice, as each side may see them
    const sheetOf = async (f: { base64: string; filename: string; contentType: string }) => {
      expect(f.contentType).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ExcelJS.Buffer);
      const rows: string[][] = [];
      // Array.from: an empty cell is a hole in the row's values (the streaming writer leaves it out), read as ''
      wb.worksheets[0]!.eachRow((r) => rows.push(Array.from(r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return rows;
    };
    const roster = await sheetOf(await w.hzStaff.contest.event.rosterXlsx({ eventId }));
    expect(roster[2]).toEqual(['参赛号', '姓名', '所属工会', '从业年限', '证书', '同意提供信息时间']);
    expect(roster.slice(3)).toHaveLength(6);
    expect((await sheetOf(await w.nbStaff.contest.event.rosterXlsx({ eventId }))).slice(3)).toHaveLength(3);
    const res = await sheetOf(await w.nbStaff.contest.event.resultsXlsx({ eventId }));
    expect(res.slice(3).map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(res.slice(3).filter((r) => r[8] === '是')).toHaveLength(2);
    const scores = await sheetOf(await w.hzStaff.contest.event.scoresXlsx({ eventId }));
    // 3 judges × 2 practical aspects × 6 entrants, less each compatriot pair (2 judges × 2 aspects × 3
    // entrants), and the imported theory mark of each of the 6 entrants
    expect(scores.slice(3)).toHaveLength(30);
    const ofLast = scores.slice(3).filter((r) => r[0] === String(nbLast.number));
    expect(ofLast.filter((r) => r[2] === judges()[0]!.user.email.split('@')[0]).map((r) => r[5])).toEqual(['60', '40']);
    expect(ofLast.filter((r) => r[2] === '理论考试（导入）').map((r) => r[5])).toEqual([String(50 + nbLast.number)]);
    await expectCode(w.nbStaff.contest.event.scoresXlsx({ eventId }), 'FORBIDDEN');
    // the same sheets as PDFs for printing and posting: the same rows, drawn from the same data
    const pdfText = (f: { base64: string; contentType: string; filename: string }) => {
      expect(f.contentType).toBe('application/pdf');
      const file = join(mkdtempSync(join(tmpdir(), 'uc-contest-')), 'f.pdf');
      writeFileSync(file, Buffer.from(f.base64, 'base64'));
      return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    };
    const resPdf = await w.nbStaff.contest.event.resultsPdf({ eventId });
    expect(resPdf.filename).toBe('电工-成绩公示表.pdf');
    const resText = pdfText(resPdf);
    expect(resText).toContain('电工·成绩公示表');
    for (const r of res.slice(3)) expect(resText).toContain(r[2]!);
    expect(resText).toContain('同分依次比较实操成绩');
    expect(pdfText(await w.hzStaff.contest.event.scoresPdf({ eventId }))).toContain('理论考试（导入）');
    await expectCode(w.nbStaff.contest.event.scoresPdf({ eventId }), 'FORBIDDEN');
    // each export is on the exporting federation's audit chain
    const exported = await h.t.query<{ data: { kind: string; format: string } }>(`select data from audit_event where type = 'contest.file_exported' and entity_id = $1 and tenant_id = $2`, [eventId, w.nb.id]);
    expect(exported.map((e) => `${e.data.kind}.${e.data.format}`).sort()).toEqual(['results.pdf', 'results.xlsx', 'roster.xlsx']);
    await expectCode(w.sxStaff.contest.event.resultsXlsx({ eventId: plain }), 'CONTEST_STATE');

    // as plain GETs through the downloads registry, with the session cookie
    const server = await startServer(h);
    try {
      const nbUser = await makeStaff(h, w.nb, ['officer']);
      const cookie = await signInCookie(server.url, nbUser);
      const get = (kind: string) => fetch(`${server.url}/api/t/${w.nb.slug}/contests/events/${eventId}/${kind}.xlsx`, { headers: { Cookie: cookie } });
      const ok = await get('results');
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-disposition')).toContain(encodeURIComponent('电工-成绩公示表.xlsx'));
      expect((await get('scores')).status).toBe(403);
      const pdf = await fetch(`${server.url}/api/t/${w.nb.slug}/contests/events/${eventId}/results.pdf`, { headers: { Cookie: cookie } });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect((await fetch(`${server.url}/api/t/${w.nb.slug}/contests/events/${eventId}/roster.xlsx`)).status).toBe(401);
    } finally {
      await server.close();
    }
  }, 180_000);
});
