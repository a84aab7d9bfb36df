import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  createHarness,
  expectCode,
  makeFederation,
  makeStaff,
  TEST_PASSWORD,
  type Harness,
  type TestFederation,
  type TestUser,
} from '../../test/harness.ts';
import type { Caller } from '../../test/caller.ts';


describe('cooperation agreements', () => {
  let h: Harness;
  let A: TestFederation, B: TestFederation, C: TestFederation;
  let a: Caller, b: Caller, c: Caller, bOfficer: Caller;
  let aUser: TestUser;

  beforeAll(async () => {
    h = await createHarness();
    [A, B, C] = [await makeFederation(h, 'hz'), await makeFederation(h, 'nb'), await makeFederation(h, 'sx')];
    aUser = await makeStaff(h, A, ['admin', 'signatory']);
    a = await callerFor(h, aUser, A);
    b = await callerFor(h, await makeStaff(h, B, ['admin', 'signatory']), B);
    c = await callerFor(h, await makeStaff(h, C, ['admin', 'signatory']), C);
    bOfficer = await callerFor(h, await makeStaff(h, B, ['officer']), B);
  });
  afterAll(() => h.close());

  /** drafts from the template, opens it, and sends it for signature; returns the fresh view */
  async function readyToSign() {
    const { id } = await a.agreement.create({ partySlugs: [B.slug], fromTemplate: 'twin-city-five-commons' });
    let g = await a.agreement.get({ id });
    await a.agreement.openNegotiation({ id, rowVersion: g.rowVersion });
    g = await b.agreement.get({ id });
    await b.agreement.sendForSignature({ id, rowVersion: g.rowVersion });
    return a.agreement.get({ id });
  }
  const sign = (caller: Caller, g: Awaited<ReturnType<typeof readyToSign>>, key: string = crypto.randomUUID()) =>
    caller.agreement.sign({ id: g.id, versionId: g.currentVersion.id, contentHash: g.currentVersion.contentHash!, password: TEST_PASSWORD, idempotencyKey: key });

  describe('when drafting and negotiating', () => {
    it('keeps a draft to the initiator until it is opened, then shares it with the parties', async () => {
      const { id } = await a.agreement.create({ partySlugs: [B.slug] });
      const draft = await a.agreement.get({ id });
      expect(draft.status).toBe('draft');
      expect(draft.currentVersion.content.commons).toHaveLength(5);
      expect(draft.parties.map((p) => p.slug)).toEqual([A.slug, B.slug]);
      await expectCode(b.agreement.get({ id }), 'NOT_FOUND');
      expect((await b.agreement.list()).map((x) => x.id)).not.toContain(id);
      await a.agreement.openNegotiation({ id, rowVersion: draft.rowVersion });
      const seen = await b.agreement.get({ id });
      expect(seen.status).toBe('negotiating');
      expect((await b.agreement.list({ partnerSlug: A.slug })).map((x) => x.id)).toContain(id);
      const notices = await b.notification.list();
      expect(notices.items.some((n) => n.kind === 'agreement.invited' && n.title.includes(seen.title))).toBe(true);
    });

    it('makes every change a new version, refuses a stale base, and compares versions clause by clause', async () => {
      const { id } = await a.agreement.create({ partySlugs: [B.slug] });
      let g = await a.agreement.get({ id });
      await a.agreement.openNegotiation({ id, rowVersion: g.rowVersion });
      g = await b.agreement.get({ id });
      const v1 = g.currentVersion;
      const content = structuredClone(v1.content);
      content.clauses[1]!.body = '<p>双方每年联合举办不少于 4 场宣讲。</p><script>alert(1)</script>';
      content.commons.find((x) => x.kind === 'recuperation')!.figures.placesPerYear = 300;
      const saved = await b.agreement.save({ id, baseVersionId: v1.id, content, note: '宁波建议增加名额' });
      expect(saved.number).toBe(2);
      await expectCode(bOfficer.agreement.save({ id, baseVersionId: v1.id, content, note: '' }), 'STALE_VERSION');
      g = await a.agreement.get({ id });
      expect(g.versions.map((v) => v.number)).toEqual([2, 1]);
      expect(g.versions[0]!.createdBySlug).toBe(B.slug);
      expect(g.currentVersion.content.clauses[1]!.body).not.toContain('script');
      const diff = await a.agreement.compare({ id, leftVersionId: v1.id, rightVersionId: saved.versionId });
      expect(diff.clauses.filter((x) => x.change === 'changed').map((x) => x.key)).toEqual([v1.content.clauses[1]!.key]);
      expect(diff.commons.find((x) => x.kind === 'recuperation')!.changed).toBe(true);
      expect(diff.commons.find((x) => x.kind === 'contest')!.changed).toBe(false);
    });

    it('records comments on clauses addressed to a party and notifies it', async () => {
      const { id } = await a.agreement.create({ partySlugs: [B.slug] });
      const g = await a.agreement.get({ id });
      await a.agreement.openNegotiation({ id, rowVersion: g.rowVersion });
      await b.agreement.comment({ id, clauseKey: 'care', addressedToSlug: A.slug, body: '建议疗休养名额按批次分配' });
      const comments = await a.agreement.comments({ id });
      expect(comments).toMatchObject([{ clauseKey: 'care', authorSlug: B.slug, addressedToSlug: A.slug, versionNumber: 1 }]);
      expect((await a.notification.list()).items.some((n) => n.kind === 'agreement.comment')).toBe(true);
    });
  });

  describe('when signing', () => {
    it('activates once every party has signed the frozen version, with both signatures recorded', async () => {
      const g = await readyToSign();
      expect(g.status).toBe('signing');
      expect(g.currentVersion.frozen).toBe(true);
      expect(g.currentVersion.contentHash).toMatch(/^[0-9a-f]{64}$/);
      await expectCode(a.agreement.save({ id: g.id, baseVersionId: g.currentVersion.id, content: g.currentVersion.content, note: '' }), 'INVALID_TRANSITION');
      const first = await sign(a, g);
      expect(first).toMatchObject({ status: 'signing', activated: false });
      const second = await sign(b, g);
      expect(second).toMatchObject({ status: 'active', activated: true });
      const done = await b.agreement.get({ id: g.id });
      expect(done.status).toBe('active');
      expect(done.inForceVersionId).toBe(g.currentVersion.id);
      expect(done.parties.every((p) => p.signature?.decision === 'signed' && p.signature.contentHash === g.currentVersion.contentHash)).toBe(true);
      expect(await a.agreement.verify({ id: g.id })).toMatchObject({ matches: true, signaturesMatch: true });
      const auditA = await a.audit.list({ limit: 50 });
      expect(auditA.items.map((e) => e.type)).toContain('agreement.activated');
      expect(await a.audit.verify()).toMatchObject({ ok: true });
    });

    it('refuses a wrong password, a wrong hash, a stale version, a second decision and a non-signatory', async () => {
      const g = await readyToSign();
      await expectCode(a.agreement.sign({ id: g.id, versionId: g.currentVersion.id, contentHash: g.currentVersion.contentHash!, password: 'wrong-password', idempotencyKey: 'k-wrong-pass' }), 'INVALID_CREDENTIALS');
      await expectCode(a.agreement.sign({ id: g.id, versionId: g.currentVersion.id, contentHash: '0'.repeat(64), password: TEST_PASSWORD, idempotencyKey: 'k-wrong-hash' }), 'HASH_MISMATCH');
      await expectCode(a.agreement.sign({ id: g.id, versionId: crypto.randomUUID(), contentHash: g.currentVersion.contentHash!, password: TEST_PASSWORD, idempotencyKey: 'key-stale' }), 'STALE_VERSION');
      await expectCode(bOfficer.agreement.decline({ id: g.id, versionId: g.currentVersion.id, reason: '没有签署权', idempotencyKey: 'k-officer' }), 'FORBIDDEN');
      await sign(a, g, 'key-first');
      await expectCode(sign(a, g, 'key-second'), 'ALREADY_SIGNED');
    });

    it('throttles guesses of the password at signing like sign-in guesses', async () => {
      const g = await readyToSign();
      const guess = (i: number) =>
        a.agreement.sign({ id: g.id, versionId: g.currentVersion.id, contentHash: g.currentVersion.contentHash!, password: `guess-${i}`, idempotencyKey: `k-guess-${i}` });
      for (let i = 0; i < 5; i++) await expectCode(guess(i), 'INVALID_CREDENTIALS');
      // the right password is refused too until the delay has passed, and nothing is signed
      await expectCode(sign(a, g, 'key-after-guesses'), 'RATE_LIMITED');
      expect((await a.agreement.get({ id: g.id })).parties.every((p) => !p.signature)).toBe(true);
      h.advance(1_100);
      await expect(sign(a, g, 'key-after-wait')).resolves.toMatchObject({ decision: 'signed' });
    });

    it('treats a repeated submission with the same idempotency key as the first', async () => {
      const g = await readyToSign();
      const r1 = await sign(a, g, 'same-key-123');
      const r2 = await sign(a, g, 'same-key-123');
      expect(r2.decision).toBe(r1.decision);
      const view = await a.agreement.get({ id: g.id });
      expect(view.parties.filter((p) => p.signature)).toHaveLength(1);
    });

    it('refuses a signature on a stale version after the signing is reopened and the content changed', async () => {
      const g = await readyToSign();
      await b.agreement.reopen({ id: g.id, rowVersion: g.rowVersion });
      const reopened = await a.agreement.get({ id: g.id });
      await a.agreement.save({ id: g.id, baseVersionId: reopened.currentVersion.id, content: { ...reopened.currentVersion.content, title: '修改后的标题' }, note: '' });
      await expectCode(sign(b, g), 'INVALID_TRANSITION');
      const resent = await a.agreement.get({ id: g.id });
      await a.agreement.sendForSignature({ id: g.id, rowVersion: resent.rowVersion });
      await expectCode(sign(b, g), 'STALE_VERSION');
      const fresh = await a.agreement.get({ id: g.id });
      expect(fresh.currentVersion.contentHash).not.toBe(g.currentVersion.contentHash);
      expect((await sign(b, fresh)).decision).toBe('signed');
    });

    it('declines with a reason and notifies the other party', async () => {
      const g = await readyToSign();
      const r = await b.agreement.decline({ id: g.id, versionId: g.currentVersion.id, reason: '名额需再商议', idempotencyKey: 'decline-1' });
      expect(r.status).toBe('declined');
      const view = await a.agreement.get({ id: g.id });
      expect(view.parties.find((p) => p.slug === B.slug)!.signature).toMatchObject({ decision: 'declined', reason: '名额需再商议' });
      expect((await a.notification.list()).items.some((n) => n.kind === 'agreement.declined')).toBe(true);
    });
  });

  describe('when active', () => {
    it('amends with a new version all parties sign, keeping the old one in force until then', async () => {
      const g = await readyToSign();
      await sign(a, g);
      await sign(b, g);
      let view = await a.agreement.get({ id: g.id });
      await a.agreement.amend({ id: g.id, rowVersion: view.rowVersion });
      view = await a.agreement.get({ id: g.id });
      expect(view).toMatchObject({ status: 'active', amendment: 'negotiating', inForceVersionId: g.currentVersion.id });
      await a.agreement.save({ id: g.id, baseVersionId: view.currentVersion.id, content: { ...view.currentVersion.content, title: '补充协议后的标题' }, note: '修订' });
      view = await b.agreement.get({ id: g.id });
      expect(view.title).toBe(g.title);
      await b.agreement.sendForSignature({ id: g.id, rowVersion: view.rowVersion });
      const signing = await a.agreement.get({ id: g.id });
      expect(signing.amendment).toBe('signing');
      await sign(a, signing);
      expect((await sign(b, signing)).activated).toBe(true);
      const after = await a.agreement.get({ id: g.id });
      expect(after).toMatchObject({ status: 'active', amendment: null, inForceVersionId: signing.currentVersion.id, title: '补充协议后的标题' });
    });

    it('terminates with a reason', async () => {
      const g = await readyToSign();
      await sign(a, g);
      await sign(b, g);
      const view = await b.agreement.get({ id: g.id });
      await expectCode(b.agreement.terminate({ id: g.id, rowVersion: view.rowVersion - 1, reason: '合作到期' }), 'STALE_VERSION');
      await b.agreement.terminate({ id: g.id, rowVersion: view.rowVersion, reason: '双方协商一致终止' });
      expect(await a.agreement.get({ id: g.id })).toMatchObject({ status: 'terminated', terminationReason: '双方协商一致终止' });
    });
  });

  describe('when the caller is not a party', () => {
    it('answers NOT_FOUND for every agreement procedure', async () => {
      const g = await readyToSign();
      const id = g.id;
      const versionId = g.currentVersion.id;
      const hash = g.currentVersion.contentHash!;
      const calls: [string, () => Promise<unknown>][] = [
        ['get', () => c.agreement.get({ id })],
        ['save', () => c.agreement.save({ id, baseVersionId: versionId, content: g.currentVersion.content, note: '' })],
        ['openNegotiation', () => c.agreement.openNegotiation({ id, rowVersion: g.rowVersion })],
        ['sendForSignature', () => c.agreement.sendForSignature({ id, rowVersion: g.rowVersion })],
        ['reopen', () => c.agreement.reopen({ id, rowVersion: g.rowVersion })],
        ['amend', () => c.agreement.amend({ id, rowVersion: g.rowVersion })],
        ['terminate', () => c.agreement.terminate({ id, rowVersion: g.rowVersion, reason: '无关方' })],
        ['sign', () => c.agreement.sign({ id, versionId, contentHash: hash, password: TEST_PASSWORD, idempotencyKey: 'c-sign-1' })],
        ['decline', () => c.agreement.decline({ id, versionId, reason: '无关方', idempotencyKey: 'c-decline-1' })],
        ['compare', () => c.agreement.compare({ id, leftVersionId: versionId, rightVersionId: versionId })],
        ['verify', () => c.agreement.verify({ id })],
        ['comments', () => c.agreement.comments({ id })],
        ['comment', () => c.agreement.comment({ id, clauseKey: null, addressedToSlug: null, body: '你好' })],
      ];
      for (const [name, call] of calls) await expectCode(call(), 'NOT_FOUND').catch((e) => Promise.reject(new Error(`${name}: ${e.message}`)));
      expect((await c.agreement.list()).map((x) => x.id)).not.toContain(id);
      // a party user addressing the agreement through a federation they do not belong to
      const aInC = await callerFor(h, aUser, C);
      await expectCode(aInC.agreement.get({ id }), 'NOT_FOUND');
    });
  });
});
