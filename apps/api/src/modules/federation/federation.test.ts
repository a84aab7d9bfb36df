import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, type Harness } from '../../test/harness.ts';

describe('federation home', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('shows the federation to its staff and NOT_FOUND to another federation', async () => {
    const a = await makeFederation(h, 'a');
    const b = await makeFederation(h, 'b');
    const adminA = await makeStaff(h, a, ['admin']);
    const adminB = await makeStaff(h, b, ['admin']);
    const home = await (await callerFor(h, adminA, a)).federation.home();
    expect(home.federation.slug).toBe(a.slug);
    expect(home.counts.orgUnits).toBe(1);
    await expectCode((await callerFor(h, adminB, a)).federation.home(), 'NOT_FOUND');
    await expectCode((await callerFor(h, adminB, a)).federation.directory(), 'NOT_FOUND');
  });

  it('refuses anonymous callers', async () => {
    const a = await makeFederation(h, 'anon');
    await expectCode((await callerFor(h, null, a)).federation.home(), 'UNAUTHORIZED');
  });
});
