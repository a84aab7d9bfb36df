import { smsOutbox, withoutTenant } from '@uc/db';
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { members, outbox, passwordResets, withTenant } from '@uc/db';
import { eq } from 'drizzle-orm';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, type Harness, type TestFederation } from '../../test/harness.ts';
import { makeMembers, type TestMember } from '../recuperation/recuperation.testkit.ts';

// Member accounts by mobile (issue 12): activation with the last six of the ID number and an SMS
// code read from the test sink (sms_outbox), sign-in by mobile, and password resets — members by
// SMS code, staff by an emailed link — each ending the account's other sessions.

let mobileSeq = 12_345_678;

describe('member accounts by mobile', () => {
  let h: Harness;
  let fed: TestFederation;
  let record: TestMember;
  let MOBILE: string;
  const anon = () => callerFor(h, null, null);
  const lastSms = async (mobile: string) => {
    const all = await withoutTenant(h.t.db, (tx) => tx.select().from(smsOutbox).orderBy(desc(smsOutbox.createdAt)));
    const mine = all.find((r) => r.toMobile === mobile);
    return mine ? mine.body.match(/(\d{6})/)![1]! : null;
  };

  beforeAll(async () => {
    h = await createHarness();
  });
  // each test: a federation of its own and a member on record with a mobile of their own, no account yet
  beforeEach(async () => {
    MOBILE = `139${String(++mobileSeq).padStart(8, '0')}`;
    fed = await makeFederation(h, 'acct');
    // a member record without an account, with a mobile (makeMembers links an account: unlink one)
    [record] = (await makeMembers(h, fed, 1)) as [TestMember];
    await h.t.query(`delete from membership where member_id = $1`, [record.id]);
    await withTenant(h.t.db, fed.id, (tx) => tx.update(members).set({ mobile: MOBILE }).where(eq(members.id, record.id)));
  });
  afterAll(() => h.close());

  /** the member activates their account (password a-new-password-1), a minute later than anything before */
  async function activate() {
    h.advance(61_000);
    const a = await anon();
    await a.member.requestActivationCode({ mobile: MOBILE, idLast6: record.idNumber.slice(-6) });
    await a.member.activateAccount({ mobile: MOBILE, code: (await lastSms(MOBILE))!, password: 'a-new-password-1' });
  }

  it('says ok but sends nothing when the ID number does not match (no oracle)', async () => {
    const a = await anon();
    expect(await a.member.requestActivationCode({ mobile: MOBILE, idLast6: '000000' })).toEqual({ ok: true });
    expect(await lastSms(MOBILE)).toBeNull();
  });

  it('activates with mobile + last six of the ID number + the SMS code, then signs in by mobile', async () => {
    const a = await anon();
    await a.member.requestActivationCode({ mobile: MOBILE, idLast6: record.idNumber.slice(-6) });
    const code = (await lastSms(MOBILE))!;
    expect(code).toMatch(/^\d{6}$/);
    // the code is stored hashed, never in clear
    const [stored] = await h.t.query<{ code_hash: string }>(`select code_hash from sms_code where mobile = $1`, [MOBILE]);
    expect(stored!.code_hash).not.toContain(code);
    await expectCode(a.member.activateAccount({ mobile: MOBILE, code: code === '000000' ? '000001' : '000000', password: 'a-new-password-1' }), 'INVALID_CREDENTIALS');
    const me = await a.member.activateAccount({ mobile: MOBILE, code, password: 'a-new-password-1' });
    expect(me?.memberships[0]).toMatchObject({ slug: fed.slug, roles: ['member'], memberId: record.id });
    // single use
    await expectCode(a.member.activateAccount({ mobile: MOBILE, code, password: 'a-new-password-1' }), 'INVALID_CREDENTIALS');
    expect((await a.auth.signInMobile({ mobile: MOBILE, password: 'a-new-password-1' }))?.memberships[0]?.memberId).toBe(record.id);
    await expectCode(a.auth.signInMobile({ mobile: MOBILE, password: 'wrong-password-1' }), 'INVALID_CREDENTIALS');
  });

  it('throttles codes per number: one a minute', async () => {
    await activate();
    h.advance(61_000);
    const a = await anon();
    await a.auth.requestSmsReset({ mobile: MOBILE });
    await expectCode(a.auth.requestSmsReset({ mobile: MOBILE }), 'RATE_LIMITED');
  });

  it('lets a code die after five wrong tries', async () => {
    await activate();
    h.advance(61_000);
    const a = await anon();
    await a.auth.requestSmsReset({ mobile: MOBILE });
    const code = (await lastSms(MOBILE))!;
    const wrong = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 5; i++) await expectCode(a.auth.resetPasswordBySms({ mobile: MOBILE, code: wrong, password: 'another-password-2' }), 'INVALID_CREDENTIALS');
    await expectCode(a.auth.resetPasswordBySms({ mobile: MOBILE, code, password: 'another-password-2' }), 'INVALID_CREDENTIALS');
  });

  it('resets a member password by SMS code and ends every session', async () => {
    await activate();
    h.advance(61_000);
    const a = await anon();
    await a.auth.signInMobile({ mobile: MOBILE, password: 'a-new-password-1' });
    const [{ n: before }] = (await h.t.query<{ n: number }>(`select count(*)::int as n from session s join app_user u on u.id = s.user_id where u.mobile = $1`, [MOBILE])) as [{ n: number }];
    expect(before).toBeGreaterThan(0);
    await a.auth.requestSmsReset({ mobile: MOBILE });
    await a.auth.resetPasswordBySms({ mobile: MOBILE, code: (await lastSms(MOBILE))!, password: 'reset-password-3' });
    const [{ n: after }] = (await h.t.query<{ n: number }>(`select count(*)::int as n from session s join app_user u on u.id = s.user_id where u.mobile = $1`, [MOBILE])) as [{ n: number }];
    expect(after).toBe(0);
    await expectCode(a.auth.signInMobile({ mobile: MOBILE, password: 'a-new-password-1' }), 'INVALID_CREDENTIALS');
    expect(await a.auth.signInMobile({ mobile: MOBILE, password: 'reset-password-3' })).toBeTruthy();
  });

  it('resets a staff password by an emailed single-use link, ending every session', async () => {
    const staff = await makeStaff(h, fed, ['officer']);
    const signedIn = await callerFor(h, staff, fed);
    expect(await signedIn.federation.home()).toBeTruthy();
    const a = await anon();
    expect(await a.auth.requestPasswordReset({ email: 'nobody@example.test' })).toEqual({ ok: true });
    await a.auth.requestPasswordReset({ email: staff.email });
    const mail = (await withTenant(h.t.db, fed.id, (tx) => tx.select().from(outbox))).find((m) => m.toEmail === staff.email)!;
    const token = mail.bodyText.match(/\/reset\/([A-Za-z0-9_-]+)/)![1]!;
    const [stored] = await withoutTenant(h.t.db, (tx) => tx.select().from(passwordResets));
    expect(stored!.tokenHash).not.toBe(token);
    await a.auth.resetPassword({ token, password: 'staff-new-password' });
    expect(await h.t.query(`select id from session where user_id = $1`, [staff.id])).toEqual([]);
    await expectCode(a.auth.resetPassword({ token, password: 'staff-other-password' }), 'INVITATION_INVALID');
    expect((await a.auth.signIn({ email: staff.email, password: 'staff-new-password' }))?.user.email).toBe(staff.email);
  });
});
