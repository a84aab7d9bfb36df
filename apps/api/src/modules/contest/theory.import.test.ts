import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { AFTER_CLOSE, enter, importTheoryAll, makeContest, makeContestants, makeContestWorld, makeEvent, markAll, templateNumbers, theorySheet, TODAY, type ContestWorld } from './contest.testkit.ts';

// Theory marks come from the exam system's Excel sheet (issue 9): checked row by row, all or
// nothing, recorded apart from the judges' marks, the latest import counting, none after the lock.

describe('importing the theory sheet', () => {
  let h: Harness;
  let w: ContestWorld;
  let contestId: string;
  // each test's own drawn event (tests run in any order): four contestants, a Shaoxing judge
  let eventId: string;
  let numbers: number[];
  let nameOf: Map<number, string>;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeContestWorld(h);
    contestId = (await makeContest(w)).id;
  }, 120_000);
  afterAll(() => h.close());

  beforeEach(async () => {
    h.setNow(TODAY);
    eventId = (await makeEvent(w, contestId, { quotaPerCity: 3 })).id;
    for (const m of await makeContestants(h, w.hz, 2)) await enter(w.hzStaff, eventId, m);
    for (const m of await makeContestants(h, w.nb, 2)) await enter(w.nbStaff, eventId, m);
    h.setNow(AFTER_CLOSE);
    await w.hzStaff.contest.event.draw({ eventId });
    await w.hzStaff.contest.event.assignJudge({ eventId, federationSlug: w.sx.slug, userId: w.judges.sx[0]!.user.id, chief: true });
    numbers = await templateNumbers(w.hzStaff, eventId);
    nameOf = new Map((await w.hzStaff.contest.registration.list({ eventId })).filter((r) => r.number).map((r) => [r.number!, r.memberName]));
  }, 60_000);

  const imports = () => h.t.query<{ n: number }>(`select count(*)::int as n from contest_theory_import where event_id = $1`, [eventId]).then((r) => r[0]!.n);

  it('is refused before the numbers are drawn', async () => {
    h.setNow(TODAY);
    const undrawn = (await makeEvent(w, contestId, { quotaPerCity: 3, trade: '焊工' })).id;
    await expectCode(w.hzStaff.contest.theory.import({ eventId: undrawn, fileBase64: await theorySheet([[1, 80]]), dryRun: true }), 'CONTEST_STATE');
  });

  it('lists every contestant on the template, in number order', () => {
    expect(numbers).toEqual([1, 2, 3, 4]);
  });

  it('reports every bad row by row and column and imports nothing', async () => {
    const [a, b, c] = numbers as [number, number, number, number];
    const file = await theorySheet(
      [
        [a, '86.5', nameOf.get(a)!],
        [a, '70', ''], // the same number twice
        [99, '70', ''], // no such contestant
        [b, '101', ''], // over full marks
        [c, '80.125', '张三'], // three decimals, and a name that is not the contestant's
      ],
      ['参赛号', '理论成绩', '姓名'],
    );
    const r = await w.hzStaff.contest.theory.import({ eventId, fileBase64: file, dryRun: false });
    expect(r.ok).toBe(false);
    expect(r.imported).toBe(0);
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [0, '参赛号', 'contest_theory_missing'],
      [3, '参赛号', 'duplicate_in_file'],
      [4, '参赛号', 'contest_theory_number_unknown'],
      [5, '理论知识', 'contest_theory_mark_invalid'],
      [6, '姓名', 'contest_theory_name_mismatch'],
      [6, '理论知识', 'contest_theory_mark_invalid'],
    ]);
    expect(r.errors[0]!.message).toContain(String(numbers[3]));
    expect(await imports()).toBe(0);
    // a sheet without the columns is refused whole, naming them
    await expectCode(w.hzStaff.contest.theory.import({ eventId, fileBase64: await theorySheet([[1]], ['序号']), dryRun: true }), 'BAD_INPUT');
  });

  it('previews a good sheet on a dry run, then records it apart from the judges’ marks', async () => {
    const rows = numbers.map((n, i) => [n, i === 3 ? '缺考' : 80 + i * 0.5]);
    const dry = await w.hzStaff.contest.theory.import({ eventId, fileBase64: await theorySheet(rows), dryRun: true });
    expect(dry).toMatchObject({ ok: true, imported: 4, dryRun: true, errors: [] });
    expect(dry.preview.map((p) => p.detail)).toEqual(['80', '80.5', '81', '缺考']);
    expect(await imports()).toBe(0);

    const done = await w.hzStaff.contest.theory.import({ eventId, fileBase64: await theorySheet(rows), fileName: '考试系统导出.xlsx', dryRun: false });
    expect(done).toMatchObject({ ok: true, imported: 4 });
    const marks = await h.t.query<{ mark: number | null }>(`select mark from contest_theory_mark where event_id = $1 order by mark nulls last`, [eventId]);
    expect(marks.map((m) => m.mark)).toEqual([8000, 8050, 8100, null]);
    expect(await h.t.query(`select 1 from contest_score where event_id = $1`, [eventId])).toEqual([]);
    // recorded with its file's hash, for every party to read, and in both parties' audit chains
    const [listed] = await w.nbStaff.contest.theory.imports({ eventId });
    expect(listed).toMatchObject({ fileName: '考试系统导出.xlsx', rows: 4 });
    expect(listed!.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const chains = await h.t.query<{ tenant_id: string }>(`select tenant_id from audit_event where type = 'contest.theory_imported' and entity_id = $1 order by tenant_id`, [eventId]);
    expect(chains.map((c) => c.tenant_id)).toEqual([w.hz.id, w.nb.id, w.sx.id].sort());
  });

  it('is the organiser’s alone', async () => {
    await expectCode(w.nbStaff.contest.theory.import({ eventId, fileBase64: await theorySheet([[1, 80]]), dryRun: true }), 'FORBIDDEN');
    await expectCode(w.nbStaff.contest.theory.template({ eventId }), 'FORBIDDEN');
  });

  it('never puts theory on a judge’s sheet; the latest import counts, in the results and the lock', async () => {
    const sheet = await w.judges.sx[0]!.caller.contest.score.sheet({ eventId });
    expect(sheet.aspects.map((a) => a.part)).toEqual(['practical', 'practical']);
    await markAll([w.judges.sx[0]!], eventId, (_i, _n, _a, max) => max / 2);
    await importTheoryAll(w.hzStaff, eventId, (n) => (n === numbers[3] ? '缺考' : 70));
    const before = await w.hzStaff.contest.event.results({ eventId });
    expect(before.rows.find((r) => r.number === numbers[3])!.theory).toBe(0);
    // a corrected sheet replaces the whole earlier one
    await importTheoryAll(w.hzStaff, eventId, (n) => (n === numbers[0] ? 100 : 60));
    const after = await w.hzStaff.contest.event.results({ eventId });
    expect(after.rows[0]).toMatchObject({ number: numbers[0], theory: 100, practical: 50, total: 65 });
    expect(after.rows.find((r) => r.number === numbers[3])!.theory).toBe(60);
    expect(await imports()).toBe(2);

    expect(await w.hzStaff.contest.event.lock({ eventId })).toEqual({ scores: 4 * 2 + 4 });
    await expectCode(importTheoryAll(w.hzStaff, eventId, () => 90), 'SCORES_LOCKED');
    expect(await imports()).toBe(2);
  });

  it('is corrected after the lock only on an upheld appeal: the organiser sees the marks, the results recompute', async () => {
    await markAll([w.judges.sx[0]!], eventId, (_i, _n, _a, max) => max / 2);
    const ranked = async () => (await w.hzStaff.contest.event.results({ eventId })).rows;
    const nbNumber = (await ranked()).find((r) => r.federation.slug === w.nb.slug)!.number;
    await importTheoryAll(w.hzStaff, eventId, (n) => (n === nbNumber ? 50 : 60));
    await w.hzStaff.contest.event.lock({ eventId });
    await w.hzStaff.contest.event.publish({ eventId });
    const appealId = (await w.nbStaff.contest.appeal.file({ eventId, number: nbNumber, reason: '理论试卷复核' })).appeals[0]!.id;

    // the re-mark screen: the exam sheet's theory mark and each judge's practical marks, for the organiser alone
    await expectCode(w.nbStaff.contest.appeal.marks({ appealId }), 'NOT_FOUND');
    const { marks, number } = await w.hzStaff.contest.appeal.marks({ appealId });
    expect(number).toBe(nbNumber);
    const theory = marks.filter((m) => m.part === 'theory');
    expect(theory).toEqual([expect.objectContaining({ judgeUserId: null, mark: 5000 })]);
    expect(marks.filter((m) => m.part === 'practical').every((m) => m.judgeUserId === w.judges.sx[0]!.user.id)).toBe(true);
    const aspect = theory[0]!.aspect;

    // a practical aspect, or a mark over full marks, is refused and writes nothing
    const decide = (theoryRemarks: { aspect: string; mark: number }[]) => w.hzStaff.contest.appeal.decide({ appealId, decision: 'upheld', reason: '复核试卷', theoryRemarks });
    await expectCode(decide([{ aspect: marks.find((m) => m.part === 'practical')!.aspect, mark: 100 }]), 'BAD_INPUT');
    await expectCode(decide([{ aspect, mark: theory[0]!.max * 100 + 1 }]), 'BAD_INPUT');
    const overrides = () => h.t.query(`select 1 from contest_theory_override where event_id = $1`, [eventId]).then((r) => r.length);
    expect(await overrides()).toBe(0);

    const after = await decide([{ aspect, mark: 9000 }]);
    expect(after.rows[0]).toMatchObject({ number: nbNumber, theory: 90, rank: 1 });
    expect(after.appeals[0]).toMatchObject({ status: 'upheld' });
    // the exam sheet stays as imported; the correction is its own row, in both parties' chains with from and to
    expect((await h.t.query<{ mark: number }>(`select mark from contest_theory_mark m join contest_entrant e on e.id = m.entrant_id where m.event_id = $1 and e.number = $2`, [eventId, nbNumber]))[0]!.mark).toBe(5000);
    expect(await overrides()).toBe(1);
    const audit = await h.t.query<{ tenant_id: string; data: { theoryRemarks: unknown } }>(`select tenant_id, data from audit_event where type = 'contest.appeal_decided' and entity_id = $1 order by tenant_id`, [appealId]);
    expect(audit.map((a) => a.tenant_id)).toEqual([w.hz.id, w.nb.id].sort());
    expect(audit[0]!.data.theoryRemarks).toEqual([{ aspect, from: 5000, to: 9000 }]);
    // decided once: a second decision is refused
    await expectCode(decide([{ aspect, mark: 9500 }]), 'CONTEST_STATE');
    expect((await w.nbStaff.contest.event.results({ eventId })).rows[0]).toMatchObject({ number: nbNumber, theory: 90 });
  });
});
