import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createHarness,
  expectCode,
  makeFederation,
  makeStaff,
  makeUser,
  TEST_PASSWORD,
  type Harness,
  type TestFederation,
  type TestUser,
} from '../../test/harness.ts';

const DAY = 24 * 60 * 60 * 1000;
let n = 0;
const freshEmail = () => `invitee-${Date.now().toString(36)}-${n++}@example.test`;
let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

describe('staff invitations', () => {
  let h: Harness;
  let A: TestFederation;
  let adminA: TestUser;

  beforeAll(async () => {
    h = await createHarness();
    A = await makeFederation(h, 'hz');
    adminA = await makeStaff(h, A, ['admin']);
  });
  afterAll(() => h?.close());
  afterEach(() => h.setNow(null));

  const admin = () => callerFor(h, adminA, A);
  const anonymous = (resHeaders = new Headers()) => callerFor(h, null, null, { resHeaders, ip: freshIp() });
  const tokenOf = (link: string) => link.split('/invite/')[1]!;
  const membershipsOf = (userId: string) =>
    h.t.query<{ tenant_id: string; roles: string[] }>(`select tenant_id, roles from membership where user_id = $1 order by tenant_id`, [userId]);

  async function invite(roles: ('admin' | 'signatory' | 'lead' | 'officer' | 'judge' | 'caseworker')[] = ['officer', 'lead'], email = freshEmail()) {
    const r = await (await admin()).staff.invite({ email, displayName: '王小明', roles });
    return { ...r, email, token: tokenOf(r.link) };
  }

  describe('when an admin invites someone', () => {
    it('queues an email in the outbox with the single-use link, and audits it', async () => {
      const { invitation, link, email, token } = await invite();
      expect(invitation).toMatchObject({ email, roles: ['officer', 'lead'], status: 'pending' });
      expect(link).toBe(`${h.env.publicUrl}/invite/${token}`);
      expect(token.length).toBeGreaterThanOrEqual(32);
      const mails = await h.t.query<{ to_email: string; subject: string; body_text: string; status: string }>(
        `select to_email, subject, body_text, status from outbox where tenant_id = $1 and to_email = $2`,
        [A.id, email],
      );
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toContain('邀请您加入');
      expect(mails[0]!.body_text).toContain(link);
      expect(mails[0]!.status).toBe('pending');
      // the token itself is never stored, only its hash
      const stored = await h.t.query<{ token_hash: string }>(`select token_hash from invitation where id = $1`, [invitation.id]);
      expect(stored[0]!.token_hash).not.toContain(token);
      const audit = await (await admin()).audit.list({ type: 'staff.invited', limit: 50 });
      expect(audit.items.some((e) => e.entityId === invitation.id && e.data.email === email)).toBe(true);
    });

    it('lists the invitation as pending', async () => {
      const { invitation } = await invite();
      const list = await (await admin()).staff.invitations();
      expect(list.find((i) => i.id === invitation.id)?.status).toBe('pending');
    });

    it('previews the invitation to anyone holding the link', async () => {
      const { token, email } = await invite(['signatory']);
      const preview = await (await anonymous()).auth.previewInvitation({ token });
      expect(preview).toEqual({
        email,
        displayName: '王小明',
        federationNameZh: 'hz市总工会',
        federationNameEn: 'hz FTU',
        roles: ['signatory'],
        orgUnitName: null,
        existingUser: false,
      });
    });

    it('refuses to invite someone already on the staff', async () => {
      const existing = await makeStaff(h, A, ['officer']);
      await expectCode((await admin()).staff.invite({ email: existing.email, displayName: 'x', roles: ['lead'] }), 'ALREADY_MEMBER');
    });

    it('refuses a non-admin: FORBIDDEN, and nothing is queued', async () => {
      for (const roles of [['officer'], ['signatory', 'lead', 'judge', 'caseworker']] as const) {
        const staff = await makeStaff(h, A, [...roles]);
        const email = freshEmail();
        await expectCode((await callerFor(h, staff, A)).staff.invite({ email, displayName: 'x', roles: ['admin'] }), 'FORBIDDEN');
        await expectCode((await callerFor(h, staff, A)).staff.invitations(), 'FORBIDDEN');
        expect(await h.t.query(`select 1 from outbox where to_email = $1`, [email])).toEqual([]);
      }
    });
  });

  describe('when a new user accepts', () => {
    it('creates the user, signs them in and gives them the invited roles', async () => {
      const { token, email, invitation } = await invite(['officer', 'judge']);
      const resHeaders = new Headers();
      const me = await (await anonymous(resHeaders)).auth.acceptInvitation({ token, displayName: '李华', password: 'a-good-password-1' });
      expect(me?.user).toMatchObject({ email, displayName: '李华' });
      expect(me?.memberships).toEqual([expect.objectContaining({ tenantId: A.id, slug: A.slug, roles: ['officer', 'judge'] })]);
      const cookie = resHeaders.getSetCookie().find((c) => c.startsWith('uc_session='));
      expect(cookie).toMatch(/HttpOnly; SameSite=Lax; Path=\//);
      const list = await (await admin()).staff.invitations();
      expect(list.find((i) => i.id === invitation.id)?.status).toBe('accepted');
      const staff = await (await admin()).staff.list();
      expect(staff.find((s) => s.email === email)?.roles).toEqual(['officer', 'judge']);
      // and the new user can sign in with the password they chose
      const signedIn = await (await anonymous()).auth.signIn({ email, password: 'a-good-password-1' });
      expect(signedIn?.user.email).toBe(email);
      const joined = await (await admin()).audit.list({ type: 'staff.joined', limit: 50 });
      expect(joined.items.some((e) => e.data.email === email)).toBe(true);
    });

    it('requires a password of at least 10 characters', async () => {
      const { token } = await invite();
      await expectCode((await anonymous()).auth.acceptInvitation({ token, password: 'short' }), 'BAD_INPUT');
      // the invitation is still usable
      await (await anonymous()).auth.acceptInvitation({ token, password: 'long-enough-password' });
    });

    it('is single use: a second accept gets INVITATION_INVALID', async () => {
      const { token } = await invite();
      await (await anonymous()).auth.acceptInvitation({ token, password: 'a-good-password-1' });
      await expectCode((await anonymous()).auth.acceptInvitation({ token, password: 'a-good-password-1' }), 'INVITATION_INVALID');
      await expectCode((await anonymous()).auth.previewInvitation({ token }), 'INVITATION_INVALID');
    });

    it('lets exactly one of 10 simultaneous accepts of one token through', async () => {
      const { token, email } = await invite(['lead']);
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, async () => (await anonymous()).auth.acceptInvitation({ token, password: 'a-good-password-1' })),
      );
      const ok = results.filter((r) => r.status === 'fulfilled');
      expect(ok).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') await expectCode(Promise.reject(r.reason), 'INVITATION_INVALID');
      const users = await h.t.query<{ id: string }>(`select id from app_user where email = $1`, [email]);
      expect(users).toHaveLength(1);
      expect(await membershipsOf(users[0]!.id)).toEqual([{ tenant_id: A.id, roles: ['lead'] }]);
      const sessions = await h.t.query(`select 1 from session where user_id = $1`, [users[0]!.id]);
      expect(sessions).toHaveLength(1);
    }, 120_000);

    it('refuses an unknown or malformed token', async () => {
      await expectCode((await anonymous()).auth.acceptInvitation({ token: 'x'.repeat(32), password: 'a-good-password-1' }), 'INVITATION_INVALID');
      await expectCode((await anonymous()).auth.previewInvitation({ token: 'y'.repeat(32) }), 'INVITATION_INVALID');
    });
  });

  describe('when the invitation is no longer valid', () => {
    it('refuses an expired invitation (after 7 days)', async () => {
      const { token, invitation } = await invite();
      h.advance(7 * DAY - 60_000);
      expect((await (await anonymous()).auth.previewInvitation({ token })).email).toBe(invitation.email);
      h.advance(2 * 60_000);
      await expectCode((await anonymous()).auth.previewInvitation({ token }), 'INVITATION_INVALID');
      await expectCode((await anonymous()).auth.acceptInvitation({ token, password: 'a-good-password-1' }), 'INVITATION_INVALID');
      const list = await (await admin()).staff.invitations();
      expect(list.find((i) => i.id === invitation.id)?.status).toBe('expired');
    });

    it('refuses a revoked invitation, which cannot be revoked twice', async () => {
      const { token, invitation } = await invite();
      await (await admin()).staff.revokeInvitation({ id: invitation.id });
      await expectCode((await anonymous()).auth.previewInvitation({ token }), 'INVITATION_INVALID');
      await expectCode((await anonymous()).auth.acceptInvitation({ token, password: 'a-good-password-1' }), 'INVITATION_INVALID');
      const list = await (await admin()).staff.invitations();
      expect(list.find((i) => i.id === invitation.id)?.status).toBe('revoked');
      await expectCode((await admin()).staff.revokeInvitation({ id: invitation.id }), 'NOT_FOUND');
      const revoked = await (await admin()).audit.list({ type: 'staff.invitation_revoked', limit: 50 });
      expect(revoked.items.some((e) => e.entityId === invitation.id)).toBe(true);
    });

    it('cannot revoke an accepted invitation', async () => {
      const { token, invitation } = await invite();
      await (await anonymous()).auth.acceptInvitation({ token, password: 'a-good-password-1' });
      await expectCode((await admin()).staff.revokeInvitation({ id: invitation.id }), 'NOT_FOUND');
    });
  });

  describe('when the invitee already has an account', () => {
    let B: TestFederation;
    beforeAll(async () => {
      B = await makeFederation(h, 'nb');
    });

    it('must give their own password, and then joins with their existing account', async () => {
      const existing = await makeUser(h);
      await makeStaff(h, B); // B exists with its own staff
      const { token } = await invite(['caseworker'], existing.email);
      expect((await (await anonymous()).auth.previewInvitation({ token })).existingUser).toBe(true);
      await expectCode((await anonymous()).auth.acceptInvitation({ token, password: 'a-password-chosen-by-attacker' }), 'INVALID_CREDENTIALS');
      // nothing happened: no membership, the password is unchanged, the invitation still pending
      expect(await membershipsOf(existing.id)).toEqual([]);
      const me = await (await anonymous()).auth.acceptInvitation({ token, displayName: 'ignored', password: TEST_PASSWORD });
      expect(me?.user).toMatchObject({ id: existing.id, email: existing.email });
      expect(me?.memberships.map((m) => m.slug)).toEqual([A.slug]);
      expect(await membershipsOf(existing.id)).toEqual([{ tenant_id: A.id, roles: ['caseworker'] }]);
      const signedIn = await (await anonymous()).auth.signIn({ email: existing.email, password: TEST_PASSWORD });
      expect(signedIn?.user.displayName).not.toBe('ignored');
    });

    it("does not let the inviting admin guess the person's password through the link (throttled)", async () => {
      const victim = await makeUser(h);
      const { token } = await invite(['officer'], victim.email);
      const ip = freshIp();
      for (let i = 0; i < 5; i++) {
        await expectCode((await callerFor(h, null, null, { ip })).auth.acceptInvitation({ token, password: `guess-number-${i}` }), 'INVALID_CREDENTIALS');
      }
      await expectCode((await callerFor(h, null, null, { ip })).auth.acceptInvitation({ token, password: TEST_PASSWORD }), 'RATE_LIMITED');
      // the guesses counted against the account from that address; the owner elsewhere is not locked out (issue 12)
      expect(await (await callerFor(h, null, null, { ip: freshIp() })).auth.signIn({ email: victim.email, password: TEST_PASSWORD })).toBeTruthy();
      h.advance(1_100);
      await (await callerFor(h, null, null, { ip })).auth.acceptInvitation({ token, password: TEST_PASSWORD });
    });
  });
});
