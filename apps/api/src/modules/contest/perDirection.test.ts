import type { AgreementContent } from '@uc/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { amend } from '../mechanism/mechanism.testkit.ts';
import { enter, makeContest, makeContestants, makeContestWorld, makeEvent, type ContestWorld } from './contest.testkit.ts';

// Entrants per city by direction (issue 12): the contests clause gives Hangzhou 3 entrants per
// event and Ningbo 5; each city's share of an event's pool is its own figure, and a figure the
// organiser asks for every city may exceed neither.

const contestSection = (c: AgreementContent) => c.commons.find((x) => x.kind === 'contest')!;

describe('entrants per city when the two cities differ', () => {
  let h: Harness;
  let w: ContestWorld;
  let contestId: string;
  let trade = 0;
  const nextTrade = () => `工种${trade++}`;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeContestWorld(h);
    await amend([w.hzStaff, w.nbStaff], w.agreementId, (c) => {
      contestSection(c).figures = { entrantsPerCity: 20, entrantsPerCityByParty: { [w.hz.slug]: 3, [w.nb.slug]: 5 } };
    });
    contestId = (await makeContest(w)).id;
  }, 120_000);
  afterAll(() => h.close());

  it("gives each city's share of the event its own figure: Hangzhou's 4th entrant is refused, Ningbo's 5th accepted", async () => {
    const e = await makeEvent(w, contestId, { trade: nextTrade() });
    expect(Object.fromEntries(e.cities.map((c) => [c.slug, c.quota]))).toEqual({ [w.hz.slug]: 3, [w.nb.slug]: 5 });
    const hz = await makeContestants(h, w.hz, 4);
    const nb = await makeContestants(h, w.nb, 5);
    for (const m of hz.slice(0, 3)) expect((await enter(w.hzStaff, e.id, m)).outcome).toBe('held');
    await expectCode(enter(w.hzStaff, e.id, hz[3]!), 'QUOTA_EXHAUSTED');
    for (const m of nb) expect((await enter(w.nbStaff, e.id, m)).outcome).toBe('held');
    const seen = (await w.nbStaff.contest.get({ id: contestId })).events.find((x) => x.id === e.id)!;
    expect(Object.fromEntries(seen.cities.map((c) => [c.slug, [c.registered, c.quota]]))).toEqual({ [w.hz.slug]: [3, 3], [w.nb.slug]: [5, 5] });
  });

  it("refuses a figure for every city above one city's own, and applies one within both to each", async () => {
    await expectCode(makeEvent(w, contestId, { trade: nextTrade(), quotaPerCity: 4 }), 'BAD_INPUT');
    const e = await makeEvent(w, contestId, { trade: nextTrade(), quotaPerCity: 3 });
    expect(e.cities.map((c) => c.quota)).toEqual([3, 3]);
  });

  it("shows the clause's figure of each city in the contest's detail", async () => {
    const d = await w.hzStaff.contest.get({ id: contestId });
    expect(d.entrantsPerCity).toBeNull();
    expect(Object.fromEntries(d.entrantsByCity.map((c) => [c.slug, c.entrants]))).toEqual({ [w.hz.slug]: 3, [w.nb.slug]: 5 });
  });

  it('refuses entrants by party keyed by a stranger or on another kind of section', async () => {
    const other = await makeContestWorld(h);
    const g = await other.hzStaff.agreement.get({ id: other.agreementId });
    await other.hzStaff.agreement.amend({ id: other.agreementId, rowVersion: g.rowVersion });
    const draft = await other.hzStaff.agreement.get({ id: other.agreementId });
    const save = (edit: (c: AgreementContent) => void) => {
      const content = structuredClone(draft.currentVersion.content);
      edit(content);
      return other.hzStaff.agreement.save({ id: other.agreementId, baseVersionId: draft.currentVersion.id, content, note: '' });
    };
    await expectCode(save((c) => void (contestSection(c).figures.entrantsPerCityByParty = { [other.sx.slug]: 5 })), 'BAD_INPUT');
    await expectCode(save((c) => void (c.commons.find((x) => x.kind === 'programme')!.figures.entrantsPerCityByParty = { [other.hz.slug]: 5 })), 'BAD_INPUT');
    await expectCode(save((c) => void (contestSection(c).figures.seatsPerCityByParty = { [other.hz.slug]: 5 })), 'BAD_INPUT');
    // keyed by the parties, on the contests section: saved
    await save((c) => void (contestSection(c).figures.entrantsPerCityByParty = { [other.nb.slug]: 5 }));
  });
});
