import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { AFTER_CLOSE, enter, makeContest, makeContestants, makeContestWorld, makeEvent, TODAY, type ContestWorld } from './contest.testkit.ts';

// A marking scheme's rules (issue 9): a measurement aspect with a tolerance is marked from the value
// the judge measured, a judgement aspect with written levels from the level chosen; the judge's phone
// gets the rule, and the mark is worked out on the server, never taken from the phone.

describe('marking by tolerance and by level', () => {
  let h: Harness;
  let w: ContestWorld;
  let eventId: string;
  let numbers: number[];

  const ohms = { target: 0.5, within: 0.05, zeroBeyond: 0.2, unit: 'Ω' };
  const levels = ['未达到要求', '基本达到', '达到', '超出要求'];

  beforeAll(async () => {
    h = await createHarness();
    w = await makeContestWorld(h);
    h.setNow(TODAY);
    const contestId = (await makeContest(w)).id;
    eventId = (
      await makeEvent(w, contestId, {
        quotaPerCity: 2,
        aspects: [
          { key: 'ohms', label: '接线电阻', part: 'practical', type: 'measurement', max: 10, tolerance: ohms },
          { key: 'craft', label: '工艺', part: 'practical', type: 'judgement', max: 9, levels },
        ],
      })
    ).id;
    for (const m of await makeContestants(h, w.hz, 1)) await enter(w.hzStaff, eventId, m);
    for (const m of await makeContestants(h, w.nb, 1)) await enter(w.nbStaff, eventId, m);
    h.setNow(AFTER_CLOSE);
    await w.hzStaff.contest.event.draw({ eventId });
    await w.hzStaff.contest.event.assignJudge({ eventId, federationSlug: w.sx.slug, userId: w.judges.sx[0]!.user.id, chief: true });
    numbers = (await w.judges.sx[0]!.caller.contest.score.sheet({ eventId })).contestants.map((c) => c.number);
  }, 120_000);
  afterAll(() => h.close());

  it('gives the judge’s phone the rule of each aspect', async () => {
    const sheet = await w.judges.sx[0]!.caller.contest.score.sheet({ eventId });
    expect(sheet.aspects.map((a) => [a.key, a.tolerance ?? null, a.levels ?? null])).toEqual([
      ['ohms', ohms, null],
      ['craft', null, levels],
    ]);
  });

  it('works the mark out from the measured value and keeps the value beside it', async () => {
    const judge = w.judges.sx[0]!.caller.contest.score;
    // a mark sent for a measured aspect is not taken: the value is needed
    await expectCode(judge.submit({ eventId, number: numbers[0]!, aspect: 'ohms', mark: 1000 }), 'BAD_INPUT');
    expect(await judge.submit({ eventId, number: numbers[0]!, aspect: 'ohms', measured: 0.6, mark: 1000 })).toEqual({ created: true, mark: 667 });
    const [row] = await h.t.query<{ mark: number; measured: string }>(`select mark, measured from contest_score where event_id = $1 and aspect = 'ohms'`, [eventId]);
    expect(row).toEqual({ mark: 667, measured: '0.6' });
    // the score sheet shows the value beside the mark it earned
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await w.hzStaff.contest.event.scoresXlsx({ eventId })).base64, 'base64') as unknown as ExcelJS.Buffer);
    const lines: string[][] = [];
    wb.worksheets[0]!.eachRow((r) => lines.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(lines.find((l) => l[1] === '接线电阻')?.slice(4)).toEqual(['0.6Ω', '6.67', '10']);
  });

  it('works the mark out from the level chosen, and refuses a level past the last descriptor', async () => {
    const judge = w.judges.sx[0]!.caller.contest.score;
    await expectCode(judge.submit({ eventId, number: numbers[1]!, aspect: 'craft', level: 4 }), 'BAD_INPUT');
    await expectCode(judge.submit({ eventId, number: numbers[1]!, aspect: 'craft', mark: 900 }), 'BAD_INPUT');
    expect(await judge.submit({ eventId, number: numbers[1]!, aspect: 'craft', level: 2 })).toEqual({ created: true, mark: 600 });
  });

  it('refuses a scheme whose rule does not fit its aspect', async () => {
    h.setNow(TODAY);
    const contestId = (await makeContest(w)).id;
    const bad = { key: 'x', label: '外观', part: 'practical' as const, type: 'judgement' as const, max: 5, tolerance: ohms };
    await expectCode(makeEvent(w, contestId, { trade: '焊工', aspects: [bad] }), 'BAD_INPUT');
    await expectCode(makeEvent(w, contestId, { trade: '焊工', aspects: [{ ...bad, type: 'measurement', tolerance: { ...ohms, zeroBeyond: 0.01 } }] }), 'BAD_INPUT');
    h.setNow(AFTER_CLOSE);
  });
});
