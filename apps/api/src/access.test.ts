import { ACCESS, ROLES, type Role } from '@uc/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMembers } from './modules/recuperation/recuperation.testkit.ts';
import { appRouter } from './router.ts';
import { addMembership, callerFor, createHarness, makeFederation, makeUser, TEST_PASSWORD, type Harness } from './test/harness.ts';

// Least privilege, checked over the whole router: every procedure appRouter has (discovered, not
// listed by hand) must have an entry in the matrix (packages/contracts/src/access.ts), and calling it as a user holding
// exactly one role answers FORBIDDEN for the roles the matrix leaves out and anything else
// (data, BAD_INPUT for the dummy input, NOT_FOUND…) for the roles it lets in.

type AnyFn = (input: unknown) => Promise<unknown>;
const procedurePaths = () => Object.keys((appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures).sort();

describe('the role × procedure matrix', () => {
  let h: Harness;
  const callers = new Map<Role, unknown>();

  beforeAll(async () => {
    h = await createHarness();
    const fed = await makeFederation(h, 'acl');
    for (const role of ROLES) {
      if (role === 'member') {
        const [m] = await makeMembers(h, fed, 1);
        // a real password, so that the procedures confirming it reach the gate
        await h.t.query(`update app_user set password_hash = (select password_hash from app_user where id = $1) where id = $2`, [(await makeUser(h)).id, m!.userId]);
        callers.set(role, m!.caller);
        continue;
      }
      const u = await makeUser(h);
      await addMembership(h, fed, u, [role]);
      callers.set(role, await callerFor(h, u, fed));
    }
  });
  afterAll(() => h.close());

  it('has an entry for every procedure of the root router, and none for a procedure that is gone', () => {
    const paths = procedurePaths();
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((p) => !(p in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((p) => !paths.includes(p))).toEqual([]);
  });

  it('refuses exactly the roles the matrix leaves out, for every tenant procedure', async () => {
    const wrong: string[] = [];
    for (const path of procedurePaths()) {
      const access = ACCESS[path];
      if (access === 'platform') {
        // the operator's procedures: every federation role is refused (platform.test.ts: the operator is let in)
        for (const role of ROLES) {
          let fn: unknown = callers.get(role);
          for (const part of path.split('.')) fn = (fn as Record<string, unknown>)[part];
          const code = await (fn as AnyFn)({}).then(() => 'OK', (e: { code?: string }) => e.code ?? 'ERROR');
          if (code !== 'FORBIDDEN') wrong.push(`${path} as ${role}: ${code} (matrix: operator only)`);
        }
        continue;
      }
      if (!Array.isArray(access)) continue;
      for (const role of ROLES) {
        let fn: unknown = callers.get(role);
        for (const part of path.split('.')) fn = (fn as Record<string, unknown>)[part];
        let code = 'OK';
        try {
          // a password for the procedures that confirm it; anything else fails validation after the gate
          await (fn as AnyFn)({ password: TEST_PASSWORD });
        } catch (e) {
          code = (e as { code?: string }).code ?? 'ERROR';
        }
        const allowed = access.includes(role);
        if (allowed === (code === 'FORBIDDEN')) wrong.push(`${path} as ${role}: ${code} (matrix: ${allowed ? 'allowed' : 'refused'})`);
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it('keeps members\u2019 personal data from judges and caseworkers: no list, no export, no roster', () => {
    for (const path of ['member.list', 'member.get', 'member.exportXlsx', 'recuperation.batch.roster', 'recuperation.batch.rosterXlsx', 'recuperation.batch.rosterPdf', 'recuperation.booking.list']) {
      for (const role of ['judge', 'caseworker', 'lead', 'signatory'] as const) expect(ACCESS[path]).not.toContain(role);
    }
  });
});
