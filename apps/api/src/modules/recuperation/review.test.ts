import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeStaff, type Harness } from '../../test/harness.ts';
import { bookFor, makeBatch, makeMembers, makeUnit, makeWorld, ZHEJIANG, type TestMember, type World } from './recuperation.testkit.ts';
import type { Caller } from '../../test/caller.ts';

// The home federation deciding requests: each pending request carries the policy's verdict (the
// member's own check, run again now), approving an ineligible one is refused with the reasons,
// and an officer limited to an org unit sees and decides only that unit's (and its sub-units') members.

describe('when the home federation reviews requests', () => {
  let h: Harness;
  let w: World;
  let batchId: string;
  let district: string;
  let inside: TestMember, below: TestMember, outside: TestMember;
  let scoped: Caller;

  const bookingOf = async (m: TestMember) => (await m.caller.recuperation.booking.mine()).find((b) => b.batch.id === batchId)!;

  beforeAll(async () => {
    h = await createHarness();
  });
  // a world of its own for each test: a decision in one test is never seen by another
  beforeEach(async () => {
    w = await makeWorld(h);
    batchId = (await makeBatch(w, { capacity: 10 })).id;
    district = await makeUnit(h, w.nb, '海曙区总工会');
    const street = await makeUnit(h, w.nb, '南门街道总工会', district);
    const other = await makeUnit(h, w.nb, '江北区总工会');
    [inside] = (await makeMembers(h, w.nb, 1, { orgUnitId: district })) as [TestMember];
    [below] = (await makeMembers(h, w.nb, 1, { orgUnitId: street })) as [TestMember];
    [outside] = (await makeMembers(h, w.nb, 1, { orgUnitId: other })) as [TestMember];
    for (const m of [inside!, below!, outside!]) await bookFor(m, batchId);
    // an officer of 海曙区 only, set by the federation's admin on the staff screen
    const officer = await makeStaff(h, w.nb, ['officer']);
    const membership = (await w.nbStaff.staff.list()).find((s) => s.email === officer.email)!;
    await w.nbStaff.staff.updateRoles({ membershipId: membership.membershipId, roles: ['officer'], orgUnitId: district });
    scoped = await callerFor(h, officer, w.nb);
  });
  afterAll(() => h.close());

  it('shows a federation-wide officer every pending request, each judged eligible', async () => {
    const rows = await w.nbStaff.recuperation.booking.list({ side: 'home', status: 'requested' });
    expect(rows.map((r) => r.member.id).sort()).toEqual([inside!.id, below!.id, outside!.id].sort());
    for (const r of rows) expect(r).toMatchObject({ review: { eligible: true, reasons: [] }, can: { approve: true } });
    // the host's staff and the member get no review
    expect((await w.hzStaff.recuperation.booking.list({ side: 'host' }))[0]!.review).toBeNull();
    expect((await bookingOf(inside!)).review).toBeNull();
  });

  it('lists for a scoped officer only the members of their unit and the units below it', async () => {
    const rows = await scoped.recuperation.booking.list({ side: 'home' });
    expect(rows.map((r) => r.member.id).sort()).toEqual([inside!.id, below!.id].sort());
    const q = await scoped.recuperation.booking.list({ side: 'home', q: '会员' });
    expect(q.some((r) => r.member.id === outside!.id)).toBe(false);
  });

  it('refuses a scoped officer the decisions on a member outside their unit (OUT_OF_SCOPE, a FORBIDDEN), and allows those inside', async () => {
    const out = await bookingOf(outside!);
    await expectCode(scoped.recuperation.booking.approve({ id: out.id }), 'OUT_OF_SCOPE');
    await expectCode(scoped.recuperation.booking.reject({ id: out.id, reason: '名额已满' }), 'OUT_OF_SCOPE');
    await expectCode(scoped.recuperation.booking.cancel({ id: out.id, reason: '名额已满' }), 'OUT_OF_SCOPE');
    // readable inside the federation, but no button to press
    const seen = await scoped.recuperation.booking.get({ id: out.id });
    expect(seen.can).toMatchObject({ approve: false, reject: false, cancel: false });
    expect(seen.review).toBeNull();
    expect((await scoped.recuperation.booking.approve({ id: (await bookingOf(below!)).id })).status).toBe('approved');
    expect((await scoped.recuperation.booking.reject({ id: (await bookingOf(inside!)).id, reason: '单位另有安排' })).status).toBe('cancelled');
    // the federation-wide officer still decides the rest
    expect((await w.nbStaff.recuperation.booking.approve({ id: out.id })).status).toBe('approved');
  });

  it('nominates for a scoped officer only members of their units', async () => {
    const later = (await makeBatch(w, { startDate: '2027-04-01' })).id;
    const [x] = (await makeMembers(h, w.nb, 1, { orgUnitId: district })) as [TestMember];
    const [y] = (await makeMembers(h, w.nb, 1)) as [TestMember];
    const res = await scoped.recuperation.booking.nominate({ batchId: later, memberIds: [x!.id, y!.id], consentAttested: true, shareMobile: false });
    expect(res.rows.map((r) => r.outcome)).toEqual(['booked', 'not_found']);
  });

  it('marks a request the policy now refuses, with the reasons, and refuses to approve it', async () => {
    const later = (await makeBatch(w, { startDate: '2027-05-10' })).id;
    const [m] = (await makeMembers(h, w.nb, 1, { orgUnitId: district })) as [TestMember];
    const booked = (await bookFor(m!, later)).booking;
    // the federation lowers the daily budget from 2027: the ¥500.00-a-day route is now over it
    await w.nbStaff.recuperation.policy.create({ ...ZHEJIANG, effectiveFrom: '2027-01-01', budgetPerDayFen: 40_000 });
    const [row] = (await scoped.recuperation.booking.list({ side: 'home', status: 'requested' })).filter((r) => r.id === booked.id);
    expect(row!.review).toMatchObject({ eligible: false, reasons: [{ code: 'budget_per_day', vars: { price: '¥500.00', max: '¥400.00' } }] });
    expect(row!.review!.reasons[0]!.message).toContain('¥400.00');
    expect(row!.can).toMatchObject({ approve: false, reject: true });
    const err = await scoped.recuperation.booking.approve({ id: booked.id }).catch((e: unknown) => e as { cause?: { code: string; details: { reasons: { code: string }[] } } });
    expect(err).toMatchObject({ cause: { code: 'NOT_ELIGIBLE', details: { reasons: [{ code: 'budget_per_day' }] } } });
    expect((await m!.caller.recuperation.booking.get({ id: booked.id })).status).toBe('requested');
  });
});
