import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, type Harness, type TestFederation } from '../../test/harness.ts';
import type { Caller } from '../../test/caller.ts';

// Comment threads (issue 16, docs/decisions/0028-comment-threads.md): reply, resolve, reopen, and
// no version is frozen for signing while a thread is open. On the PostgreSQL server
// (TEST_DATABASE_URL) the race below runs real transactions on separate connections.
describe('agreement comment threads', () => {
  let h: Harness;
  let A: TestFederation, B: TestFederation;
  let a: Caller, b: Caller;

  beforeAll(async () => {
    h = await createHarness();
    [A, B] = [await makeFederation(h, 'hz'), await makeFederation(h, 'nb')];
    a = await callerFor(h, await makeStaff(h, A, ['admin', 'signatory']), A);
    b = await callerFor(h, await makeStaff(h, B, ['admin', 'signatory']), B);
  });
  afterAll(() => h.close());

  async function negotiating() {
    const { id } = await a.agreement.create({ partySlugs: [B.slug] });
    const g = await a.agreement.get({ id });
    await a.agreement.openNegotiation({ id, rowVersion: g.rowVersion });
    return id;
  }
  const freeze = async (caller: Caller, id: string) => caller.agreement.sendForSignature({ id, rowVersion: (await caller.agreement.get({ id })).rowVersion });

  it('threads a reply under its comment, on the same clause, with people named', async () => {
    const id = await negotiating();
    const { id: root } = await b.agreement.comment({ id, clauseKey: 'care', addressedToSlug: A.slug, body: '建议疗休养名额按批次分配' });
    await a.agreement.comment({ id, clauseKey: null, addressedToSlug: B.slug, body: '同意，按季度分配', replyToId: root });
    const all = await b.agreement.comments({ id });
    expect(all).toMatchObject([
      { id: root, parentId: null, clauseKey: 'care', resolvedAt: null, resolvedBy: null },
      { parentId: root, clauseKey: 'care', authorSlug: A.slug },
    ]);
    expect(all[1]!.author.name).not.toContain('@');
    // a reply answers a top-level comment only, of this agreement
    await expectCode(a.agreement.comment({ id, clauseKey: null, addressedToSlug: null, body: '再回复', replyToId: all[1]!.id }), 'BAD_INPUT');
    const other = await negotiating();
    await expectCode(a.agreement.comment({ id: other, clauseKey: null, addressedToSlug: null, body: '串线', replyToId: root }), 'NOT_FOUND');
  });

  it('refuses to freeze a version with an open comment (COMMENTS_OPEN), and freezes it once resolved', async () => {
    const id = await negotiating();
    const { id: root } = await b.agreement.comment({ id, clauseKey: 'care', addressedToSlug: null, body: '名额需再议' });
    await expectCode(freeze(a, id), 'COMMENTS_OPEN');
    expect((await a.agreement.get({ id })).status).toBe('negotiating');

    expect(await a.agreement.resolveComment({ id, commentId: root, resolved: true })).toEqual({ resolved: true });
    const [c] = await b.agreement.comments({ id });
    expect(c!.resolvedAt).not.toBeNull();
    expect(c!.resolvedBy?.name).toBeTruthy();
    expect(c!.resolvedBy?.name).not.toContain('@');
    // reopened, it blocks again; resolved again (twice: the repeat changes nothing), it does not
    await b.agreement.resolveComment({ id, commentId: root, resolved: false });
    await expectCode(freeze(a, id), 'COMMENTS_OPEN');
    await b.agreement.resolveComment({ id, commentId: root, resolved: true });
    await b.agreement.resolveComment({ id, commentId: root, resolved: true });
    await freeze(a, id);
    expect((await a.agreement.get({ id })).status).toBe('signing');

    // while signatures are collected the frozen version takes no comment, reply or reopening
    await expectCode(a.agreement.comment({ id, clauseKey: null, addressedToSlug: null, body: '签署中再提意见' }), 'INVALID_TRANSITION');
    await expectCode(a.agreement.comment({ id, clauseKey: null, addressedToSlug: null, body: '回复', replyToId: root }), 'INVALID_TRANSITION');
    await expectCode(a.agreement.resolveComment({ id, commentId: root, resolved: false }), 'INVALID_TRANSITION');
    const audit = await a.audit.list({ limit: 50 });
    expect(audit.items.map((e) => e.type)).toEqual(expect.arrayContaining(['agreement.comment_resolved', 'agreement.comment_reopened']));
  });

  it('never leaves a frozen version with an open comment when a comment races the freeze (20 rounds)', async () => {
    let refusedComments = 0;
    let refusedFreezes = 0;
    for (let round = 0; round < 20; round++) {
      const id = await negotiating();
      const { rowVersion } = await a.agreement.get({ id });
      const [commented, froze] = await Promise.allSettled([
        b.agreement.comment({ id, clauseKey: 'care', addressedToSlug: null, body: `第 ${round} 轮的意见` }),
        a.agreement.sendForSignature({ id, rowVersion }),
      ]);
      const g = await a.agreement.get({ id });
      const open = (await a.agreement.comments({ id })).filter((c) => !c.parentId && !c.resolvedAt);
      // exactly one side wins: either the comment is refused or the freeze is
      expect([commented.status, froze.status].sort(), `round ${round}`).toEqual(['fulfilled', 'rejected']);
      if (froze.status === 'fulfilled') {
        expect(g.status).toBe('signing');
        expect(open).toHaveLength(0);
        expect((commented as PromiseRejectedResult).reason).toMatchObject({ cause: { code: 'INVALID_TRANSITION' } });
        refusedComments++;
      } else {
        expect(g.status).toBe('negotiating');
        expect(g.currentVersion.frozen).toBe(false);
        expect(open).toHaveLength(1);
        expect(froze.reason).toMatchObject({ cause: { code: 'COMMENTS_OPEN' } });
        refusedFreezes++;
      }
    }
    expect(refusedComments + refusedFreezes).toBe(20);
    expect(await a.audit.verify()).toMatchObject({ ok: true });
  }, 300_000);
});
