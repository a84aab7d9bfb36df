import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, makeFederation, makeStaff, type Harness } from '../../test/harness.ts';
import { active } from './mechanism.testkit.ts';

// On the PostgreSQL server (TEST_DATABASE_URL) these race real transactions on separate connections.
describe('when both parties act on the same decision at the same moment', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('turns the decision into exactly one joint item (20 rounds)', async () => {
    const A = await makeFederation(h, 'hz');
    const B = await makeFederation(h, 'nb');
    const a = await callerFor(h, await makeStaff(h, A, ['admin', 'signatory']), A);
    const b = await callerFor(h, await makeStaff(h, B, ['admin', 'signatory']), B);
    const g = await active([a, b], [B.slug]);
    const m = await a.meeting.create({ agreementId: g.id, meetingDate: '2025-06-18', title: '联席会议', location: '杭州市总工会', agenda: '一、议定事项', attendees: [] });
    for (let round = 0; round < 20; round++) {
      const decision = await a.meeting.addDecision({ meetingId: m.id, text: `议定事项 ${round}` });
      const input = { decisionId: decision.id, kind: 'programme' as const, leadSlug: A.slug };
      const results = await Promise.allSettled([a.meeting.decisionToItem(input), b.meeting.decisionToItem(input), a.meeting.decisionToItem(input)]);
      expect(results.filter((r) => r.status === 'fulfilled'), `round ${round}`).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as { cause?: { code?: string } }).cause?.code).toBe('CONFLICT');
    }
    const items = await b.jointItem.list({ agreementId: g.id });
    expect(items.filter((i) => i.source === 'meeting')).toHaveLength(20);
    const decisions = (await b.meeting.get({ id: m.id })).decisions;
    expect(decisions.every((d) => items.some((i) => i.id === d.jointItemId && i.sourceRef === d.id))).toBe(true);
    expect(await a.audit.verify()).toMatchObject({ ok: true });
    expect(await b.audit.verify()).toMatchObject({ ok: true });
  }, 300_000);
});
