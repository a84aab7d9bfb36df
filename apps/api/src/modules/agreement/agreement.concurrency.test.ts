import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, makeFederation, makeStaff, TEST_PASSWORD, type Harness } from '../../test/harness.ts';

// On the PostgreSQL server (TEST_DATABASE_URL) these race real transactions on separate connections.
describe('when both parties sign at the same moment', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('activates each agreement exactly once, with exactly two signatures (50 rounds)', async () => {
    const A = await makeFederation(h, 'hz');
    const B = await makeFederation(h, 'nb');
    const a = await callerFor(h, await makeStaff(h, A, ['admin', 'signatory']), A);
    const b = await callerFor(h, await makeStaff(h, B, ['admin', 'signatory']), B);
    for (let round = 0; round < 50; round++) {
      const { id } = await a.agreement.create({ partySlugs: [B.slug] });
      let g = await a.agreement.get({ id });
      await a.agreement.openNegotiation({ id, rowVersion: g.rowVersion });
      g = await a.agreement.get({ id });
      await a.agreement.sendForSignature({ id, rowVersion: g.rowVersion });
      g = await a.agreement.get({ id });
      const input = (key: string) => ({ id, versionId: g.currentVersion.id, contentHash: g.currentVersion.contentHash!, password: TEST_PASSWORD, idempotencyKey: key });
      // each side also retries its own submission at once: the repeat must be harmless
      const results = await Promise.all([
        a.agreement.sign(input(`sign-a-${round}`)),
        b.agreement.sign(input(`sign-b-${round}`)),
        a.agreement.sign(input(`sign-a-${round}`)),
        b.agreement.sign(input(`sign-b-${round}`)),
      ]);
      expect(results.filter((r) => r.activated), `round ${round}`).toHaveLength(1);
      const done = await b.agreement.get({ id });
      expect(done.status).toBe('active');
      expect(done.parties.filter((p) => p.signature?.decision === 'signed')).toHaveLength(2);
      const audit = await a.audit.list({ type: 'agreement.activated', limit: 200 });
      expect(audit.items.filter((e) => e.entityId === id)).toHaveLength(1);
    }
    expect(await a.audit.verify()).toMatchObject({ ok: true });
    expect(await b.audit.verify()).toMatchObject({ ok: true });
  }, 300_000);
});
