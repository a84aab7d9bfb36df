import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { runRecuperationOffers } from './waitlist.job.ts';
import { bedCounts, bookFor, makeBatch, makeMembers, makeWorld, quotaRow, type TestMember, type World } from './recuperation.testkit.ts';

// Defects found in testing (issue 12): a cancelled batch must free what its bookings held and
// tell everyone concerned; a base whose certification does not cover the trip cannot be booked.

describe('when the host cancels a batch', () => {
  let h: Harness;
  let w: World;
  let batch: Awaited<ReturnType<typeof makeBatch>>;
  let a: TestMember, b: TestMember, c: TestMember;
  const mine = async (m: TestMember) => (await m.caller.recuperation.booking.mine()).find((x) => x.batch.id === batch.id)!;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeWorld(h);
    batch = await makeBatch(w, { capacity: 2 });
    [a, b, c] = (await makeMembers(h, w.nb, 3)) as [TestMember, TestMember, TestMember];
    for (const m of [a, b, c]) await bookFor(m, batch.id);
  });
  afterAll(() => h.close());

  it('frees every bed and agreement place, cancels each booking and tells the member and their federation', async () => {
    const before = (await quotaRow(h, w.nb.id))!;
    expect(before.used).toBe(2);
    expect(await bedCounts(h, batch.id)).toMatchObject({ bedsTaken: 2, held: 2 });
    const current = (await w.hzStaff.recuperation.batch.list({})).find((x) => x.id === batch.id)!;
    await w.hzStaff.recuperation.batch.update({
      id: batch.id,
      rowVersion: current.rowVersion,
      status: 'cancelled',
      routeId: w.routeId,
      code: current.code,
      startDate: current.startDate,
      nights: current.nights,
      capacity: current.capacity,
      bookingOpens: current.bookingOpens,
      bookingCloses: current.bookingCloses,
      cancelDeadline: current.cancelDeadline,
    });
    expect(await bedCounts(h, batch.id)).toMatchObject({ bedsTaken: 0, held: 0 });
    expect((await quotaRow(h, w.nb.id))!.used).toBe(0);
    for (const m of [a, b, c]) {
      expect(await mine(m)).toMatchObject({ status: 'cancelled', cancelKind: 'batch_cancelled' });
      expect((await m.caller.notification.list()).items.map((n) => n.kind)).toContain('booking.batch_cancelled');
    }
    const staffNotices = (await w.nbStaff.notification.list()).items.filter((n) => n.kind === 'booking.batch_cancelled_home');
    expect(staffNotices).toHaveLength(3);
    // and the places job finds nothing left to close
    expect((await runRecuperationOffers(h.t.db, h.now(), h.env)).offered).toEqual([]);
  });

  it('takes no new booking on it', async () => {
    const [d] = await makeMembers(h, w.nb, 1);
    await expectCode(bookFor(d!, batch.id), 'NOT_ELIGIBLE');
  });
});

describe('when a base certification does not cover the batch', () => {
  let h: Harness;
  let w: World;
  beforeAll(async () => {
    h = await createHarness();
    w = await makeWorld(h);
  });
  afterAll(() => h.close());

  it('refuses the booking, naming the base and the end of its certification', async () => {
    const base = (await w.hzStaff.recuperation.base.list()).find((x) => x.id === w.baseId)!;
    await w.hzStaff.recuperation.base.update({ ...base, id: base.id, rowVersion: base.rowVersion, certifiedFrom: '2024-01-01', certifiedUntil: '2027-02-28' } as never);
    const batch = await makeBatch(w, { startDate: '2027-03-01' });
    const [m] = await makeMembers(h, w.nb, 1);
    const eligibility = await m!.caller.recuperation.booking.eligibility({ batchId: batch.id });
    expect(eligibility.reasons.map((r) => r.code)).toContain('base_not_certified');
    expect(eligibility.reasons.find((r) => r.code === 'base_not_certified')!.message).toContain('2027-02-28');
    await expectCode(bookFor(m!, batch.id), 'NOT_ELIGIBLE');
  });

  it('books a batch whose whole stay falls within the certification', async () => {
    const batch = await makeBatch(w, { startDate: '2027-02-10', deadline: '2027-02-01', closes: '2027-02-01' });
    const [m] = await makeMembers(h, w.nb, 1);
    expect((await bookFor(m!, batch.id)).booking.status).toBe('requested');
  });
});
