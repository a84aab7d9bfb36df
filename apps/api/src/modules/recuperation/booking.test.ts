import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, makeStaff, signInCookie, startServer, type Harness, type TestUser } from '../../test/harness.ts';
import { idNumberFor } from '../member/member.testkit.ts';
import { bedCounts, bookFor, makeBatch, makeMembers, makeWorld, quotaRow, TODAY, type TestMember, type World } from './recuperation.testkit.ts';

// A Ningbo member books a Hangzhou batch under the 杭甬 agreement: the journey, who sees what,
// and what the database holds afterwards.

describe('booking a partner city batch', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const COMPANION = { name: '配偶甲', relation: 'spouse' as const, idNumber: idNumberFor(7) };

  /**
   * A world of its own with the journey run up to a step, so each test passes alone and in any
   * order: a Hangzhou batch of 10 beds and two Ningbo members; then `me` books with a companion;
   * then the booking is approved and confirmed; or `other` books too.
   */
  async function journey(upTo: 'open' | 'booked' | 'confirmed' | 'both booked') {
    const w: World = await makeWorld(h);
    const batchId = (await makeBatch(w, { capacity: 10 })).id;
    const [me, other] = (await makeMembers(h, w.nb, 2)) as [TestMember, TestMember];
    if (upTo !== 'open') await bookFor(me, batchId, { companions: [COMPANION], key: 'submit-one' });
    if (upTo === 'confirmed') {
      const [mine] = await me.caller.recuperation.booking.mine();
      await w.nbStaff.recuperation.booking.approve({ id: mine!.id, rowVersion: mine!.rowVersion });
      await w.hzStaff.recuperation.booking.confirm({ id: mine!.id });
    }
    if (upTo === 'both booked') await bookFor(other, batchId);
    return { w, batchId, me, other };
  }

  it('shows the batch in the member catalogue with places left and eligibility', async () => {
    const { w, batchId, me } = await journey('open');
    const list = await me!.caller.recuperation.catalog.list();
    const b = list.find((x) => x.id === batchId)!;
    expect(b).toMatchObject({ bedsLeft: 10, bookable: true, usesAgreementPlaces: true, hostSlug: w.hz.slug });
    expect(b.bases[0]!.name).toBe('西湖疗休养基地');
    const detail = await me!.caller.recuperation.catalog.batch({ batchId });
    expect(detail.eligibility).toMatchObject({ eligible: true, placesLeft: 200 });
    expect(detail.myBooking).toBeNull();
  });

  it('books with a companion: two beds, one agreement place, repeat harmless', async () => {
    const { w, batchId, me } = await journey('open');
    const first = await bookFor(me!, batchId, { companions: [COMPANION], key: 'submit-one' });
    expect(first).toMatchObject({ created: true, booking: { status: 'requested', beds: 2, usesAgreementPlace: true } });
    expect(first.booking.companions[0]!.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const again = await bookFor(me!, batchId, { companions: [COMPANION], key: 'submit-one' });
    expect(again).toMatchObject({ created: false, booking: { id: first.booking.id } });
    // another key for the same batch: still the one booking
    const other2 = await bookFor(me!, batchId, { key: 'submit-two' });
    expect(other2).toMatchObject({ created: false, booking: { id: first.booking.id } });
    expect(await bedCounts(h, batchId)).toEqual({ bedsTaken: 2, capacity: 10, held: 2 });
    expect(await quotaRow(h, w.nb.id)).toMatchObject({ granted: 200, used: 1, pool_used: 1 });
  });

  it('runs requested → approved (home) → confirmed (host), with the QR token for the member alone', async () => {
    const { w, me } = await journey('booked');
    const [mine] = await me!.caller.recuperation.booking.mine();
    expect(mine!.checkinToken).toBeNull();
    // both parties' agreement overview shows what the booking waits for, until it is confirmed
    const waitingFor = async (c: typeof w.hzStaff) => {
      const o = await c.cooperation.overview({ agreementId: w.agreementId, year: 2026 });
      return o.sections.find((x) => x.commons === 'recuperation')?.attention.filter((a) => a.key.startsWith('booking.')).map((a) => a.detail.zh) ?? [];
    };
    for (const c of [w.hzStaff, w.nbStaff]) expect(await waitingFor(c)).toEqual([expect.stringMatching(/有1个预订待.+审核$/)]);
    await expectCode(w.hzStaff.recuperation.booking.confirm({ id: mine!.id }), 'BOOKING_STATE');
    await expectCode(w.hzStaff.recuperation.booking.approve({ id: mine!.id }), 'FORBIDDEN');
    const approved = await w.nbStaff.recuperation.booking.approve({ id: mine!.id, rowVersion: mine!.rowVersion });
    expect(approved.status).toBe('approved');
    expect(await waitingFor(w.hzStaff)).toEqual([expect.stringMatching(/有1个预订待.+确认接待$/)]);
    const confirmed = await w.hzStaff.recuperation.booking.confirm({ id: mine!.id });
    expect(confirmed).toMatchObject({ status: 'confirmed', checkinToken: null });
    for (const c of [w.hzStaff, w.nbStaff]) expect(await waitingFor(c)).toEqual([]);
    const seen = await me!.caller.recuperation.booking.get({ id: mine!.id });
    expect(seen.checkinToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // the member was told at each step, in-app and by email
    const notes = await me!.caller.notification.list();
    expect(notes.items.map((n) => n.kind)).toEqual(expect.arrayContaining(['booking.requested', 'booking.approved', 'booking.confirmed']));
    const [mails] = await h.t.query<{ n: number }>(`select count(*)::int as n from outbox where to_email = $1`, [`m-${me!.userId}@example.test`]);
    expect(mails!.n).toBe(3);
  });

  it('lets the host see partner members only as consent covers: masked ID numbers, no mobile', async () => {
    const { w, batchId, me } = await journey('booked');
    const roster = await w.hzStaff.recuperation.batch.roster({ batchId });
    expect(roster.totals).toMatchObject({ members: 1, companions: 1, beds: 2, partnerMembers: 1 });
    const row = roster.rows[0]!;
    expect(row.member.idNumberMasked).toBe(`${me!.idNumber.slice(0, 6)}********${me!.idNumber.slice(-4)}`);
    expect(row.member.mobile).toBeNull();
    expect(row.checkinToken).toBeNull();
    expect(JSON.stringify(roster)).not.toContain(me!.idNumber);
  });

  it('keeps each member to their own bookings', async () => {
    const { batchId, me, other } = await journey('booked');
    await bookFor(other!, batchId);
    expect((await other!.caller.recuperation.booking.mine()).every((b) => b.member.id === other!.id)).toBe(true);
    const [mine] = await me!.caller.recuperation.booking.mine();
    await expectCode(other!.caller.recuperation.booking.get({ id: mine!.id }), 'NOT_FOUND');
    await expectCode(other!.caller.recuperation.booking.cancel({ id: mine!.id }), 'NOT_FOUND');
    await expectCode(other!.caller.recuperation.booking.list({ side: 'home' }), 'FORBIDDEN');
  });

  it('answers NOT_FOUND to a federation outside the agreement', async () => {
    const { w, batchId, me } = await journey('booked');
    const [mine] = await me!.caller.recuperation.booking.mine();
    await expectCode(w.sxStaff.recuperation.catalog.batch({ batchId }), 'NOT_FOUND');
    await expectCode(w.sxStaff.recuperation.booking.get({ id: mine!.id }), 'NOT_FOUND');
    await expectCode(w.sxStaff.recuperation.batch.roster({ batchId }), 'NOT_FOUND');
    await expectCode(w.sxStaff.recuperation.batch.get({ id: batchId }), 'NOT_FOUND');
    await expectCode(w.sxStaff.recuperation.quota.panel({ agreementId: w.agreementId }), 'NOT_FOUND');
    await expectCode(w.sxStaff.recuperation.booking.reject({ id: mine!.id, reason: 'x' }), 'NOT_FOUND');
    await expectCode(w.sxStaff.recuperation.booking.checkIn({ token: 'x'.repeat(32) }), 'NOT_FOUND');
    expect((await w.sxStaff.recuperation.catalog.list()).find((b) => b.id === batchId)).toBeUndefined();
    // and the partner sees the host's batch but not its roster
    await expectCode(w.nbStaff.recuperation.batch.roster({ batchId }), 'NOT_FOUND');
  });

  it('checks in by QR token from the day before the start, once; then completes', async () => {
    const { w, me } = await journey('confirmed');
    const [mine] = await me!.caller.recuperation.booking.mine();
    const token = (await me!.caller.recuperation.booking.get({ id: mine!.id })).checkinToken!;
    await expectCode(w.hzStaff.recuperation.booking.checkIn({ token }), 'CHECKIN_TOO_EARLY');
    h.setNow(new Date('2027-02-28T01:00:00Z'));
    try {
      await expectCode(w.nbStaff.recuperation.booking.checkIn({ token }), 'NOT_FOUND');
      const checked = await w.hzStaff.recuperation.booking.checkIn({ token });
      expect(checked!.checkedInAt).not.toBeNull();
      expect((await w.hzStaff.recuperation.booking.checkIn({ token }))!.checkedInAt).toBe(checked!.checkedInAt);
      expect((await w.hzStaff.recuperation.booking.complete({ id: mine!.id })).status).toBe('completed');
    } finally {
      h.setNow(TODAY);
    }
  });

  it('checks in by the 6-digit code read aloud, within the batch the desk chose', async () => {
    const { w, me, batchId } = await journey('confirmed');
    const [mine] = await me!.caller.recuperation.booking.mine();
    const code = (await me!.caller.recuperation.booking.get({ id: mine!.id })).checkinCode!;
    expect(code).toMatch(/^\d{6}$/);
    // staff never see it (it checks the member in)
    expect((await w.hzStaff.recuperation.booking.get({ id: mine!.id })).checkinCode).toBeNull();
    await expectCode(w.hzStaff.recuperation.booking.checkIn({ batchId, code }), 'CHECKIN_TOO_EARLY');
    h.setNow(new Date('2027-02-28T01:00:00Z'));
    try {
      const wrong = code === '000000' ? '000001' : '000000';
      // an unknown code is an answer (null), so the miss it counts against the desk is kept
      expect(await w.hzStaff.recuperation.booking.checkIn({ batchId, code: wrong })).toBeNull();
      expect(await w.hzStaff.recuperation.booking.checkIn({ batchId: crypto.randomUUID(), code })).toBeNull();
      expect(await w.nbStaff.recuperation.booking.checkIn({ batchId, code })).toBeNull();
      await expectCode(w.hzStaff.recuperation.booking.checkIn({ batchId, code: '12345' }), 'BAD_REQUEST');
      const checked = await w.hzStaff.recuperation.booking.checkIn({ batchId, code });
      expect(checked!.id).toBe(mine!.id);
      expect(checked!.checkedInAt).not.toBeNull();
    } finally {
      h.setNow(TODAY);
    }
  });

  it('places used each way are the same figures on both sides', async () => {
    const { w } = await journey('both booked');
    const a = await w.hzStaff.recuperation.quota.panel({ agreementId: w.agreementId, year: 2027 });
    const b = await w.nbStaff.recuperation.quota.panel({ agreementId: w.agreementId, year: 2027 });
    expect(a).toEqual(b);
    expect(a.flows.find((f) => f.hostSlug === w.hz.slug)).toMatchObject({ receiverSlug: w.nb.slug, granted: 200, used: 2 });
    expect(a.flows.find((f) => f.hostSlug === w.nb.slug)).toMatchObject({ granted: 200, used: 0 });
    // and as the joint-items dashboard shows it: the current year's flows, so the clock moves into 2027
    h.setNow(new Date('2027-01-05T02:00:00Z'));
    try {
      const dash = await w.nbStaff.dashboard.panels({ scope: 'agreement', agreementId: w.agreementId });
      const panel = dash.panels.find((p) => p.key === 'recuperation.places')!;
      expect(panel.view).toMatchObject({ type: 'matrix', values: expect.arrayContaining([[200, 2, 0], [200, 0, 0]]) });
    } finally {
      h.setNow(TODAY);
    }
  });

  it('exports the roster to Excel and PDF', async () => {
    const { w, batchId } = await journey('booked');
    const x = await w.hzStaff.recuperation.batch.rosterXlsx({ batchId });
    expect(Buffer.from(x.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const p = await w.hzStaff.recuperation.batch.rosterPdf({ batchId });
    expect(Buffer.from(p.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('serves the roster as plain GET downloads to the host only', async () => {
    const { w, batchId } = await journey('booked');
    const server = await startServer(h);
    try {
      const get = async (slug: string, user: TestUser, file: string) =>
        fetch(`${server.url}/api/t/${slug}/recuperation/batches/${batchId}/${file}`, { headers: { cookie: await signInCookie(server.url, user) } });
      const host = await makeStaff(h, w.hz, ['officer']);
      const xlsx = await get(w.hz.slug, host, 'roster.xlsx');
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
      expect((await get(w.hz.slug, host, 'roster.pdf')).headers.get('content-type')).toBe('application/pdf');
      expect((await get(w.sx.slug, await makeStaff(h, w.sx, ['admin']), 'roster.pdf')).status).toBe(404);
      expect((await get(w.nb.slug, await makeStaff(h, w.nb, ['admin']), 'roster.xlsx')).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
