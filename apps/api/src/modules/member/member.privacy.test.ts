import { ACCESS, ID_NUMBER_ROLES, maskIdNumber, ROLES, type Role } from '@uc/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeStaff, type Harness } from '../../test/harness.ts';
import { makeBatch, makeMembers, makeWorld, type TestMember, type World } from '../recuperation/recuperation.testkit.ts';
import { idNumberFor, readXlsx } from './member.testkit.ts';

// Masking that masks (issue 14, decisions/0015): for every answer that carries member data —
// DTOs, the member export, the roster and its files — what each role can rebuild from it. The
// masked ID number keeps the first 6 and last 4 digits; the 8 hidden ones are the birth date, so
// an answer "rebuilds" the number when it holds the full number, or the masked one together
// with the birth date in any spelling. Only ID_NUMBER_ROLES may rebuild it (and see the mobile).

const ID = idNumberFor(4242, '330203');
const MOBILE = '13912345678';

/** what an answer (JSON, or a file's text) lets its reader rebuild */
export function rebuilds(text: string, idNumber: string, mobile: string) {
  const [y, m, d] = [idNumber.slice(6, 10), idNumber.slice(10, 12), idNumber.slice(12, 14)];
  const birth = [`${y}-${m}-${d}`, `${y}${m}${d}`, `${y}/${m}/${d}`, `${y}年${Number(m)}月${Number(d)}日`, `${y}.${m}.${d}`];
  const masked = text.includes(maskIdNumber(idNumber)) || (text.includes(idNumber.slice(0, 6)) && text.includes(idNumber.slice(-4)));
  return {
    idNumber: text.includes(idNumber) || (masked && birth.some((b) => text.includes(b))),
    mobile: text.includes(mobile),
  };
}

const fileText = async (base64: string) => JSON.stringify(await readXlsx(Buffer.from(base64, 'base64')));
const full = (r: Role) => (ID_NUMBER_ROLES as readonly Role[]).includes(r);
const STAFF = ROLES.filter((r) => r !== 'member');
/** the role matrix lets the role call the procedure at all (else it is refused before anything is read) */
const may = (path: string, r: Role) => {
  const access = ACCESS[path];
  return Array.isArray(access) && access.includes(r);
};

describe('what each role can rebuild from member data', () => {
  let h: Harness;
  let w: World;
  let memberId: string;
  let batchId: string;
  let booker: TestMember;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeWorld(h);
    const m = await w.nbStaff.member.create({ name: '隐私甲', gender: 'female', mobile: MOBILE, idNumber: ID, orgUnitId: w.nb.rootUnitId });
    memberId = m.id;
    // a member of the same federation books a Hangzhou batch and shares the mobile with the host
    booker = (await makeMembers(h, w.nb, 1))[0]!;
    await h.t.query('update member set mobile = $1 where id = $2', [MOBILE, booker.id]);
    batchId = (await makeBatch(w)).id;
    await booker.caller.recuperation.booking.book({ batchId, companions: [], consent: { accepted: true, shareMobile: true }, idempotencyKey: `privacy-${booker.id}` });
  });
  afterAll(() => h.close());

  it.each(STAFF)('member.list / get / exportXlsx as %s', async (role) => {
    const c = await callerFor(h, await makeStaff(h, w.nb, [role]), w.nb);
    if (!may('member.list', role)) {
      // least privilege (issue 12): the role reads no member data at all
      await expectCode(c.member.list({ q: '隐私甲' }), 'FORBIDDEN');
      await expectCode(c.member.get({ id: memberId }), 'FORBIDDEN');
      await expectCode(c.member.exportXlsx({ q: '隐私甲' }), 'FORBIDDEN');
      return;
    }
    const list = await c.member.list({ q: '隐私甲' });
    const got = await c.member.get({ id: memberId });
    const file = await c.member.exportXlsx({ q: '隐私甲' });
    expect(got.birthYear).toBe(Number(ID.slice(6, 10)));
    for (const text of [JSON.stringify(list), JSON.stringify(got)]) {
      expect(rebuilds(text, ID, MOBILE), `${role}: ${text.slice(0, 300)}`).toEqual({ idNumber: full(role), mobile: full(role) });
    }
    // the export has no birth-date column: nobody rebuilds the number from it
    expect(rebuilds(await fileText(file.base64), ID, MOBILE)).toEqual({ idNumber: false, mobile: full(role) });
    // nor by searching: a whole ID number (masked digits guessed) or mobile digits find nobody
    // for a role without ID-number access, so the search is no oracle either
    const probe = async (q: string) => (await c.member.list({ q })).total > 0;
    expect(await probe(ID)).toBe(full(role));
    expect(await probe(MOBILE.slice(3))).toBe(full(role));
    expect(await probe('隐私')).toBe(true);
  });

  it('logs every read of members\' personal data in the reader\'s chain: who was shown on a list page, a record, a roster', async () => {
    const reader = await makeStaff(h, w.nb, ['officer']);
    const officer = await callerFor(h, reader, w.nb);
    const page = await officer.member.list({ q: '隐私甲' });
    await officer.member.get({ id: memberId });
    expect((await officer.member.list({ q: '无此人姓名' })).items).toEqual([]);
    const host = await callerFor(h, await makeStaff(h, w.hz, ['officer']), w.hz);
    await host.recuperation.batch.roster({ batchId });
    const reads = (await w.nbStaff.audit.list({ limit: 100, type: 'member.personal_read' })).items.filter((e) => e.actor.name === reader.email.split('@')[0]);
    expect(reads.map((e) => e.data).sort((a, b) => String(a.view).localeCompare(String(b.view)))).toEqual([
      { view: 'get', count: 1, memberIds: [memberId] },
      { view: 'list', count: page.items.length, memberIds: page.items.map((m) => m.id) },
    ]); // the empty page is not logged
    const roster = (await w.hzStaff.audit.list({ limit: 50, type: 'recuperation.roster_read' })).items.filter((e) => e.entityId === batchId);
    expect(roster.at(-1)?.data).toMatchObject({ rows: 1, partnerRows: 1 });
  });

  it.each(STAFF)('recuperation booking.list / roster / rosterXlsx as %s of the host and of the home side', async (role) => {
    const host = await callerFor(h, await makeStaff(h, w.hz, [role]), w.hz);
    const home = await callerFor(h, await makeStaff(h, w.nb, [role]), w.nb);
    if (!may('recuperation.batch.roster', role)) {
      await expectCode(host.recuperation.batch.roster({ batchId }), 'FORBIDDEN');
      await expectCode(host.recuperation.batch.rosterXlsx({ batchId }), 'FORBIDDEN');
      await expectCode(host.recuperation.booking.list({ side: 'host', batchId }), 'FORBIDDEN');
      await expectCode(home.recuperation.booking.list({ side: 'home' }), 'FORBIDDEN');
      return;
    }
    const texts = [
      JSON.stringify(await host.recuperation.batch.roster({ batchId })),
      await fileText((await host.recuperation.batch.rosterXlsx({ batchId })).base64),
      JSON.stringify(await host.recuperation.booking.list({ side: 'host', batchId })),
      JSON.stringify(await home.recuperation.booking.list({ side: 'home' })),
    ];
    for (const text of texts) {
      // the roster never carries a birth date, so the ID number cannot be rebuilt by anyone
      expect(rebuilds(text, booker.idNumber, MOBILE), `${role}: ${text.slice(0, 300)}`).toEqual({ idNumber: false, mobile: full(role) });
    }
  });

  it('the rule of thumb itself: masked number + birth date rebuilds, either alone does not', () => {
    const masked = maskIdNumber(ID);
    expect(rebuilds(masked, ID, MOBILE).idNumber).toBe(false);
    expect(rebuilds(`${masked} ${ID.slice(6, 10)}-${ID.slice(10, 12)}-${ID.slice(12, 14)}`, ID, MOBILE).idNumber).toBe(true);
    expect(rebuilds(`${ID.slice(6, 10)}`, ID, MOBILE).idNumber).toBe(false);
  });
});
