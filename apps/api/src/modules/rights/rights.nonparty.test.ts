import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import type { Caller } from '../../test/caller.ts';
import { makeMembers } from '../recuperation/recuperation.testkit.ts';
import { consentFor, makeRightsWorld, referredCase, type RightsWorld } from './rights.testkit.ts';

// Shaoxing is no party to the referral; a Hangzhou officer is staff but no caseworker; a Ningbo
// member is nobody's caseworker. Every rights procedure naming the case, its consent or the
// referral answers NOT_FOUND to each of them, and the lists they may call show nothing.

describe('rights, seen from outside the referral', () => {
  let h: Harness;
  let w: RightsWorld;
  let ids: { caseId: string; consentId: string; referralId: string };
  let member: Caller;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeRightsWorld(h);
    const r = await referredCase(w);
    ids = { caseId: r.caseId, consentId: r.consentId, referralId: r.referral.id };
    member = (await makeMembers(h, w.nb, 1))[0]!.caller;
  }, 60_000);
  afterAll(() => h.close());

  const procedures = (c: Caller): [string, () => Promise<unknown>][] => {
    const id = ids.referralId;
    const step = { id, rowVersion: 1 };
    return [
      ['rightsCase.get', () => c.rightsCase.get({ id: ids.caseId })],
      ['rightsCase.recordConsent', () => c.rightsCase.recordConsent(consentFor(ids.caseId, w.nb.slug))],
      ['rightsCase.withdrawConsent', () => c.rightsCase.withdrawConsent({ consentId: ids.consentId, reason: 'x' })],
      ['referral.refer', () => c.referral.refer({ caseId: ids.caseId, consentId: ids.consentId })],
      ['referral.get', () => c.referral.get({ id })],
      ['referral.file', () => c.referral.file({ id })],
      ['referral.accessLog', () => c.referral.accessLog({ id })],
      ['referral.accept', () => c.referral.accept(step)],
      ['referral.return', () => c.referral.return({ ...step, reason: 'x' })],
      ['referral.resubmit', () => c.referral.resubmit(step)],
      ['referral.start', () => c.referral.start({ ...step, assignee: 'x' })],
      ['referral.action', () => c.referral.action({ ...step, kind: 'call', date: '2026-11-23' })],
      ['referral.hold', () => c.referral.hold({ ...step, reason: 'x' })],
      ['referral.resume', () => c.referral.resume(step)],
      ['referral.resolve', () => c.referral.resolve({ ...step, outcome: 'mediated' })],
      ['referral.followUp', () => c.referral.followUp({ ...step, satisfaction: 3 })],
      ['referral.archive', () => c.referral.archive(step)],
      ['referral.transfer', () => c.referral.transfer({ ...step, consentId: ids.consentId, reason: 'x' })],
      ['referral.thread', () => c.referral.thread({ id: ids.referralId })],
      ['referral.post', () => c.referral.post({ id: ids.referralId, body: 'x' })],
    ];
  };

  for (const who of ['an outside federation’s caseworker', 'a staff member who is no caseworker', 'a member'] as const) {
    it(`refuses ${who} every procedure without telling whether the case exists`, async () => {
      const c = who === 'a member' ? member : who === 'a staff member who is no caseworker' ? w.hzOfficer : w.sxCw;
      // an outside caseworker is refused per object (NOT_FOUND, as if it did not exist); a role with no
      // business in rights is refused by the role matrix before anything is looked up (FORBIDDEN, for any id)
      const expected = who === 'an outside federation’s caseworker' ? 'NOT_FOUND' : 'FORBIDDEN';
      for (const [name, call] of procedures(c)) await expectCode(call(), expected).catch((e: unknown) => { throw new Error(`${name}: ${String(e)}`); });
    });
  }

  it('shows the outside caseworker nothing in the lists and the board', async () => {
    expect(await w.sxCw.rightsCase.list()).toEqual([]);
    expect(await w.sxCw.referral.list()).toEqual([]);
    expect(await w.sxCw.referral.board()).toEqual({ open: [], nearBreach: [], breaches: [], hourNearBreach: [], hourBreaches: [], outcomes: [] });
    const ledger = await w.sxCw.referral.ledger({ year: 2026 });
    expect(ledger.filename).toContain('2026');
    for (const c of [w.hzOfficer, member]) {
      await expectCode(c.referral.ledger({ year: 2026 }), 'FORBIDDEN');
      await expectCode(c.referral.board(), 'FORBIDDEN');
      await expectCode(c.referral.list(), 'FORBIDDEN');
      await expectCode(c.rightsCase.list(), 'FORBIDDEN');
    }
  });

  it('leaves the referral untouched', async () => {
    const r = await w.hzCw.referral.get({ id: ids.referralId });
    expect(r).toMatchObject({ status: 'submitted', rowVersion: 1, consentActive: true });
    expect(r.events).toHaveLength(1);
  });
});
