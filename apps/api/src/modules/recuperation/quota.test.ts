import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeStaff, type Harness } from '../../test/harness.ts';
import { bedCounts, bookFor, makeBatch, makeMembers, makeUnit, makeWorld, memberCaller, quotaRow, ZHEJIANG, type World } from './recuperation.testkit.ts';

// The home federation's side: policy with effective dates, places allocated down the org tree,
// refusals with reasons in the member's language, nominations, and both sides refusing.

const refusalCodes = (e: unknown) => ((e as { cause?: { details?: { reasons?: { code: string }[] } } }).cause?.details?.reasons ?? []).map((r) => r.code);

describe('policy, allocations and nominations', () => {
  let h: Harness;
  let w: World;

  beforeAll(async () => {
    h = await createHarness();
  });
  // a world of its own for each test: one test's places and policies are never another's
  beforeEach(async () => {
    w = await makeWorld(h);
  });
  afterAll(() => h.close());

  it('keeps a policy in force as it was, and lets a later one take over', async () => {
    const [current] = await w.nbStaff.recuperation.policy.list();
    expect(current).toMatchObject({ current: true, maxDaysPerTrip: 5 });
    await expectCode(w.nbStaff.recuperation.policy.update({ ...ZHEJIANG, id: current!.id, maxDaysPerTrip: 7 }), 'BAD_INPUT');
    await expectCode(w.nbStaff.recuperation.policy.create(ZHEJIANG), 'CONFLICT');
    const later = await w.nbStaff.recuperation.policy.create({ ...ZHEJIANG, effectiveFrom: '2028-01-01', maxDaysPerTrip: 4 });
    expect(later.current).toBe(false);
    expect((await w.nbStaff.recuperation.policy.update({ ...ZHEJIANG, id: later.id, effectiveFrom: '2028-01-01', maxDaysPerTrip: 3 })).maxDaysPerTrip).toBe(3);
    expect((await w.nbStaff.recuperation.policy.update({ ...ZHEJIANG, id: current!.id, effectiveTo: '2027-12-31' })).effectiveTo).toBe('2027-12-31');
    const [m] = await makeMembers(h, w.nb, 1);
    await expectCode(m!.caller.recuperation.policy.list(), 'FORBIDDEN');
    // a 2028 batch of 5 days is judged by the 2028 policy (3 days at most), in English for an English reader
    const b2028 = await makeBatch(w, { startDate: '2028-03-06', closes: '2028-02-20', deadline: '2028-02-25' });
    const en = memberCaller(h, w.nb, m!.userId, 'en');
    const elig = await en.recuperation.booking.eligibility({ batchId: b2028.id });
    expect(elig.reasons.map((r) => r.code)).toContain('trip_too_long');
    expect(elig.reasons.find((r) => r.code === 'trip_too_long')!.message).toBe('This trip lasts 5 days, more than the 3 days allowed per trip (travel included)');
    await expectCode(bookFor(m!, b2028.id), 'NOT_ELIGIBLE');
  });

  it('draws places from the unit share nearest up the tree, and stops there', async () => {
    const district = await makeUnit(h, w.nb, '海曙区总工会');
    const street = await makeUnit(h, w.nb, '南门街道总工会', district);
    const res = await w.nbStaff.recuperation.quota.allocate({ agreementId: w.agreementId, hostSlug: w.hz.slug, year: 2027, orgUnitId: district, places: 2 });
    expect(res.allocations).toEqual([expect.objectContaining({ orgUnitName: '海曙区总工会', places: 2, used: 0 })]);
    expect(res.pool.places).toBe(198);
    const batch = await makeBatch(w, { capacity: 10 });
    const local = await makeMembers(h, w.nb, 3, { orgUnitId: street });
    await bookFor(local[0]!, batch.id);
    await bookFor(local[1]!, batch.id);
    const refused = await bookFor(local[2]!, batch.id).catch((e: unknown) => e);
    expect(refusalCodes(refused)).toEqual(['quota_exhausted']);
    const [elsewhere] = await makeMembers(h, w.nb, 1);
    expect((await bookFor(elsewhere!, batch.id)).booking.status).toBe('requested');
    expect(await quotaRow(h, w.nb.id)).toMatchObject({ allocated: 2, used: 3, pool_used: 1 });
    const after = await w.nbStaff.recuperation.quota.allocations({ agreementId: w.agreementId, hostSlug: w.hz.slug, year: 2027 });
    expect(after.allocations[0]).toMatchObject({ places: 2, used: 2 });
    await expectCode(w.nbStaff.recuperation.quota.allocate({ agreementId: w.agreementId, hostSlug: w.hz.slug, year: 2027, orgUnitId: district, places: 1 }), 'CONFLICT');
    await expectCode(w.nbStaff.recuperation.quota.allocate({ agreementId: w.agreementId, hostSlug: w.hz.slug, year: 2027, orgUnitId: street, places: 199 }), 'CONFLICT');
    await expectCode(w.sxStaff.recuperation.quota.allocate({ agreementId: w.agreementId, hostSlug: w.hz.slug, year: 2027, orgUnitId: district, places: 1 }), 'NOT_FOUND');
    // the host sees the same ledger from its side
    const hostView = (await w.hzStaff.recuperation.quota.list({ year: 2027 })).find((q) => q.direction === 'granted_by_us')!;
    expect(hostView).toMatchObject({ granted: 200, used: 3, allocated: 2 });
  });

  it('refuses a member of a federation outside the agreement as if the batch did not exist', async () => {
    const batch = await makeBatch(w);
    const [outsider] = await makeMembers(h, w.sx, 1);
    await expectCode(bookFor(outsider!, batch.id), 'NOT_FOUND');
    await expectCode(outsider!.caller.recuperation.catalog.batch({ batchId: batch.id }), 'NOT_FOUND');
  });

  it('lets the home federation refuse a request and the host an approved one, returning bed and place', async () => {
    const batch = await makeBatch(w, { capacity: 3 });
    const [x, y] = await makeMembers(h, w.nb, 2);
    const bx = (await bookFor(x!, batch.id)).booking;
    const by = (await bookFor(y!, batch.id)).booking;
    const before = (await quotaRow(h, w.nb.id))!;
    await expectCode(w.nbStaff.recuperation.booking.reject({ id: bx.id, reason: '' }), 'BAD_INPUT');
    expect((await w.nbStaff.recuperation.booking.reject({ id: bx.id, reason: '名额已安排给一线职工' })).cancelKind).toBe('home_rejected');
    await w.nbStaff.recuperation.booking.approve({ id: by.id });
    expect((await w.hzStaff.recuperation.booking.reject({ id: by.id, reason: '基地检修' })).cancelKind).toBe('host_rejected');
    expect(await bedCounts(h, batch.id)).toEqual({ bedsTaken: 0, capacity: 3, held: 0 });
    expect(await quotaRow(h, w.nb.id)).toMatchObject({ used: before.used - 2, released: before.released + 2 });
    expect((await x!.caller.notification.list()).items[0]!.kind).toBe('booking.rejected');
  });

  it('books a host member without agreement places, and shows the mobile only with consent', async () => {
    const batch = await makeBatch(w);
    const [own] = await makeMembers(h, w.hz, 1);
    const input = { batchId: batch.id, companions: [], consent: { accepted: true as const, shareMobile: true }, idempotencyKey: 'own-member-1' };
    expect(refusalCodes(await own!.caller.recuperation.booking.book(input).catch((e: unknown) => e))).toEqual(['no_policy']);
    await w.hzStaff.recuperation.policy.create(ZHEJIANG);
    const b = await own!.caller.recuperation.booking.book(input);
    expect(b.booking).toMatchObject({ usesAgreementPlace: false, member: { mobile: '13800000000' } });
    const roster = await w.hzStaff.recuperation.batch.roster({ batchId: batch.id });
    expect(roster.totals).toMatchObject({ ownMembers: 1, partnerMembers: 0 });
  });

  it('nominates from an Excel list: booked, refused with reasons, not found', async () => {
    const batch = await makeBatch(w, { capacity: 5 });
    const ms = await makeMembers(h, w.nb, 2);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('推荐名单');
    sheet.addRow(['姓名', '身份证号']);
    sheet.addRow(['会员0', ms[0]!.idNumber]);
    sheet.addRow(['别人', ms[1]!.idNumber]);
    sheet.addRow(['会员9', '110101199001011234']);
    const fileBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const r = await w.nbStaff.recuperation.booking.nominateXlsx({ batchId: batch.id, fileBase64, consentAttested: true, shareMobile: false });
    expect(r.rows.map((x) => [x.row, x.outcome])).toEqual([
      [2, 'booked'],
      [3, 'not_found'],
      [4, 'not_found'],
    ]);
    const nominated = await w.nbStaff.recuperation.booking.get({ id: r.rows[0]!.bookingId! });
    expect(nominated).toMatchObject({ status: 'approved', nominated: true, consent: { method: 'staff_attested' } });
    // again: already booked, nothing new
    const again = await w.nbStaff.recuperation.booking.nominate({ batchId: batch.id, memberIds: [ms[0]!.id], consentAttested: true, shareMobile: false });
    expect(again.rows[0]!.outcome).toBe('already_booked');
    // another federation's staff cannot nominate our members: to them the ids are nobody
    const foreign = await w.hzStaff.recuperation.booking.nominate({ batchId: batch.id, memberIds: [ms[1]!.id], consentAttested: true, shareMobile: false });
    expect(foreign.rows[0]!.outcome).toBe('not_found');
    const reader = await callerFor(h, await makeStaff(h, w.nb, ['lead']), w.nb);
    await expectCode(reader.recuperation.booking.nominate({ batchId: batch.id, memberIds: [ms[1]!.id], consentAttested: true, shareMobile: false }), 'FORBIDDEN');
  });
});
