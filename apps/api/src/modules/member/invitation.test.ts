import { members, withTenant } from '@uc/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, type Harness, type TestFederation, type TestUser } from '../../test/harness.ts';
import { makeMembers, type TestMember } from '../recuperation/recuperation.testkit.ts';

// Staff invite chosen members by SMS to activate an account (issue 12): only those without an
// account and with a mobile, at most once a day each; the invited member then activates.

let mobileSeq = 22_000_000;

describe('member.inviteBySms', () => {
  let h: Harness;
  let fed: TestFederation;
  let other: TestFederation;
  let officer: TestUser;
  const sms = (mobile: string) => h.t.query<{ body: string; purpose: string; federation_id: string; member_id: string }>(`select body, purpose, federation_id, member_id from sms_outbox where to_mobile = $1 order by created_at`, [mobile]);

  beforeAll(async () => {
    h = await createHarness();
    fed = await makeFederation(h, 'invs');
    other = await makeFederation(h, 'invo');
    officer = await makeStaff(h, fed, ['officer']);
  });
  afterAll(() => h.close());

  /** three members of their own: one with an account, one without a mobile, one without an account who has a mobile */
  async function trio() {
    // makeMembers links an account to each: unlink two of them
    const [withAccount, noMobile, fresh] = (await makeMembers(h, fed, 3)) as [TestMember, TestMember, TestMember];
    await h.t.query(`delete from membership where member_id = any($1)`, [[noMobile.id, fresh.id]]);
    const freshMobile = `139${String(++mobileSeq).padStart(8, '0')}`;
    await withTenant(h.t.db, fed.id, async (tx) => {
      await tx.update(members).set({ mobile: freshMobile }).where(eq(members.id, fresh.id));
      await tx.update(members).set({ mobile: null }).where(eq(members.id, noMobile.id));
    });
    return { withAccount, noMobile, fresh, freshMobile };
  }

  it('texts only the member without an account who has a mobile, says why the others were skipped, and lists who has an account', async () => {
    const { withAccount, noMobile, fresh, freshMobile } = await trio();
    const staff = await callerFor(h, officer, fed);
    const r = await staff.member.inviteBySms({ memberIds: [withAccount.id, noMobile.id, fresh.id] });
    expect(r).toEqual({ invited: 1, alreadyActive: 1, noMobile: 1, recentlyInvited: 0 });
    const [text] = await sms(freshMobile);
    expect(text).toMatchObject({ purpose: 'invite', federation_id: fed.id, member_id: fresh.id });
    expect(text!.body).toContain('邀请您开通会员账号');
    expect(text!.body).toContain(`${h.env.publicUrl}/activate`);
    const audit = await h.t.query<{ data: { count: number } }>(`select data from audit_event where tenant_id = $1 and type = 'member.invited_by_sms'`, [fed.id]);
    expect(audit.map((a) => a.data.count)).toContain(1);

    const list = await staff.member.list({ pageSize: 50 });
    const has = new Map(list.items.map((m) => [m.id, m.hasAccount]));
    expect([has.get(withAccount.id), has.get(noMobile.id), has.get(fresh.id)]).toEqual([true, false, false]);
  });

  it('sends nothing twice within a day, and again after it', async () => {
    const { fresh, freshMobile } = await trio();
    const staff = await callerFor(h, officer, fed);
    expect((await staff.member.inviteBySms({ memberIds: [fresh.id] })).invited).toBe(1);
    expect(await staff.member.inviteBySms({ memberIds: [fresh.id] })).toEqual({ invited: 0, alreadyActive: 0, noMobile: 0, recentlyInvited: 1 });
    h.advance(24 * 60 * 60 * 1000 + 1000);
    expect((await staff.member.inviteBySms({ memberIds: [fresh.id] })).invited).toBe(1);
    expect(await sms(freshMobile)).toHaveLength(2);
  });

  it('the invited member activates with the ID number and a code, and is then counted as active', async () => {
    const { fresh, freshMobile } = await trio();
    await (await callerFor(h, officer, fed)).member.inviteBySms({ memberIds: [fresh.id] });
    h.advance(61_000);
    const anon = await callerFor(h, null, null);
    await anon.member.requestActivationCode({ mobile: freshMobile, idLast6: fresh.idNumber.slice(-6) });
    const code = (await sms(freshMobile)).map((s) => /(\d{6})，/.exec(s.body)?.[1]).filter(Boolean).at(-1)!;
    await anon.member.activateAccount({ mobile: freshMobile, code, password: 'a-new-password-1' });
    const staff = await callerFor(h, officer, fed);
    expect(await staff.member.inviteBySms({ memberIds: [fresh.id] })).toMatchObject({ invited: 0, alreadyActive: 1 });
  });

  it('refuses another federation’s member as NOT_FOUND and queues nothing', async () => {
    const { fresh } = await trio();
    const [foreign] = (await makeMembers(h, other, 1)) as [TestMember];
    await h.t.query(`delete from membership where member_id = $1`, [foreign.id]);
    const staff = await callerFor(h, officer, fed);
    const before = (await h.t.query<{ n: number }>(`select count(*)::int as n from sms_outbox`))[0]!.n;
    await expectCode(staff.member.inviteBySms({ memberIds: [fresh.id, foreign.id] }), 'NOT_FOUND');
    expect((await h.t.query<{ n: number }>(`select count(*)::int as n from sms_outbox`))[0]!.n).toBe(before);
  });
});
