import { FILE_PROCEDURES } from '@uc/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, rateActionOf } from './rateLimit.ts';
import { appRouter } from './router.ts';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, type Harness, type TestFederation } from './test/harness.ts';

// Per-user limits on files rendered and mail to typed addresses (issue 14, decision 0032).

describe('per-user rate limits', () => {
  let h: Harness;
  let A: TestFederation;
  let B: TestFederation;

  beforeAll(async () => {
    h = await createHarness();
    A = await makeFederation(h, 'rate-a');
    B = await makeFederation(h, 'rate-b');
  });
  afterAll(() => h.close());

  it('finds every procedure that answers with a file by walking the router, and the invitation by name', () => {
    const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { output?: { _zod?: { def?: { shape?: object } } } } }>);
    const files = procedures.filter(([, p]) => 'base64' in (p._def.output?._zod?.def?.shape ?? {})).map(([path]) => path);
    expect(files.length).toBeGreaterThanOrEqual(10);
    // the web sends these alone: its list is the router's
    expect([...FILE_PROCEDURES].sort()).toEqual([...files].sort());
    expect(files).toEqual(expect.arrayContaining(['agreement.pdf', 'recuperation.batch.rosterPdf', 'member.importTemplate', 'cooperation.report.pdf']));
    for (const path of files) expect(rateActionOf(path), path).toBe('file');
    expect(rateActionOf('staff.invite')).toBe('mail');
    expect(rateActionOf('agreement.list')).toBeUndefined();
  });

  it('refuses the call past the limit with the wait, per user and federation, and counts only calls that did the work', async () => {
    const [alice, bob] = [await makeStaff(h, A, ['admin']), await makeStaff(h, A, ['admin'])];
    const a = await callerFor(h, alice, A);
    const { limit, windowSeconds } = RATE_LIMITS.file;
    // a failed file call (NOT_FOUND) rolls its count back
    for (let i = 0; i < 3; i++) await expectCode(a.recuperation.batch.rosterPdf({ batchId: crypto.randomUUID() }), 'NOT_FOUND');
    for (let i = 0; i < limit; i++) await a.member.importTemplate();
    const refused = await a.member.importTemplate().then(
      () => null,
      (e: { message: string; cause?: { details?: { retryAfterSeconds?: number } } }) => e,
    );
    expect(refused?.message).toBe('RATE_LIMITED');
    expect(refused?.cause?.details?.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused?.cause?.details?.retryAfterSeconds).toBeLessThanOrEqual(windowSeconds);
    // another user, and the same user in another federation, are not held up
    await (await callerFor(h, bob, A)).member.importTemplate();
    await makeStaffIn(B, alice);
    await (await callerFor(h, alice, B)).member.importTemplate();
    // the window ends: a fresh count
    h.setNow(new Date(Date.now() + windowSeconds * 1000 + 1000));
    try {
      await (await callerFor(h, alice, A)).member.importTemplate();
    } finally {
      h.setNow(null);
    }
  });

  async function makeStaffIn(fed: TestFederation, user: { id: string }) {
    await h.t.query(`insert into membership (tenant_id, user_id, roles) values ($1, $2, '{admin}')`, [fed.id, user.id]);
  }
});
