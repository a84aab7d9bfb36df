import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runRecuperationOffers } from './waitlist.job.ts';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { bedCounts, bookFor, makeBatch, makeMembers, makeWorld, quotaRow, TODAY, type TestMember, type World } from './recuperation.testkit.ts';

// The waitlist: priority group first, then time; a freed place is offered to the next member
// still eligible for OFFER_HOURS, then (by the job) to the next one.

const HOUR = 3_600_000;

describe('when a full batch frees a place', () => {
  let h: Harness;
  let w: World;
  let batchId: string;
  let a: TestMember, b: TestMember, c: TestMember, d: TestMember;

  const status = async (m: TestMember) => (await m.caller.recuperation.booking.mine()).find((x) => x.batch.id === batchId)!;

  beforeAll(async () => {
    h = await createHarness();
  });
  // each test starts from its own world: a and b hold the two beds, c waits, then d (frontline) waits ahead of c
  beforeEach(async () => {
    w = await makeWorld(h);
    batchId = (await makeBatch(w, { capacity: 2 })).id;
    [a, b, c] = (await makeMembers(h, w.nb, 3)) as [TestMember, TestMember, TestMember];
    [d] = (await makeMembers(h, w.nb, 1, { frontline: true })) as [TestMember];
    for (const m of [a!, b!, c!]) await bookFor(m, batchId);
    h.advance(1000);
    await bookFor(d!, batchId);
  });
  afterAll(() => h.close());

  it('keeps the later frontline member ahead of the earlier one without priority', async () => {
    expect((await status(a!)).status).toBe('requested');
    expect(await status(c!)).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(await status(d!)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });

  it('offers a cancelled place to the head of the waitlist, holding bed and agreement place', async () => {
    const before = (await quotaRow(h, w.nb.id))!;
    await a!.caller.recuperation.booking.cancel({ id: (await status(a!)).id, reason: '家中有事' });
    const offered = await status(d!);
    expect(offered.status).toBe('offered');
    const holds = new Date(offered.offerExpiresAt!).getTime() - h.now().getTime();
    expect(holds).toBeGreaterThan(23.9 * HOUR);
    expect(holds).toBeLessThanOrEqual(24 * HOUR);
    expect(await bedCounts(h, batchId)).toEqual({ bedsTaken: 2, capacity: 2, held: 2 });
    expect(await quotaRow(h, w.nb.id)).toMatchObject({ used: before.used, released: before.released + 1 });
    expect((await d!.caller.notification.list()).items.map((n) => n.kind)).toContain('booking.offered');
    expect(await status(c!)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });

  const cancel = async (m: TestMember, reason: string) => m.caller.recuperation.booking.cancel({ id: (await status(m)).id, reason });

  it('lets the member accept the offer in time: it becomes a request', async () => {
    await cancel(a!, '家中有事');
    const accepted = await d!.caller.recuperation.booking.acceptOffer({ id: (await status(d!)).id });
    expect(accepted.status).toBe('requested');
  });

  it('passes an offer that lapses to nobody else when nobody waits, and returns what it held', async () => {
    // a gave up, d took the offer; now b gives up too and c, the last one waiting, is offered the bed
    await cancel(a!, '家中有事');
    await d!.caller.recuperation.booking.acceptOffer({ id: (await status(d!)).id });
    await b!.caller.recuperation.booking.cancel({ id: (await status(b!)).id, reason: '工作安排' });
    expect((await status(c!)).status).toBe('offered');
    const before = (await quotaRow(h, w.nb.id))!;
    // not yet: the job leaves a live offer alone
    expect((await runRecuperationOffers(h.t.db, h.now(), h.env)).expired).toEqual([]);
    h.advance(25 * HOUR);
    try {
      await expectCode(c!.caller.recuperation.booking.acceptOffer({ id: (await status(c!)).id }), 'BOOKING_CLOSED');
      const r = await runRecuperationOffers(h.t.db, h.now(), h.env);
      // the job runs over every federation: of this batch's bookings, c's offer alone lapsed
      const ours = new Set(await Promise.all([a!, b!, c!, d!].map(async (m) => (await status(m)).id)));
      expect(r.expired.filter((id) => ours.has(id))).toEqual([(await status(c!)).id]);
      expect(await status(c!)).toMatchObject({ status: 'cancelled', cancelKind: 'offer_expired' });
      expect(await bedCounts(h, batchId)).toEqual({ bedsTaken: 1, capacity: 2, held: 1 });
      expect(await quotaRow(h, w.nb.id)).toMatchObject({ used: before.used - 1, released: before.released + 1 });
      // a second run changes nothing
      expect(await runRecuperationOffers(h.t.db, h.now(), h.env)).toEqual({ expired: [], offered: [] });
    } finally {
      h.setNow(TODAY);
    }
  });

  it('skips a waiting member no longer eligible and offers the next one', async () => {
    const full = (await makeBatch(w, { capacity: 1 })).id;
    const [holder, first, second] = await makeMembers(h, w.nb, 3);
    await bookFor(holder!, full);
    await bookFor(first!, full);
    h.advance(1000);
    await bookFor(second!, full);
    // first uses up their 2027 days elsewhere meanwhile
    const elsewhere = (await makeBatch(w, { capacity: 5 })).id;
    await bookFor(first!, elsewhere);
    await holder!.caller.recuperation.booking.cancel({ id: (await holder!.caller.recuperation.booking.mine())[0]!.id, reason: '生病' });
    const mine = async (m: TestMember) => (await m.caller.recuperation.booking.mine()).find((x) => x.batch.id === full)!;
    expect(await mine(first!)).toMatchObject({ status: 'cancelled', cancelKind: 'ineligible' });
    expect((await mine(second!)).status).toBe('offered');
    // declining passes it on (nobody left): the bed is free again
    await second!.caller.recuperation.booking.declineOffer({ id: (await mine(second!)).id });
    expect(await bedCounts(h, full)).toEqual({ bedsTaken: 0, capacity: 1, held: 0 });
  });

  it('refuses a cancellation after the deadline, but a waiting member may always leave', async () => {
    const late = (await makeBatch(w, { capacity: 1, deadline: '2026-11-20', closes: '2026-11-30', startDate: '2026-12-10' })).id;
    const [x, y] = await makeMembers(h, w.nb, 2);
    await bookFor(x!, late);
    await bookFor(y!, late);
    const bx = (await x!.caller.recuperation.booking.mine()).find((q) => q.batch.id === late)!;
    expect(bx.can.cancel).toBe(false);
    await expectCode(x!.caller.recuperation.booking.cancel({ id: bx.id }), 'BOOKING_CLOSED');
    const by = (await y!.caller.recuperation.booking.mine()).find((q) => q.batch.id === late)!;
    expect((await y!.caller.recuperation.booking.cancel({ id: by.id })).status).toBe('cancelled');
  });
});
