import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMembership,
  callerFor,
  createHarness,
  expectCode,
  makeFederation,
  makeStaff,
  makeUser,
  type Harness,
  type TestFederation,
  type TestUser,
} from '../../test/harness.ts';

// On the PostgreSQL server (TEST_DATABASE_URL) the concurrent cases race real transactions.

describe('staff roles', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h?.close());

  const membershipId = async (fed: TestFederation, user: TestUser) => {
    const [row] = await h.t.query<{ id: string }>(`select id from membership where tenant_id = $1 and user_id = $2`, [fed.id, user.id]);
    return row!.id;
  };
  const adminCount = async (fed: TestFederation) =>
    Number(
      (await h.t.query<{ n: string }>(`select count(*) as n from membership where tenant_id = $1 and roles @> array['admin']`, [fed.id]))[0]!.n,
    );

  describe('when an admin changes roles', () => {
    it('updates the roles, lists them, and audits the change', async () => {
      const F = await makeFederation(h, 'roles');
      const admin = await makeStaff(h, F, ['admin']);
      const officer = await makeStaff(h, F, ['officer']);
      const a = await callerFor(h, admin, F);
      const id = await membershipId(F, officer);
      await a.staff.updateRoles({ membershipId: id, roles: ['signatory', 'lead', 'lead'] });
      const list = await a.staff.list();
      expect(list.find((s) => s.membershipId === id)?.roles).toEqual(['signatory', 'lead']);
      const audit = await a.audit.list({ type: 'staff.roles_changed', limit: 10 });
      expect(audit.items[0]).toMatchObject({ entityId: id, data: { email: officer.email, from: ['officer'], to: ['signatory', 'lead'] } });
      // the new roles take effect at once
      const o = await callerFor(h, officer, F);
      await expectCode(o.staff.updateRoles({ membershipId: id, roles: ['admin'] }), 'FORBIDDEN');
    });

    it('limits a membership to an org unit and back, audited, refusing a unit of another federation', async () => {
      const F = await makeFederation(h, 'scope');
      const G = await makeFederation(h, 'scope-other');
      const a = await callerFor(h, await makeStaff(h, F, ['admin']), F);
      const officer = await makeStaff(h, F, ['officer']);
      const id = await membershipId(F, officer);
      const district = await a.orgUnit.create({ parentId: F.rootUnitId, name: '海曙区总工会', kind: 'district' });
      await a.staff.updateRoles({ membershipId: id, roles: ['officer'], orgUnitId: district.id });
      expect((await a.staff.list()).find((s) => s.membershipId === id)?.orgUnit).toEqual({ id: district.id, name: '海曙区总工会' });
      // roles alone leave the scope as it was
      await a.staff.updateRoles({ membershipId: id, roles: ['officer', 'lead'] });
      expect((await a.staff.list()).find((s) => s.membershipId === id)?.orgUnit?.id).toBe(district.id);
      await expectCode(a.staff.updateRoles({ membershipId: id, roles: ['officer'], orgUnitId: G.rootUnitId }), 'NOT_FOUND');
      await a.staff.updateRoles({ membershipId: id, roles: ['officer'], orgUnitId: null });
      expect((await a.staff.list()).find((s) => s.membershipId === id)?.orgUnit).toBeNull();
      const events = (await a.audit.list({ type: 'staff.roles_changed', limit: 10 })).items.sort((p, q) => p.seq - q.seq);
      expect(events.map((e) => (e.data as { orgUnit?: unknown }).orgUnit)).toEqual([
        { from: null, to: { id: district.id, name: '海曙区总工会' } },
        undefined,
        { from: { id: district.id, name: '海曙区总工会' }, to: null },
      ]);
      // a unit with a scoped officer is not empty
      await a.staff.updateRoles({ membershipId: id, roles: ['officer'], orgUnitId: district.id });
      await expectCode(a.orgUnit.delete({ id: district.id }), 'ORG_UNIT_NOT_EMPTY');
    });

    it('removes a staff member, who then gets NOT_FOUND in the federation', async () => {
      const F = await makeFederation(h, 'remove');
      const admin = await makeStaff(h, F, ['admin']);
      const officer = await makeStaff(h, F, ['officer']);
      const a = await callerFor(h, admin, F);
      const o = await callerFor(h, officer, F);
      await a.staff.remove({ membershipId: await membershipId(F, officer) });
      expect((await a.staff.list()).map((s) => s.email)).toEqual([admin.email]);
      await expectCode(o.federation.home(), 'NOT_FOUND');
    });

    it('refuses non-admins', async () => {
      const F = await makeFederation(h, 'nonadmin');
      await makeStaff(h, F, ['admin']);
      const signatory = await makeStaff(h, F, ['signatory', 'lead', 'officer', 'judge', 'caseworker']);
      const other = await makeStaff(h, F, ['officer']);
      const s = await callerFor(h, signatory, F);
      const id = await membershipId(F, other);
      expect((await s.staff.list()).length).toBe(3);
      await expectCode(s.staff.updateRoles({ membershipId: id, roles: ['admin'] }), 'FORBIDDEN');
      await expectCode(s.staff.remove({ membershipId: id }), 'FORBIDDEN');
    });

    it('does not let a member account use staff procedures', async () => {
      const F = await makeFederation(h, 'memberacct');
      const member = await makeUser(h);
      await addMembership(h, F, member, ['member']);
      const m = await callerFor(h, member, F);
      await expectCode(m.staff.list(), 'FORBIDDEN');
      await expectCode(m.federation.directory(), 'FORBIDDEN');
      // and a member account is not "staff" that an admin could promote
      const admin = await callerFor(h, await makeStaff(h, F, ['admin']), F);
      await expectCode(admin.staff.updateRoles({ membershipId: await membershipId(F, member), roles: ['admin'] }), 'NOT_FOUND');
    });
  });

  describe('when the last admin would go', () => {
    it('refuses to demote or remove the only admin (LAST_ADMIN)', async () => {
      const F = await makeFederation(h, 'last');
      const admin = await makeStaff(h, F, ['admin', 'signatory']);
      const a = await callerFor(h, admin, F);
      const id = await membershipId(F, admin);
      await expectCode(a.staff.updateRoles({ membershipId: id, roles: ['signatory'] }), 'LAST_ADMIN');
      await expectCode(a.staff.remove({ membershipId: id }), 'LAST_ADMIN');
      // keeping admin among the roles is fine
      await a.staff.updateRoles({ membershipId: id, roles: ['admin', 'lead'] });
      expect(await adminCount(F)).toBe(1);
    });

    it('lets one of two admins step down, then not the other', async () => {
      const F = await makeFederation(h, 'two');
      const first = await makeStaff(h, F, ['admin']);
      const second = await makeStaff(h, F, ['admin']);
      const a = await callerFor(h, first, F);
      await a.staff.updateRoles({ membershipId: await membershipId(F, first), roles: ['officer'] });
      const b = await callerFor(h, second, F);
      await expectCode(b.staff.updateRoles({ membershipId: await membershipId(F, second), roles: ['officer'] }), 'LAST_ADMIN');
      await expectCode(b.staff.remove({ membershipId: await membershipId(F, second) }), 'LAST_ADMIN');
      expect(await adminCount(F)).toBe(1);
    });

    it('keeps one admin when two admins demote each other at the same moment (10 rounds)', async () => {
      for (let round = 0; round < 10; round++) {
        const F = await makeFederation(h, `race${round}`);
        const x = await makeStaff(h, F, ['admin']);
        const y = await makeStaff(h, F, ['admin']);
        const [cx, cy] = [await callerFor(h, x, F), await callerFor(h, y, F)];
        const [mx, my] = [await membershipId(F, x), await membershipId(F, y)];
        const results = await Promise.allSettled(
          round % 2
            ? [cx.staff.updateRoles({ membershipId: my, roles: ['officer'] }), cy.staff.updateRoles({ membershipId: mx, roles: ['officer'] })]
            : [cx.staff.remove({ membershipId: my }), cy.staff.remove({ membershipId: mx })],
        );
        expect(results.filter((r) => r.status === 'fulfilled'), `round ${round}`).toHaveLength(1);
        const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        // the loser would remove the last admin, or its turn came after it was demoted (FORBIDDEN) or removed
        // (NOT_FOUND: no longer in the federation at all)
        const code = (refused.reason as { cause?: { code?: string } }).cause?.code;
        expect(round % 2 ? ['LAST_ADMIN', 'FORBIDDEN'] : ['LAST_ADMIN', 'FORBIDDEN', 'NOT_FOUND'], `round ${round}: ${String(refused.reason)}`).toContain(code);
        expect(await adminCount(F), `round ${round}`).toBe(1);
        expect(await cx.audit.verify().catch(() => cy.audit.verify())).toMatchObject({ ok: true });
      }
    }, 120_000);

    it('does not let an admin who was just demoted act on a stale role (3 admins, 10 rounds)', async () => {
      for (let round = 0; round < 10; round++) {
        const F = await makeFederation(h, `stale${round}`);
        const [a, b, c] = [await makeStaff(h, F, ['admin']), await makeStaff(h, F, ['admin']), await makeStaff(h, F, ['admin'])];
        const [ca, cb] = [await callerFor(h, a, F), await callerFor(h, b, F)];
        const [mb, mc] = [await membershipId(F, b), await membershipId(F, c)];
        // a demotes b while b demotes c
        const [aDemotesB, bDemotesC] = await Promise.allSettled([
          ca.staff.updateRoles({ membershipId: mb, roles: ['officer'] }),
          cb.staff.updateRoles({ membershipId: mc, roles: ['officer'] }),
        ]);
        expect(aDemotesB.status, `round ${round}`).toBe('fulfilled');
        const events = (await ca.audit.list({ type: 'staff.roles_changed', limit: 10 })).items.sort((p, q) => p.seq - q.seq);
        if (bDemotesC.status === 'fulfilled') {
          // allowed only if b's change committed first, while b was still an admin
          expect(events.map((e) => e.entityId), `round ${round}`).toEqual([mc, mb]);
          expect(await adminCount(F)).toBe(1);
        } else {
          expect((bDemotesC.reason as { cause?: { code?: string } }).cause?.code, `round ${round}`).toBe('FORBIDDEN');
          expect(events.map((e) => e.entityId)).toEqual([mb]);
          expect(await adminCount(F)).toBe(2);
        }
      }
    }, 120_000);
  });

  describe('when a user belongs to two federations', () => {
    it('sees both in auth.me, acts in each by X-Tenant, and gets NOT_FOUND in a third', async () => {
      const [P, Q, R] = [await makeFederation(h, 'p'), await makeFederation(h, 'q'), await makeFederation(h, 'r')];
      await makeStaff(h, R, ['admin']);
      const user = await makeUser(h);
      await addMembership(h, P, user, ['admin']);
      await addMembership(h, Q, user, ['officer', 'lead']);

      const me = await (await callerFor(h, user, null)).auth.me();
      expect(me?.memberships.map((m) => ({ slug: m.slug, roles: m.roles }))).toEqual(
        [
          { slug: P.slug, roles: ['admin'] },
          { slug: Q.slug, roles: ['officer', 'lead'] },
        ].sort((x, y) => x.slug.localeCompare(y.slug)),
      );

      const inP = await callerFor(h, user, P);
      const inQ = await callerFor(h, user, Q);
      expect((await inP.federation.home()).federation.slug).toBe(P.slug);
      expect((await inQ.federation.home()).federation.slug).toBe(Q.slug);
      // admin in P: may invite there; officer in Q: may not
      const invited = await inP.staff.invite({ email: `two-${Date.now()}@example.test`, displayName: '张三', roles: ['officer'] });
      expect(invited.invitation.status).toBe('pending');
      await expectCode(inQ.staff.invite({ email: `two-${Date.now()}@example.test`, displayName: '张三', roles: ['officer'] }), 'FORBIDDEN');
      // each federation's staff list is its own
      expect((await inQ.staff.list()).map((s) => s.email)).toEqual([user.email]);
      // what was done in P is in P's audit log only
      expect((await inP.audit.list({ type: 'staff.invited', limit: 10 })).items).toHaveLength(1);
      expect(await h.t.query(`select 1 from audit_event where tenant_id = $1 and type = 'staff.invited'`, [Q.id])).toEqual([]);

      const inR = await callerFor(h, user, R);
      await expectCode(inR.federation.home(), 'NOT_FOUND');
      await expectCode(inR.staff.list(), 'NOT_FOUND');
      // a suspended membership counts as none
      await h.t.query(`update membership set status = 'suspended' where tenant_id = $1 and user_id = $2`, [Q.id, user.id]);
      await expectCode(inQ.federation.home(), 'NOT_FOUND');
      expect((await (await callerFor(h, user, null)).auth.me())?.memberships.map((m) => m.slug)).toEqual([P.slug]);
    });
  });
});
