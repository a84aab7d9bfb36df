import { outbox, platformAuditEvents, withoutTenant, withTenant } from '@uc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, makeUser, TEST_PASSWORD, type Harness, type TestUser } from '../../test/harness.ts';
import { negotiating } from '../mechanism/mechanism.testkit.ts';
import { createOperator } from './operator.write.ts';

// The platform operator onboards 温州市总工会: creates it, invites its first admin (the email is
// in the outbox), suspends and reactivates it — each step in the platform's audit chain.

describe('the platform operator', () => {
  let h: Harness;
  let operator: Awaited<ReturnType<typeof callerFor>>;
  let operatorUser: TestUser;

  beforeAll(async () => {
    h = await createHarness();
    operatorUser = await makeUser(h);
    await createOperator(h.t.db, { email: operatorUser.email, displayName: '省总信息中心' }, h.now());
    operator = await callerFor(h, operatorUser, null);
  });
  afterAll(() => h.close());

  const wenzhou = {
    slug: 'wenzhou',
    nameZh: '温州市总工会',
    nameEn: 'Wenzhou Federation of Trade Unions',
    city: '温州',
    regionCode: '330300',
    contactName: '张伟',
    contactEmail: 'office@wzftu.example',
    contactPhone: '0577-88880000',
    adminEmail: 'admin@wzftu.example',
    adminName: '李娜',
  };

  // the platform chain and the federation slugs are global: each test names its own federation
  let seq = 0;
  const another = () => {
    const n = ++seq;
    return { ...wenzhou, slug: `wenzhou-${n}`, contactEmail: `office${n}@wzftu.example`, adminEmail: `admin${n}@wzftu.example` };
  };

  it('creates a federation and invites its first admin by email', async () => {
    const fed = another();
    const created = await operator.platform.createFederation(fed);
    expect(created.slug).toBe(fed.slug);
    const mail = await withTenant(h.t.db, created.id, (tx) => tx.select().from(outbox));
    expect(mail.map((m) => m.toEmail)).toEqual([fed.adminEmail]);
    expect(mail[0]!.bodyText).toContain('/invite/');
    const listed = (await operator.platform.federations()).find((f) => f.slug === fed.slug)!;
    expect(listed).toMatchObject({ status: 'active', regionCode: '330300', staff: 0, pendingInvitations: 1 });
    // the invitation is a real one: accepting it makes the admin
    const token = mail[0]!.bodyText.match(/\/invite\/([A-Za-z0-9_-]+)/)![1]!;
    const anon = await callerFor(h, null, null);
    expect((await anon.auth.previewInvitation({ token })).roles).toEqual(['admin']);
  });

  it('refuses a slug already taken with CONFLICT', async () => {
    const fed = another();
    await operator.platform.createFederation(fed);
    await expectCode(operator.platform.createFederation(fed), 'CONFLICT');
  });

  it('is the only one who may: a federation admin gets FORBIDDEN', async () => {
    const fed = await makeFederation(h, 'other');
    const admin = await callerFor(h, await makeStaff(h, fed, ['admin']), fed);
    await expectCode(admin.platform.createFederation({ ...wenzhou, slug: 'wenzhou-2' }), 'FORBIDDEN');
    await expectCode(admin.platform.federations(), 'FORBIDDEN');
  });

  describe('when a federation is suspended', () => {
    it('its users cannot sign in or act in it, partners see it as suspended, and reactivation undoes it', async () => {
      const fed = await makeFederation(h, 'susp');
      const staffUser = await makeStaff(h, fed, ['admin']);
      const staff = await callerFor(h, staffUser, fed);
      const partner = await makeFederation(h, 'partner');
      const partnerStaff = await callerFor(h, await makeStaff(h, partner, ['officer']), partner);
      expect((await staff.federation.home()).federation.slug).toBe(fed.slug);

      await operator.platform.suspend({ slug: fed.slug, reason: '未按期完成认证' });
      await expectCode(staff.federation.home(), 'FEDERATION_SUSPENDED');
      const anon = await callerFor(h, null, null);
      await expectCode(anon.auth.signIn({ email: staffUser.email, password: TEST_PASSWORD }), 'FEDERATION_SUSPENDED');
      expect((await partnerStaff.federation.directory()).find((f) => f.slug === fed.slug)?.status).toBe('suspended');
      // the operator still signs in
      expect((await anon.auth.signIn({ email: operatorUser.email, password: TEST_PASSWORD }))?.user.platformRole).toBe('operator');

      await operator.platform.reactivate({ slug: fed.slug });
      expect((await anon.auth.signIn({ email: staffUser.email, password: TEST_PASSWORD }))?.user.email).toBe(staffUser.email);
      expect((await partnerStaff.federation.directory()).find((f) => f.slug === fed.slug)?.status).toBe('active');
    });
  });

  it("makes a suspended federation's agreements read-only for its partners, and reactivation lifts it", async () => {
    const fed = await makeFederation(h, 'ro');
    const partner = await makeFederation(h, 'rop');
    const own = await callerFor(h, await makeStaff(h, fed, ['admin', 'signatory']), fed);
    const other = await callerFor(h, await makeStaff(h, partner, ['admin', 'signatory']), partner);
    const g = await negotiating(other, [fed.slug]);
    expect(g.can.edit).toBe(true);
    await operator.platform.suspend({ slug: fed.slug, reason: '未按期完成认证' });
    const seen = await other.agreement.get({ id: g.id });
    expect(seen.parties.find((p) => p.slug === fed.slug)?.suspended).toBe(true);
    expect(Object.values(seen.can).every((v) => v === false)).toBe(true);
    await expectCode(other.agreement.sendForSignature({ id: g.id, rowVersion: seen.rowVersion }), 'PARTNER_SUSPENDED');
    await expectCode(other.agreement.comment({ id: g.id, body: '请确认名额' }), 'PARTNER_SUSPENDED');
    await operator.platform.reactivate({ slug: fed.slug });
    const back = await other.agreement.get({ id: g.id });
    expect(back.can.sendForSignature).toBe(true);
    expect((await own.agreement.get({ id: g.id })).parties.every((p) => !p.suspended)).toBe(true);
  });

  it('writes every step to the platform chain, which verifies', async () => {
    const before = await operator.platform.verifyAudit();
    const fed = another();
    await operator.platform.createFederation(fed);
    await operator.platform.suspend({ slug: fed.slug, reason: '测试' });
    await operator.platform.reactivate({ slug: fed.slug });
    const types = (await operator.platform.audit()).map((e) => e.type);
    expect(types.slice(0, 3).reverse()).toEqual(['platform.federation_created', 'platform.federation_suspended', 'platform.federation_reactivated']);
    expect(types.at(-1)).toBe('platform.operator_created');
    const after = await operator.platform.verifyAudit();
    expect(after).toEqual({ ok: true, count: before.count + 3, brokenAt: null });
    // tampering is detected, at the event that was changed
    const tampered = before.count + 1;
    await h.t.query(`update platform_audit_event set data = '{"slug":"forged"}' where seq = $1`, [tampered]);
    expect((await operator.platform.verifyAudit()).brokenAt).toBe(tampered);
    expect(await withoutTenant(h.t.db, (tx) => tx.select().from(platformAuditEvents))).toHaveLength(after.count);
  });
});
