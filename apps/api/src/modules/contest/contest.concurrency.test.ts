import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { AFTER_CLOSE, applyFor, enter, importTheoryAll, memberCaller, makeContest, makeContestants, makeContestWorld, makeEvent, TODAY, type ContestWorld, type Judge } from './contest.testkit.ts';

// Many at once. On the PostgreSQL server (TEST_DATABASE_URL) these are real concurrent
// transactions on separate connections; on PGlite they interleave on one. Either way: a city
// never has more entrants than its quota; a mark is taken once and never after the lock.

const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === 'fulfilled' ? 'ok' : ((r.reason as { cause?: { code?: string } }).cause?.code ?? (r.reason as { code?: string }).code ?? String(r.reason)));

describe('contests under concurrency', () => {
  let h: Harness;
  let w: ContestWorld;
  let contestId: string;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeContestWorld(h, { judges: 3 });
    contestId = (await makeContest(w)).id;
  }, 180_000);
  afterAll(() => h.close());

  it('200 registrations at once for 20 places per city: exactly 20 each, nothing over', async () => {
    h.setNow(TODAY);
    const eventId = (await makeEvent(w, contestId, { trade: '焊工', quotaPerCity: 20 })).id;
    const hz = await makeContestants(h, w.hz, 100);
    const nb = await makeContestants(h, w.nb, 100);
    const calls = [...hz.map((m) => () => enter(w.hzStaff, eventId, m)), ...nb.map((m) => () => enter(w.nbStaff, eventId, m))].sort(() => Math.random() - 0.5);
    const results = await Promise.allSettled(calls.map((c) => c()));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(40);
    expect(codes.filter((c) => c === 'QUOTA_EXHAUSTED')).toHaveLength(160);
    const rows = await h.t.query<{ t: string; n: number }>(`select tenant_id as t, count(*)::int as n from contest_registration where pool_id = $1 group by tenant_id`, [eventId]);
    expect(Object.fromEntries(rows.map((r) => [r.t, r.n]))).toEqual({ [w.hz.id]: 20, [w.nb.id]: 20 });
    const shares = await h.t.query<{ units: number; taken: number }>(`select units, taken from place_share where pool_id = $1`, [eventId]);
    expect(shares).toEqual([
      { units: 20, taken: 20 },
      { units: 20, taken: 20 },
    ]);
  }, 180_000);

  it('approvals of members’ applications racing for a city’s last places: exactly the quota, the rest still waiting', async () => {
    h.setNow(TODAY);
    const eventId = (await makeEvent(w, contestId, { trade: '养老护理员', quotaPerCity: 6 })).id;
    const staffEntered = await makeContestants(h, w.nb, 2);
    for (const m of staffEntered) await enter(w.nbStaff, eventId, m);
    const applicants = await makeContestants(h, w.nb, 31);
    const apps: string[] = [];
    for (const id of applicants) apps.push((await applyFor(await memberCaller(h, w.nb, id), eventId)).id);
    // a double-clicked approval: five at once take one place
    const twice = await Promise.allSettled(Array.from({ length: 5 }, () => w.nbStaff.contest.application.decide({ id: apps[0]!, decision: 'approve' })));
    expect(twice.map(codeOf)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    // 30 approvals at once for the 3 places left
    const results = await Promise.allSettled(apps.slice(1).map((id) => w.nbStaff.contest.application.decide({ id, decision: 'approve' })));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(3);
    expect(codes.filter((c) => c === 'QUOTA_EXHAUSTED')).toHaveLength(27);
    const regs = await h.t.query<{ n: number }>(`select count(*)::int as n from contest_registration where pool_id = $1 and status = 'registered'`, [eventId]);
    expect(regs[0]!.n).toBe(6);
    const byStatus = await h.t.query<{ status: string; n: number }>(`select status, count(*)::int as n from contest_application where event_id = $1 group by status order by status`, [eventId]);
    expect(byStatus).toEqual([
      { status: 'applied', n: 27 },
      { status: 'approved', n: 4 },
    ]);
    const shares = await h.t.query<{ taken: number }>(`select taken from place_share where pool_id = $1 and party_tenant_id = $2`, [eventId, w.nb.id]);
    expect(shares[0]!.taken).toBe(6);
  }, 180_000);

  describe('marking', () => {
    let eventId: string;
    let panel: Judge[];
    let hzNumbers: number[];

    // a fresh event for each test: drawn, with a panel of five judges and no marks yet
    beforeEach(async () => {
      h.setNow(TODAY);
      eventId = (await makeEvent(w, contestId, { trade: '电工', quotaPerCity: 5 })).id;
      for (const m of await makeContestants(h, w.hz, 3)) await enter(w.hzStaff, eventId, m);
      h.setNow(AFTER_CLOSE);
      await w.hzStaff.contest.event.draw({ eventId });
      // five judges who may all mark Hangzhou's entrants: three from Ningbo, two from Shaoxing
      panel = [...w.judges.nb, ...w.judges.sx.slice(0, 2)];
      for (const j of w.judges.nb) await w.hzStaff.contest.event.assignJudge({ eventId, federationSlug: w.nb.slug, userId: j.user.id });
      for (const j of w.judges.sx.slice(0, 2)) await w.hzStaff.contest.event.assignJudge({ eventId, federationSlug: w.sx.slug, userId: j.user.id });
      hzNumbers = (await panel[0]!.caller.contest.score.sheet({ eventId })).contestants.map((c) => c.number);
    }, 180_000);

    /** every judge marks every contestant on every aspect, one after another */
    async function markAll(opts: { except?: { number: number; aspect: string } } = {}) {
      for (const j of panel) {
        for (const n of hzNumbers) {
          for (const aspect of ['measure', 'judgement']) {
            if (n === opts.except?.number && aspect === opts.except.aspect) continue;
            await j.caller.contest.score.submit({ eventId, number: n, aspect, mark: 3000 });
          }
        }
      }
    }

    it('five judges marking the same aspect of the same contestant at the same instant, each twice: five marks, none lost', async () => {
      const number = hzNumbers[0]!;
      const calls = panel.flatMap((j, i) => [0, 1].map(() => () => j.caller.contest.score.submit({ eventId, number, aspect: 'measure', mark: 5000 + i * 100 })));
      const results = await Promise.allSettled(calls.map((c) => c()));
      expect(results.map(codeOf)).toEqual(Array(10).fill('ok'));
      const created = results.filter((r) => r.status === 'fulfilled' && (r.value as { created: boolean }).created);
      expect(created).toHaveLength(5);
      const rows = await h.t.query<{ mark: number }>(`select mark from contest_score where event_id = $1 and aspect = 'measure' order by mark`, [eventId]);
      expect(rows.map((r) => r.mark)).toEqual([5000, 5100, 5200, 5300, 5400]);
    });

    it('the chief judge locking while the last marks arrive: no mark lost, none after the lock', async () => {
      // every mark in but the last contestant's judgement aspect
      const last = hzNumbers[hzNumbers.length - 1]!;
      await markAll({ except: { number: last, aspect: 'judgement' } });
      await importTheoryAll(w.hzStaff, eventId, () => 75);
      const submits = panel.map((j) => () => j.caller.contest.score.submit({ eventId, number: last, aspect: 'judgement', mark: 2500 }));
      const locks = [0, 1, 2].map(() => () => w.hzStaff.contest.event.lock({ eventId }));
      const results = await Promise.allSettled([...submits, ...locks].sort(() => Math.random() - 0.5).map((c) => c()));
      const locked = results.filter((r) => r.status === 'fulfilled' && 'scores' in (r.value as object));
      expect(locked.length).toBeLessThanOrEqual(1);
      const [{ n }] = (await h.t.query<{ n: number }>(`select count(*)::int as n from contest_score where event_id = $1`, [eventId])) as [{ n: number }];
      if (locked.length) {
        // the lock saw every mark there will ever be
        expect((locked[0] as PromiseFulfilledResult<{ scores: number }>).value.scores).toBe(n + hzNumbers.length);
      } else {
        expect((await w.hzStaff.contest.event.lock({ eventId })).scores).toBe(n + hzNumbers.length);
      }
      expect(n).toBe(panel.length * hzNumbers.length * 2);
      for (const r of results) expect(['ok', 'CONTEST_STATE', 'SCORES_LOCKED']).toContain(codeOf(r));
    });

    it('marks submitted all at once after the lock: every one refused, nothing written', async () => {
      await markAll();
      await importTheoryAll(w.hzStaff, eventId, () => 75);
      await w.hzStaff.contest.event.lock({ eventId });
      const [{ n: before }] = (await h.t.query<{ n: number }>(`select count(*)::int as n from contest_score where event_id = $1`, [eventId])) as [{ n: number }];
      const results = await Promise.allSettled(panel.flatMap((j) => hzNumbers.map((number) => j.caller.contest.score.submit({ eventId, number, aspect: 'measure', mark: 100 }))));
      expect(new Set(results.map(codeOf))).toEqual(new Set(['SCORES_LOCKED']));
      const [{ n: after }] = (await h.t.query<{ n: number }>(`select count(*)::int as n from contest_score where event_id = $1`, [eventId])) as [{ n: number }];
      expect(after).toBe(before);
    });
  });
});
