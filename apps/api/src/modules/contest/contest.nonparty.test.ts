import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { AFTER_CLOSE, enter, makeContest, makeContestants, makeContestWorld, makeEvent, markAll, importTheoryAll, theorySheet, type ContestWorld } from './contest.testkit.ts';

// Shaoxing is neither a party to the 杭甬 agreement nor invited to judge this contest: every
// contest procedure naming its contest, events, entrants, appeals answers NOT_FOUND to its
// staff and its judges, and the lists it may call show none of them.

describe('contests, seen from a federation the contest does not name', () => {
  let h: Harness;
  let w: ContestWorld;
  let contestId: string;
  let eventId: string;
  let appealId: string;
  let nbRegistrationId: string;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeContestWorld(h);
    contestId = (await makeContest(w, { partners: [] })).id;
    eventId = (await makeEvent(w, contestId, { quotaPerCity: 2 })).id;
    const [hzM] = await makeContestants(h, w.hz, 1);
    const [nbM] = await makeContestants(h, w.nb, 1);
    await enter(w.hzStaff, eventId, hzM!);
    await enter(w.nbStaff, eventId, nbM!);
    h.setNow(AFTER_CLOSE);
    await w.hzStaff.contest.event.draw({ eventId });
    await w.hzStaff.contest.event.assignJudge({ eventId, federationSlug: w.hz.slug, userId: w.judges.hz[0]!.user.id, chief: true });
    await w.hzStaff.contest.event.assignJudge({ eventId, federationSlug: w.nb.slug, userId: w.judges.nb[0]!.user.id });
    await markAll([w.judges.hz[0]!, w.judges.nb[0]!], eventId, () => 50);
    await importTheoryAll(w.hzStaff, eventId, () => 60);
    await w.hzStaff.contest.event.lock({ eventId });
    await w.hzStaff.contest.event.publish({ eventId });
    const nbRow = (await w.nbStaff.contest.event.results({ eventId })).rows.find((r) => r.federation.slug === w.nb.slug)!;
    appealId = (await w.nbStaff.contest.appeal.file({ eventId, number: nbRow.number, reason: '申诉' })).appeals[0]!.id;
    nbRegistrationId = nbRow.entrantId;
  }, 120_000);
  afterAll(() => h.close());

  it('answers NOT_FOUND to the outside staff and judges for every procedure naming the contest', async () => {
    const sx = w.sxStaff.contest;
    const judge = w.judges.sx[0]!.caller.contest;
    const [outsider] = await makeContestants(h, w.sx, 1);
    const calls: [string, () => Promise<unknown>][] = [
      ['get', () => sx.get({ id: contestId })],
      ['event.create', () => sx.event.create({ contestId, trade: '电工', venue: '', eventDate: '2027-03-20', registrationOpens: '2026-11-01', registrationCloses: '2026-12-10', minAge: 18, maxAge: 55, minYearsInTrade: 0, requiredCertificates: [], theoryWeight: 30, advance: 0, appealHours: 2, noticeDays: 5 })],
      ['event.draw', () => sx.event.draw({ eventId })],
      ['event.panel', () => sx.event.panel({ eventId })],
      ['event.assignJudge', () => sx.event.assignJudge({ eventId, federationSlug: w.sx.slug, userId: w.judges.sx[0]!.user.id, chief: false })],
      ['event.lock', () => sx.event.lock({ eventId })],
      ['event.results', () => sx.event.results({ eventId })],
      ['event.publish', () => sx.event.publish({ eventId })],
      ['event.finalise', () => sx.event.finalise({ eventId })],
      ['event.certificates', () => sx.event.certificates({ eventId })],
      ['event.advance', () => sx.event.advance({ eventId, eventDate: '2027-04-20' })],
      ['event.rosterXlsx', () => sx.event.rosterXlsx({ eventId })],
      ['event.resultsXlsx', () => sx.event.resultsXlsx({ eventId })],
      ['event.scoresXlsx', () => sx.event.scoresXlsx({ eventId })],
      ['event.rosterPdf', () => sx.event.rosterPdf({ eventId })],
      ['event.resultsPdf', () => sx.event.resultsPdf({ eventId })],
      ['event.scoresPdf', () => sx.event.scoresPdf({ eventId })],
      ['appeal.marks', () => sx.appeal.marks({ appealId: eventId })],
      ['theory.imports', () => sx.theory.imports({ eventId })],
      ['theory.template', () => sx.theory.template({ eventId })],
      ['theory.import', async () => sx.theory.import({ eventId, fileBase64: await theorySheet([[1, 80]]), dryRun: true })],
      ['registration.create', () => enter(w.sxStaff, eventId, outsider!)],
      ['registration.withdraw', () => sx.registration.withdraw({ id: nbRegistrationId })],

      ['registration.list', () => sx.registration.list({ eventId })],
      ['appeal.file', () => sx.appeal.file({ eventId, number: 1, reason: '申诉' })],
      ['appeal.decide', () => sx.appeal.decide({ appealId, decision: 'rejected', reason: '不成立', remarks: [] })],
      ['score.sheet (judge)', () => judge.score.sheet({ eventId })],
      ['score.submit (judge)', () => judge.score.submit({ eventId, number: 1, aspect: 'measure', mark: 100 })],
      ['event.results (judge)', () => judge.event.results({ eventId })],
    ];
    for (const [name, call] of calls) await expectCode(call(), 'NOT_FOUND').catch((e: unknown) => { throw new Error(`${name}: ${String(e)}`); });
  });

  it('shows none of the contest in the lists the outside federation may call', async () => {
    expect(await w.sxStaff.contest.list()).toEqual([]);
    expect(await w.judges.sx[0]!.caller.contest.list()).toEqual([]);
    expect(await w.sxStaff.contest.application.list({ eventId })).toEqual([]);
  });
});
