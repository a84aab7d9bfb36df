import { sql } from 'drizzle-orm';
import { withTenant } from '@uc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../../test/caller.ts';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { draw } from './contest.rules.ts';
import { AFTER_CLOSE, enter, importTheoryAll, makeContest, makeContestants, makeContestWorld, makeEvent, markAll, theorySheet, TODAY, type ContestWorld } from './contest.testkit.ts';

// A joint contest from end to end, through the API: the organiser creates it under the agreement,
// both cities enter members within their quota, numbers are drawn by lot, a cross-city panel marks
// blind, the chief judge locks, results are published, an appeal re-marks, and finalising issues
// certificates and writes titles to the winners' honour records.

/** the database's complaint (constraint name and message) of a statement expected to fail */
async function pgError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    const c = ((e as { cause?: unknown }).cause ?? e) as { constraint?: string; message?: string };
    return `${c.constraint ?? ''} ${c.message ?? ''}`;
  }
}

describe('a joint skills contest', () => {
  let h: Harness;
  let w: ContestWorld;
  let contestId: string;
  let eventId: string;
  let hzMembers: string[];
  let nbMembers: string[];

  beforeAll(async () => {
    h = await createHarness();
  }, 120_000);
  afterAll(() => h.close());

  // The contest's life is a journey, told step by step below. Each test runs in a world of its
  // own, replaying the steps before its own (their checks included), so it passes alone and in
  // any order.
  const steps: [name: string, run: () => Promise<void>][] = [];
  const step = (name: string, run: () => Promise<void>) => steps.push([name, run]);

  step('creates a contest under the agreement, the quota per city defaulting from the clause and never above it', async () => {
    const c = await makeContest(w);
    contestId = c.id;
    expect(c.parties.map((p) => p.role).sort()).toEqual(['judging_partner', 'organiser', 'party']);
    const e = await makeEvent(w, contestId, { quotaPerCity: 3 });
    eventId = e.id;
    expect(e.quotaPerCity).toBe(3);
    expect(e.cities.map((x) => x.quota)).toEqual([3, 3]);
    const d = await makeEvent(w, contestId, { trade: '焊工' });
    expect(d.quotaPerCity).toBe(20);
    await expectCode(makeEvent(w, contestId, { quotaPerCity: 21, trade: '数控车工' }), 'BAD_INPUT');
    // the marking scheme is the organiser's, but its aspects are told apart by key and a practical part is needed
    const scheme = { contestId, trade: '育婴员', eventDate: '2027-03-20', registrationOpens: '2026-11-01', registrationCloses: '2026-12-10' };
    const aspect = (key: string, part: 'theory' | 'practical') => ({ key, label: key, part, type: 'judgement' as const, max: 10 });
    await expectCode(w.hzStaff.contest.event.create({ ...scheme, aspects: [aspect('skill', 'practical'), aspect('skill', 'practical')] } as never), 'BAD_INPUT');
    await expectCode(w.hzStaff.contest.event.create({ ...scheme, aspects: [aspect('exam', 'theory')] } as never), 'BAD_INPUT');
    // only the organiser creates events; the partner reads the contest
    await expectCode(w.nbStaff.contest.event.create({ contestId, trade: 'x', eventDate: '2027-03-20', registrationOpens: '2026-11-01', registrationCloses: '2026-12-10' } as never), 'FORBIDDEN');
    expect((await w.nbStaff.contest.get({ id: contestId })).events).toHaveLength(2);
    expect((await w.sxStaff.contest.list()).map((x) => x.id)).toEqual([contestId]);
  });

  step('registers own members with consent, idempotently, within the city quota and the rules', async () => {
    const first = await enter(w.hzStaff, eventId, hzMembers[0]!);
    expect(first).toMatchObject({ created: true, outcome: 'held', registration: { status: 'registered', number: null } });
    // a repeat of the same request (same key) gets the first answer again, and registers no one twice
    const again = await enter(w.hzStaff, eventId, hzMembers[0]!);
    expect(again).toEqual(first);
    await enter(w.hzStaff, eventId, hzMembers[1]!);
    await enter(w.hzStaff, eventId, hzMembers[2]!);
    await expectCode(enter(w.hzStaff, eventId, hzMembers[3]!), 'QUOTA_EXHAUSTED');
    for (const m of nbMembers.slice(0, 3)) await enter(w.nbStaff, eventId, m);
    // another federation's member is not found; the judging partner enters no one
    await expectCode(enter(w.nbStaff, eventId, hzMembers[3]!), 'NOT_FOUND');
    await expectCode(enter(w.sxStaff, eventId, hzMembers[3]!), 'FORBIDDEN');
    const [young] = await makeContestants(h, w.nb, 1, '2010-01-01');
    await expectCode(enter(w.nbStaff, eventId, young!), 'NOT_ELIGIBLE');
    // each side sees its own entrants; the organiser sees both cities
    expect((await w.nbStaff.contest.registration.list({ eventId })).map((r) => r.federation.slug)).toEqual([w.nb.slug, w.nb.slug, w.nb.slug]);
    expect(await w.hzStaff.contest.registration.list({ eventId })).toHaveLength(6);
    expect((await w.nbStaff.contest.get({ id: contestId })).events.find((e) => e.id === eventId)!.cities.map((c) => c.registered)).toEqual([3, 3]);
  });

  step('refuses a draw while the window is open and entries once it has closed', async () => {
    await expectCode(w.hzStaff.contest.event.draw({ eventId }), 'CONTEST_STATE');
    h.setNow(AFTER_CLOSE);
    await expectCode(enter(w.nbStaff, eventId, nbMembers[3]!), 'CONTEST_CLOSED');
  });

  step('draws numbers by lot, reproducibly from the seed recorded in both parties’ audit chains', async () => {
    const r = await w.hzStaff.contest.event.draw({ eventId });
    expect(r.numbers.map((n) => n.number).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const events = await withTenant(h.t.db, w.nb.id, (tx) => tx.execute(sql`select data from audit_event where tenant_id = ${w.nb.id} and type = 'contest.drawn'`));
    const data = ((events as unknown as { rows?: { data: { seed: string; registrationIds: string[]; numbers: number[] } }[] }).rows ?? (events as unknown as { data: { seed: string; registrationIds: string[]; numbers: number[] } }[]))[0]!.data;
    expect(data.seed).toBe(r.seed);
    expect(draw(data.seed, data.registrationIds).map((x) => x.number)).toEqual(data.numbers);
    expect(draw(data.seed, data.registrationIds)).toEqual(r.numbers);
    await expectCode(w.hzStaff.contest.event.draw({ eventId }), 'CONTEST_STATE');
  });

  step('forms a cross-city panel of judges and shows each judge numbers only, never compatriots', async () => {
    const judges = [w.judges.hz[0]!, w.judges.nb[0]!, w.judges.sx[0]!];
    for (const [i, j] of judges.entries()) {
      const fed = [w.hz, w.nb, w.sx][i]!;
      await w.hzStaff.contest.event.assignJudge({ eventId, federationSlug: fed.slug, userId: j.user.id, chief: i === 0 });
    }
    const panel = await w.nbStaff.contest.event.panel({ eventId });
    expect(panel.judges.map((j) => j.compatriotOf)).toEqual([3, 3, 0]);
    expect(panel.uncovered).toEqual([]);
    // a staff member without the judge role may not sit on a panel
    const me = (await w.hzStaff.auth.me())!.user.id;
    await expectCode(w.hzStaff.contest.event.assignJudge({ eventId, federationSlug: w.hz.slug, userId: me }), 'BAD_INPUT');

    const sheet = await w.judges.nb[0]!.caller.contest.score.sheet({ eventId });
    expect(sheet.contestants).toHaveLength(3);
    const text = JSON.stringify(sheet);
    for (const word of ['选手', w.hz.slug, w.nb.slug, 'federation', 'name', 'memberId', 'entrantId']) expect(text).not.toContain(word);
    expect(Object.keys(sheet.contestants[0]!).sort()).toEqual(['marks', 'number']);
    expect((await w.judges.sx[0]!.caller.contest.score.sheet({ eventId })).contestants).toHaveLength(6);
  });

  step('takes each mark once, refuses compatriots and locks only when every mark is in', async () => {
    const nbJudge = w.judges.nb[0]!.caller.contest.score;
    const all = (await w.hzStaff.contest.registration.list({ eventId })).map((r) => ({ number: r.number!, slug: r.federation.slug }));
    const nbNumber = all.find((x) => x.slug === w.nb.slug)!.number;
    const hzNumber = all.find((x) => x.slug === w.hz.slug)!.number;
    await expectCode(nbJudge.submit({ eventId, number: nbNumber, aspect: 'measure', mark: 5000 }), 'COMPATRIOT_JUDGE');
    expect(await nbJudge.submit({ eventId, number: hzNumber, aspect: 'measure', mark: 5000 })).toEqual({ created: true, mark: 5000 });
    expect(await nbJudge.submit({ eventId, number: hzNumber, aspect: 'measure', mark: 1000 })).toEqual({ created: false, mark: 5000 });
    // theory comes from the exam sheet, never from a judge
    await expectCode(nbJudge.submit({ eventId, number: hzNumber, aspect: 'theory', mark: 9000 }), 'BAD_INPUT');
    await expectCode(nbJudge.submit({ eventId, number: hzNumber, aspect: 'measure', mark: 6001 }), 'BAD_INPUT');
    await expectCode(w.hzStaff.contest.event.assignJudge({ eventId, federationSlug: w.sx.slug, userId: w.judges.sx[0]!.user.id }), 'CONTEST_STATE');
    await expectCode(w.hzStaff.contest.event.lock({ eventId }), 'CONTEST_STATE');
    // every judge marks: number n gets 50 + n points of each aspect's hundred
    await markAll([w.judges.hz[0]!, w.judges.nb[0]!, w.judges.sx[0]!], eventId, (_i, n, _a, max) => Math.round((max * (50 + n)) / 100));
    // every practical mark is in, the theory sheet is not: no lock yet
    await expectCode(w.hzStaff.contest.event.lock({ eventId }), 'CONTEST_STATE');
    await importTheoryAll(w.hzStaff, eventId, (n) => 50 + n);
    // the results are the organiser's alone until published
    await expectCode(w.nbStaff.contest.event.results({ eventId }), 'CONTEST_STATE');
    // 12 judged contestant-sheets × 2 practical aspects, and 6 theory marks
    expect(await w.hzStaff.contest.event.lock({ eventId })).toEqual({ scores: 30 });
    await expectCode(w.hzStaff.contest.theory.import({ eventId, fileBase64: await theorySheet([[1, 80]]), dryRun: false }), 'SCORES_LOCKED');
    await expectCode(nbJudge.submit({ eventId, number: hzNumber, aspect: 'measure', mark: 100 }), 'SCORES_LOCKED');
  });

  step('refuses a compatriot mark in the database itself, even inserted directly as the app role', async () => {
    const [row] = (await h.t.query<{ id: string; home: string }>(`select id, home_tenant_id as home from contest_entrant where event_id = $1 and home_tenant_id = $2 limit 1`, [eventId, w.nb.id])) as [{ id: string; home: string }];
    const nbJudge = w.judges.nb[0]!.user.id;
    const insert = (entrantTenant: string) =>
      withTenant(h.t.db, w.hz.id, (tx) =>
        tx.execute(sql`insert into contest_score (tenant_id, event_id, entrant_id, entrant_tenant_id, judge_user_id, judge_tenant_id, aspect, mark, submitted_at)
          values (${w.hz.id}, ${eventId}, ${row.id}, ${entrantTenant}, ${nbJudge}, ${w.nb.id}, 'extra', 100, now())`),
      );
    expect(await pgError(insert(w.nb.id))).toContain('contest_score_compatriot_ck');
    // lying about the contestant's federation breaks the key to the entrant
    expect(await pgError(insert(w.hz.id))).toContain('contest_score_entrant_fk');
    // and a mark is never changed in place
    expect(await pgError(withTenant(h.t.db, w.hz.id, (tx) => tx.execute(sql`update contest_score set mark = 0`)))).toContain('permission denied');
  });

  step('publishes results derived from the marks, takes an appeal within 2 hours, re-marks and finalises', async () => {
    const published = await w.hzStaff.contest.event.publish({ eventId });
    expect(published.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    const totals = published.rows.map((r) => r.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(published.rows[0]!.award).toBe('一等奖');
    const top = published.rows[0]!.number;
    const nbView = await w.nbStaff.contest.event.results({ eventId });
    expect(nbView.rows.filter((r) => r.name !== '').every((r) => r.federation.slug === w.nb.slug)).toBe(true);
    const lowestNb = [...nbView.rows].reverse().find((r) => r.federation.slug === w.nb.slug)!;
    const hzRow = nbView.rows.find((r) => r.federation.slug === w.hz.slug)!;
    await expectCode(w.nbStaff.contest.appeal.file({ eventId, number: hzRow.number, reason: '替对方申诉' }), 'NOT_FOUND');
    const filed = await w.nbStaff.contest.appeal.file({ eventId, number: lowestNb.number, reason: '实操测量项计分有误' });
    const appeal = filed.appeals[0]!;
    await expectCode(w.hzStaff.contest.event.finalise({ eventId }), 'CONTEST_STATE');

    // the chief judge upholds: every judge's practical marks for that contestant go to full marks
    const remarks = [w.judges.hz[0]!, w.judges.sx[0]!].flatMap((j) => [
      { judgeUserId: j.user.id, aspect: 'measure', mark: 6000 },
      { judgeUserId: j.user.id, aspect: 'judgement', mark: 4000 },
    ]);
    const after = await w.hzStaff.contest.event.results({ eventId });
    expect(after.rows[0]!.number).toBe(top);
    const decided = await w.hzStaff.contest.appeal.decide({ appealId: appeal.id, decision: 'upheld', reason: '复核属实，更正', remarks });
    expect(decided.rows[0]).toMatchObject({ number: lowestNb.number, rank: 1, practical: 100, award: '一等奖' });
    expect(decided.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(decided.appeals[0]).toMatchObject({ status: 'upheld' });

    h.advance(2 * 3_600_000 + 60_000);
    await expectCode(w.nbStaff.contest.appeal.file({ eventId, number: lowestNb.number, reason: '再次申诉' }), 'CONTEST_CLOSED');
    const certs = await w.hzStaff.contest.event.finalise({ eventId });
    expect(certs.map((c) => c.award)).toEqual(['一等奖', '二等奖', '二等奖', '三等奖', '三等奖', '三等奖']);
    expect(certs[0]!.title).toBe('技术能手');

    // the title is in the winner's honour record at home
    const honours = await h.t.query<{ kind: string; tenant_id: string }>(`select kind, tenant_id from member_honour where source like $1`, [`%${certs[0]!.number}%`]);
    expect(honours).toEqual([{ kind: 'skilled_worker', tenant_id: w.nb.id }]);

    // the certificate as a PDF with its QR code, for the named federations
    const pdf = await w.nbStaff.contest.event.certificatePdf({ eventId, number: certs[0]!.number });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    // the public page: masked facts, the hash recomputed, nothing else
    const anon = createCaller({ db: h.t.db, env: h.env, requestId: 't', ip: '127.0.0.1', userAgent: 'vitest', tenantSlug: null, locale: 'zh-CN', secure: false, auth: null, resHeaders: new Headers(), now: h.now });
    const v = await anon.contest.verifyCertificate({ number: certs[0]!.number });
    expect(v).toMatchObject({ valid: true, award: '一等奖', trade: '电工' });
    expect(v.maskedName).toMatch(/^选\*+\d$/);
    expect(Object.keys(v).sort()).toEqual(['award', 'contestTitle', 'hash', 'issuedOn', 'issuers', 'maskedName', 'number', 'title', 'trade', 'valid']);
    await expectCode(anon.contest.verifyCertificate({ number: 'UC-2026-0000000000' }), 'NOT_FOUND');
  });

  steps.forEach(([name, run], i) =>
    it(name, async () => {
      h.setNow(TODAY);
      w = await makeContestWorld(h);
      hzMembers = await makeContestants(h, w.hz, 4);
      nbMembers = await makeContestants(h, w.nb, 4);
      for (const [, earlier] of steps.slice(0, i)) await earlier();
      await run();
    }, 180_000),
  );
});
