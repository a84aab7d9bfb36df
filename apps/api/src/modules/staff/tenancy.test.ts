import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../test/caller.ts';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, makeUser, type Harness, type TestFederation, type TestUser } from '../../test/harness.ts';
import { auditRouter } from '../audit/index.ts';
import { federationRouter } from '../federation/index.ts';
import { staffRouter } from './staff.router.ts';

// DESIGN §3.5–3.6: a foreign federation gets NOT_FOUND, never FORBIDDEN, from every procedure of
// the staff, audit and federation routers. The tables below are typed by each router's record,
// so adding a procedure without a case here fails the typecheck (and the runtime check below).

type Cases<R extends { _def: { record: object } }> = Record<keyof R['_def']['record'], (c: Caller) => Promise<unknown>>;

describe('a foreign federation gets NOT_FOUND', () => {
  let h: Harness;
  let A: TestFederation, B: TestFederation;
  let adminA: TestUser, officerA: TestUser, adminB: TestUser;
  let invitationA: string, membershipA: string;

  beforeAll(async () => {
    h = await createHarness();
    A = await makeFederation(h, 'hz');
    B = await makeFederation(h, 'nb');
    adminA = await makeStaff(h, A, ['admin']);
    officerA = await makeStaff(h, A, ['officer']);
    // B's admin holds every staff role there, so no role check could answer before the tenant check
    adminB = await makeStaff(h, B, ['admin', 'signatory', 'lead', 'officer', 'judge', 'caseworker']);
    const a = await callerFor(h, adminA, A);
    invitationA = (await a.staff.invite({ email: `a-invitee-${Date.now()}@example.test`, displayName: '甲', roles: ['officer'] })).invitation.id;
    membershipA = (await a.staff.list()).find((s) => s.email === officerA.email)!.membershipId;
  });
  afterAll(() => h?.close());

  // every procedure, called with A's real ids
  const staffCases = (): Cases<typeof staffRouter> => ({
    list: (c) => c.staff.list(),
    updateRoles: (c) => c.staff.updateRoles({ membershipId: membershipA, roles: ['admin'] }),
    updatePerson: (c) => c.staff.updatePerson({ membershipId: membershipA, displayName: '入侵者', title: '' }),
    remove: (c) => c.staff.remove({ membershipId: membershipA }),
    invitations: (c) => c.staff.invitations(),
    invite: (c) => c.staff.invite({ email: `intruder-${Date.now()}@example.test`, displayName: '乙', roles: ['admin'] }),
    revokeInvitation: (c) => c.staff.revokeInvitation({ id: invitationA }),
  });
  const auditCases = (): Cases<typeof auditRouter> => ({
    list: (c) => c.audit.list({ limit: 50 }),
    exportXlsx: (c) => c.audit.exportXlsx({}),
    verify: (c) => c.audit.verify(),
    statement: (c) => c.audit.statement(),
  });
  const federationCases = (): Cases<typeof federationRouter> => ({
    home: (c) => c.federation.home(),
    directory: (c) => c.federation.directory(),
  });
  const routers = [
    ['staff', staffRouter, staffCases],
    ['audit', auditRouter, auditCases],
    ['federation', federationRouter, federationCases],
  ] as const;

  it('covers every procedure of the three routers', () => {
    for (const [name, router, cases] of routers) {
      expect(Object.keys(cases()).sort(), name).toEqual(Object.keys(router._def.procedures).sort());
    }
  });

  const unchangedInA = async () => {
    const [inv] = await h.t.query<{ revoked_at: unknown }>(`select revoked_at from invitation where id = $1`, [invitationA]);
    expect(inv!.revoked_at).toBeNull();
    const [m] = await h.t.query<{ roles: string[] }>(`select roles from membership where id = $1`, [membershipA]);
    expect(m!.roles).toEqual(['officer']);
    const invited = await h.t.query(`select 1 from invitation where tenant_id = $1 and email like 'intruder-%'`, [A.id]);
    expect(invited).toEqual([]);
  };

  for (const [name, , cases] of routers) {
    describe(`${name} router`, () => {
      for (const proc of Object.keys(cases())) {
        it(`${name}.${proc}: B's admin with X-Tenant = A`, async () => {
          const c = await callerFor(h, adminB, A);
          await expectCode((cases() as Record<string, (c: Caller) => Promise<unknown>>)[proc]!(c), 'NOT_FOUND');
          await unchangedInA();
        });

        it(`${name}.${proc}: a signed-in user of no federation, and a federation that does not exist`, async () => {
          const loner = await makeUser(h);
          await expectCode((cases() as Record<string, (c: Caller) => Promise<unknown>>)[proc]!(await callerFor(h, loner, A)), 'NOT_FOUND');
          const ghost = { id: '00000000-0000-0000-0000-000000000000', slug: 'no-such-federation', rootUnitId: '' };
          await expectCode((cases() as Record<string, (c: Caller) => Promise<unknown>>)[proc]!(await callerFor(h, adminB, ghost)), 'NOT_FOUND');
          // and without a tenant at all
          await expectCode((cases() as Record<string, (c: Caller) => Promise<unknown>>)[proc]!(await callerFor(h, adminB, null)), 'NOT_FOUND');
          await unchangedInA();
        });
      }
    });
  }

  describe("when B's admin passes A's ids inside B", () => {
    it("staff.updateRoles with A's membership id → NOT_FOUND", async () => {
      const b = await callerFor(h, adminB, B);
      await expectCode(b.staff.updateRoles({ membershipId: membershipA, roles: ['admin'] }), 'NOT_FOUND');
      await unchangedInA();
    });

    it("staff.remove with A's membership id → NOT_FOUND", async () => {
      const b = await callerFor(h, adminB, B);
      await expectCode(b.staff.remove({ membershipId: membershipA }), 'NOT_FOUND');
      await unchangedInA();
    });

    it("staff.revokeInvitation with A's invitation id → NOT_FOUND", async () => {
      const b = await callerFor(h, adminB, B);
      await expectCode(b.staff.revokeInvitation({ id: invitationA }), 'NOT_FOUND');
      await unchangedInA();
    });

    it("B's lists and audit log hold nothing of A's", async () => {
      const b = await callerFor(h, adminB, B);
      expect((await b.staff.list()).map((s) => s.email)).toEqual([adminB.email]);
      expect(await b.staff.invitations()).toEqual([]);
      const audit = await b.audit.list({ limit: 200 });
      expect(audit.items.some((e) => e.entityId === invitationA || e.entityId === membershipA)).toBe(false);
      const home = await b.federation.home();
      expect(home.federation.id).toBe(B.id);
      expect(home.counts.staff).toBe(1);
    });

    it("A's staff still see their own data (the refusals above were not blanket)", async () => {
      const a = await callerFor(h, adminA, A);
      expect((await a.staff.invitations()).map((i) => i.id)).toContain(invitationA);
      expect((await a.audit.verify()).ok).toBe(true);
    });
  });

  it('answers UNAUTHORIZED (not NOT_FOUND) to an anonymous caller', async () => {
    await expectCode((await callerFor(h, null, A)).staff.list(), 'UNAUTHORIZED');
    await expectCode((await callerFor(h, null, A)).audit.verify(), 'UNAUTHORIZED');
  });
});
