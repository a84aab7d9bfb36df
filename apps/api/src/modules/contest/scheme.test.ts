import type { ContestAspectDto } from '@uc/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { AFTER_CLOSE, enter, importTheoryAll, makeContest, makeContestants, makeContestWorld, makeEvent, TODAY, type ContestWorld } from './contest.testkit.ts';

// The organiser corrects an event's marking scheme (issue 9) until the first mark is in — a judge's
// score or the exam sheet — and never after: every mark is read against the scheme it was given under.

const CORRECTED: ContestAspectDto[] = [
  { key: 'theory', label: '理论知识', part: 'theory', type: 'measurement', max: 100 },
  { key: 'wiring', label: '接线工艺', part: 'practical', type: 'judgement', max: 70, levels: ['未达到', '基本达到', '达到', '超出'] },
  { key: 'safety', label: '安全规范', part: 'practical', type: 'judgement', max: 30 },
];

describe('changing the marking scheme', () => {
  let h: Harness;
  let w: ContestWorld;
  let contestId: string;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeContestWorld(h);
    contestId = (await makeContest(w)).id;
  }, 120_000);
  afterAll(() => h.close());

  /** An event with one contestant per city, numbers drawn and Shaoxing's judge as chief: ready to mark. */
  async function drawnEvent(trade: string) {
    h.setNow(TODAY);
    const event = await makeEvent(w, contestId, { quotaPerCity: 2, trade });
    for (const m of await makeContestants(h, w.hz, 1)) await enter(w.hzStaff, event.id, m);
    for (const m of await makeContestants(h, w.nb, 1)) await enter(w.nbStaff, event.id, m);
    h.setNow(AFTER_CLOSE);
    await w.hzStaff.contest.event.draw({ eventId: event.id });
    await w.hzStaff.contest.event.assignJudge({ eventId: event.id, federationSlug: w.sx.slug, userId: w.judges.sx[0]!.user.id, chief: true });
    const current = (await w.hzStaff.contest.get({ id: contestId })).events.find((e) => e.id === event.id)!;
    return current;
  }

  it('before any mark: the weights and aspects change, the judge’s sheet follows, and every party’s chain records before and after', async () => {
    const event = await drawnEvent('电工·改细则');
    expect(event.markingBegun).toBe(false);
    const changed = await w.hzStaff.contest.event.updateScheme({ eventId: event.id, theoryWeight: 20, aspects: CORRECTED, rowVersion: event.rowVersion });
    expect(changed).toMatchObject({ theoryWeight: 20, markingBegun: false, rowVersion: event.rowVersion + 1 });
    expect(changed.aspects.map((a) => a.key)).toEqual(['theory', 'wiring', 'safety']);
    const sheet = await w.judges.sx[0]!.caller.contest.score.sheet({ eventId: event.id });
    expect(sheet.aspects.map((a) => a.key)).toEqual(['wiring', 'safety']);
    const audit = await h.t.query<{ tenant: string; before: number; after: number }>(
      `select tenant_id as tenant, (data->'before'->>'theoryWeight')::int as before, (data->'after'->>'theoryWeight')::int as after
         from audit_event where type = 'contest.scheme_changed' and entity_id = $1 order by tenant_id`,
      [event.id],
    );
    expect(audit.map((a) => a.tenant).sort()).toEqual([w.hz.id, w.nb.id, w.sx.id].sort());
    expect(audit.every((a) => a.before === 30 && a.after === 20)).toBe(true);
  });

  it('refuses a stale version, a scheme without a practical part or with a key twice, and anyone but the organiser', async () => {
    const event = await drawnEvent('焊工·改细则');
    const base = { eventId: event.id, theoryWeight: 30, rowVersion: event.rowVersion };
    await expectCode(w.hzStaff.contest.event.updateScheme({ ...base, aspects: [CORRECTED[0]!] }), 'BAD_INPUT');
    await expectCode(w.hzStaff.contest.event.updateScheme({ ...base, aspects: [CORRECTED[1]!, { ...CORRECTED[2]!, key: 'wiring' }] }), 'BAD_INPUT');
    await expectCode(w.nbStaff.contest.event.updateScheme({ ...base, aspects: CORRECTED }), 'FORBIDDEN');
    await w.hzStaff.contest.event.updateScheme({ ...base, aspects: CORRECTED });
    // a second editor working from the same page loses nothing silently
    await expectCode(w.hzStaff.contest.event.updateScheme({ ...base, aspects: CORRECTED, theoryWeight: 40 }), 'STALE_VERSION');
    const [row] = await h.t.query<{ theory_weight: number }>(`select theory_weight from contest_event where id = $1`, [event.id]);
    expect(row!.theory_weight).toBe(30);
  });

  it('is fixed once a judge has marked', async () => {
    const event = await drawnEvent('数控车工·改细则');
    const judge = w.judges.sx[0]!.caller.contest.score;
    const [first] = (await judge.sheet({ eventId: event.id })).contestants;
    await judge.submit({ eventId: event.id, number: first!.number, aspect: 'judgement', mark: 3000 });
    const now = (await w.hzStaff.contest.get({ id: contestId })).events.find((e) => e.id === event.id)!;
    expect(now.markingBegun).toBe(true);
    await expectCode(w.hzStaff.contest.event.updateScheme({ eventId: event.id, theoryWeight: 30, aspects: CORRECTED, rowVersion: now.rowVersion }), 'CONTEST_STATE');
  });

  it('is fixed once the exam sheet is imported', async () => {
    const event = await drawnEvent('养老护理员·改细则');
    expect((await importTheoryAll(w.hzStaff, event.id, () => 80)).ok).toBe(true);
    const now = (await w.hzStaff.contest.get({ id: contestId })).events.find((e) => e.id === event.id)!;
    expect(now.markingBegun).toBe(true);
    await expectCode(w.hzStaff.contest.event.updateScheme({ eventId: event.id, theoryWeight: 30, aspects: CORRECTED, rowVersion: now.rowVersion }), 'CONTEST_STATE');
  });

  it('a change racing a judge’s mark: exactly one lands, and no mark names an aspect the scheme does not have', async () => {
    for (let round = 0; round < 3; round++) {
      const event = await drawnEvent(`钳工·竞态${round}`);
      const judge = w.judges.sx[0]!.caller.contest.score;
      const [first] = (await judge.sheet({ eventId: event.id })).contestants;
      const results = await Promise.allSettled([
        w.hzStaff.contest.event.updateScheme({ eventId: event.id, theoryWeight: 30, aspects: CORRECTED, rowVersion: event.rowVersion }),
        judge.submit({ eventId: event.id, number: first!.number, aspect: 'judgement', mark: 3000 }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'fulfilled') continue;
        const e = r.reason as { cause?: { code?: string }; code?: string };
        expect(e.cause?.code ?? e.code).toMatch(/^(CONTEST_STATE|BAD_INPUT)$/);
      }
      const [row] = await h.t.query<{ aspects: { key: string }[] }>(`select aspects from contest_event where id = $1`, [event.id]);
      const keys = new Set(row!.aspects.map((a) => a.key));
      const marks = await h.t.query<{ aspect: string }>(`select aspect from contest_score where event_id = $1`, [event.id]);
      for (const m of marks) expect(keys.has(m.aspect)).toBe(true);
    }
  }, 60_000);
});
