import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { bookFor, makeBatch, makeMembers, makeWorld, ZHEJIANG, type TestMember, type World } from './recuperation.testkit.ts';

// Shaoxing is no party to the 杭甬 agreement: every recuperation procedure that names a Hangzhou
// base, route, batch, the agreement or a Ningbo booking answers NOT_FOUND to its staff and members,
// and the lists it may call show none of them.

describe('recuperation, seen from a federation outside the agreement', () => {
  let h: Harness;
  let w: World;
  let batchId: string;
  let bookingId: string;
  let outsider: TestMember;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeWorld(h);
    batchId = (await makeBatch(w)).id;
    const [nbMember] = (await makeMembers(h, w.nb, 1)) as [TestMember];
    bookingId = (await bookFor(nbMember, batchId)).booking.id;
    [outsider] = (await makeMembers(h, w.sx, 1)) as [TestMember];
    await w.sxStaff.recuperation.policy.create(ZHEJIANG);
  });
  afterAll(() => h.close());

  it('answers NOT_FOUND to the outside staff for every procedure naming the partners’ records', async () => {
    const sx = w.sxStaff.recuperation;
    const booking = { id: bookingId };
    // thunks, called one at a time: a promise made up front would reject before it is awaited
    const calls: [string, () => Promise<unknown>][] = [
      ['base.get', () => sx.base.get({ id: w.baseId })],
      ['base.update', () => sx.base.update({ id: w.baseId, rowVersion: 1, name: 'x', city: 'x', address: 'x', description: '', photos: [], facilities: [], certificationLevel: 'provincial', certifiedFrom: '2025-01-01', certifiedUntil: '2028-12-31', active: true })],
      ['route.get', () => sx.route.get({ id: w.routeId })],
      ['route.update', () => sx.route.update({ id: w.routeId, rowVersion: 1, title: 'x', description: '', baseIds: [w.baseId], days: 5, itinerary: [{ day: 1, text: 'x' }], pricePerDayFen: 1, active: true })],
      ['batch.get', () => sx.batch.get({ id: batchId })],
      ['batch.update', () => sx.batch.update({ id: batchId, rowVersion: 1, status: 'closed', routeId: w.routeId, code: 'X', startDate: '2027-03-01', nights: 4, capacity: 20, bookingOpens: '2026-11-01', bookingCloses: '2027-02-15', cancelDeadline: '2027-02-20' })],
      ['batch.roster', () => sx.batch.roster({ batchId })],
      ['batch.rosterXlsx', () => sx.batch.rosterXlsx({ batchId })],
      ['batch.rosterPdf', () => sx.batch.rosterPdf({ batchId })],
      ['catalog.batch', () => sx.catalog.batch({ batchId })],
      ['quota.allocations', () => sx.quota.allocations({ agreementId: w.agreementId, hostSlug: w.hz.slug, year: 2026 })],
      ['quota.allocate', () => sx.quota.allocate({ agreementId: w.agreementId, hostSlug: w.hz.slug, year: 2026, orgUnitId: w.sx.rootUnitId, places: 1 })],
      ['quota.panel', () => sx.quota.panel({ agreementId: w.agreementId })],
      ['booking.get', () => sx.booking.get(booking)],
      ['booking.cancel', () => sx.booking.cancel({ ...booking, reason: '' })],
      ['booking.approve', () => sx.booking.approve(booking)],
      ['booking.confirm', () => sx.booking.confirm(booking)],
      ['booking.reject', () => sx.booking.reject({ ...booking, reason: '不符合' })],
      ['booking.noShow', () => sx.booking.noShow(booking)],
      ['booking.complete', () => sx.booking.complete(booking)],
      ['booking.nominate', () => sx.booking.nominate({ batchId, memberIds: [outsider.id], consentAttested: true, shareMobile: false })],
    ];
    for (const [name, call] of calls) await expectCode(call(), 'NOT_FOUND').catch((e: unknown) => { throw new Error(`${name}: ${String(e)}`); });
  });

  it('answers NOT_FOUND to an outside member for the partners’ batch and booking', async () => {
    const r = outsider.caller.recuperation;
    await expectCode(r.catalog.batch({ batchId }), 'NOT_FOUND');
    await expectCode(r.booking.eligibility({ batchId }), 'NOT_FOUND');
    await expectCode(r.booking.book({ batchId, companions: [], consent: { accepted: true, shareMobile: false }, idempotencyKey: 'outsider-1' }), 'NOT_FOUND');
    await expectCode(r.booking.get({ id: bookingId }), 'NOT_FOUND');
    await expectCode(r.booking.cancel({ id: bookingId, reason: '' }), 'NOT_FOUND');
    await expectCode(r.booking.acceptOffer({ id: bookingId }), 'NOT_FOUND');
    await expectCode(r.booking.declineOffer({ id: bookingId }), 'NOT_FOUND');
  });

  it('shows none of the partners’ records in the lists the outside federation may call', async () => {
    const sx = w.sxStaff.recuperation;
    expect(await sx.base.list()).toEqual([]);
    expect(await sx.route.list()).toEqual([]);
    expect(await sx.batch.list()).toEqual([]);
    expect((await sx.catalog.list()).map((b) => b.id)).not.toContain(batchId);
    expect((await outsider.caller.recuperation.catalog.list()).map((b) => b.id)).not.toContain(batchId);
    expect(await sx.quota.list()).toEqual([]);
    expect(await sx.booking.list({ side: 'home' })).toEqual([]);
    expect(await sx.booking.list({ side: 'host' })).toEqual([]);
    expect(await outsider.caller.recuperation.booking.mine()).toEqual([]);
  });
});
