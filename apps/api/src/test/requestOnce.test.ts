import { randomUUID } from 'node:crypto';
import { isCreateLike } from '@uc/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { appRouter } from '../router.ts';
import type { Caller } from './caller.ts';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, type Harness, type TestFederation } from './harness.ts';

// One answer per create request (docs/decisions/0022-request-once.md): the same key twice — at the
// same instant, on the server — makes one row; every create-like mutation takes the key.

interface ProcDef {
  _def: { type: string; inputs: z.ZodType[] };
}
const shapeOf = (s: z.ZodType): Record<string, unknown> => {
  let d = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  while (d.type !== 'object' && (d.innerType || d.in)) d = ((d.innerType ?? d.in) as { _zod: { def: Record<string, unknown> } })._zod.def;
  return (d.shape as Record<string, unknown> | undefined) ?? {};
};

describe('create-like mutations answer once per key', () => {
  const all = Object.entries((appRouter._def as unknown as { procedures: Record<string, ProcDef> }).procedures);

  it('every create-like mutation of a federation accepts the form’s key (discovered from the router)', () => {
    const creates = all.filter(([path, p]) => p._def.type === 'mutation' && isCreateLike(path) && !path.startsWith('platform.'));
    expect(creates.length).toBeGreaterThanOrEqual(20);
    const without = creates.filter(([, p]) => !p._def.inputs.some((s) => 'idempotencyKey' in shapeOf(s))).map(([path]) => path);
    expect(without).toEqual([]);
    // and nothing named like a create slips past the classification
    const unclassified = all.filter(([path, p]) => p._def.type === 'mutation' && /\.create[A-Z]?\w*$/.test(path) && !isCreateLike(path) && !path.startsWith('platform.'));
    expect(unclassified.map(([path]) => path)).toEqual([]);
  });

  describe('on the database', () => {
    let h: Harness;
    let A: TestFederation, B: TestFederation;
    let a: Caller, a2: Caller;

    beforeAll(async () => {
      h = await createHarness();
      [A, B] = [await makeFederation(h, 'hz'), await makeFederation(h, 'nb')];
      a = await callerFor(h, await makeStaff(h, A, ['admin', 'signatory']), A);
      a2 = await callerFor(h, await makeStaff(h, A, ['admin', 'signatory']), A);
    });
    afterAll(() => h.close());

    const drafts = async (caller: Caller, title: string) => (await caller.agreement.list()).filter((x) => x.title === title);

    it('makes one draft from the same key sent twice at once, and answers both with it', async () => {
      const title = `双击创建的草稿 ${randomUUID().slice(0, 6)}`;
      const idempotencyKey = randomUUID();
      const input = { partySlugs: [B.slug], title, idempotencyKey };
      const [first, second, third] = await Promise.all([a.agreement.create(input), a.agreement.create(input), a.agreement.create(input)]);
      expect(second.id).toBe(first.id);
      expect(third.id).toBe(first.id);
      expect(await drafts(a, title)).toHaveLength(1);
      // a later retry with the key gets the same answer too
      expect((await a.agreement.create(input)).id).toBe(first.id);
      expect(await drafts(a, title)).toHaveLength(1);
    });

    it('makes a new row for a new key, for another user, and without a key', async () => {
      const title = `三个草稿 ${randomUUID().slice(0, 6)}`;
      const key = randomUUID();
      await a.agreement.create({ partySlugs: [B.slug], title, idempotencyKey: key });
      await a.agreement.create({ partySlugs: [B.slug], title, idempotencyKey: randomUUID() });
      // another person who happens to send the same key is not answered with someone else's draft
      await a2.agreement.create({ partySlugs: [B.slug], title, idempotencyKey: key });
      await a.agreement.create({ partySlugs: [B.slug], title });
      expect(await drafts(a, title)).toHaveLength(4);
    });

    it('does not spend the key on a refused request, and refuses the key reused for another procedure', async () => {
      const key = randomUUID();
      // refused by the service after the key was claimed: the claim rolls back with the request
      await expectCode(a.agreement.create({ partySlugs: ['no-such-federation'], idempotencyKey: key }), 'BAD_INPUT');
      const title = `失败后重试 ${randomUUID().slice(0, 6)}`;
      const created = await a.agreement.create({ partySlugs: [B.slug], title, idempotencyKey: key });
      expect(await drafts(a, title)).toHaveLength(1);
      await expectCode(a.liaison.create({ agreementId: created.id, level: 'department', sides: [], idempotencyKey: key }), 'CONFLICT');
    });
  });
});
