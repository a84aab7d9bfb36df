import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, TEST_PASSWORD, type Harness, type TestFederation, type TestUser } from '../../test/harness.ts';
import type { Caller } from '../../test/caller.ts';
import { active, amend, negotiating } from '../mechanism/mechanism.testkit.ts';

describe('joint items of an agreement', () => {
  let h: Harness;
  let A: TestFederation, B: TestFederation, C: TestFederation;
  let a: Caller, b: Caller, c: Caller;
  let aUser: TestUser;

  beforeAll(async () => {
    h = await createHarness();
    [A, B, C] = [await makeFederation(h, 'hz'), await makeFederation(h, 'nb'), await makeFederation(h, 'sx')];
    aUser = await makeStaff(h, A, ['admin', 'signatory']);
    a = await callerFor(h, aUser, A);
    b = await callerFor(h, await makeStaff(h, B, ['admin', 'signatory']), B);
    c = await callerFor(h, await makeStaff(h, C, ['admin', 'signatory']), C);
  });
  afterAll(() => h.close());

  describe('when the agreement comes into force', () => {
    it('creates one item per planned item, led by the planned lead, over the term, with a side per party', async () => {
      const g = await active([a, b], [B.slug]);
      const items = await b.jointItem.list({ agreementId: g.id });
      expect(items.map((i) => i.kind)).toEqual(['programme', 'rights', 'contest', 'recuperation', 'project']);
      // the template alternates the lead between the two cities
      expect(items.map((i) => i.leadSlug)).toEqual([A.slug, B.slug, A.slug, B.slug, A.slug]);
      const planned = g.currentVersion.content.commons.flatMap((s) => s.items.map((x) => x.title));
      expect(items.map((i) => i.title)).toEqual(planned);
      for (const i of items) {
        expect(i).toMatchObject({ agreementId: g.id, status: 'not_started', source: 'plan', sourceRef: null, startDate: '2025-01-01', endDate: '2027-12-31' });
        expect(i.phase).toBe(i.kind === 'project' ? 'initiation' : null);
        expect(i.sides.map((s) => s.partySlug)).toEqual([A.slug, B.slug]);
        expect(i.sides.every((s) => s.responsibleName === '' && s.responsibleUserId === null)).toBe(true);
      }
      expect(await a.jointItem.list({ agreementId: g.id })).toEqual(items);
      expect(await a.jointItem.get({ id: items[1]!.id })).toEqual(items[1]);
      for (const caller of [a, b]) {
        const audit = await caller.audit.list({ type: 'joint_item.created', limit: 50 });
        expect(audit.items.filter((e) => (e.data as { agreementId: string }).agreementId === g.id)).toHaveLength(5);
        expect(await caller.audit.verify()).toMatchObject({ ok: true });
      }
    });

    it('creates nothing while the agreement is negotiated or only partly signed', async () => {
      const g = await negotiating(a, [B.slug]);
      expect(await b.jointItem.list({ agreementId: g.id })).toEqual([]);
      await b.agreement.sendForSignature({ id: g.id, rowVersion: (await b.agreement.get({ id: g.id })).rowVersion });
      const sent = await a.agreement.get({ id: g.id });
      await a.agreement.sign({ id: g.id, versionId: sent.currentVersion.id, contentHash: sent.currentVersion.contentHash!, password: TEST_PASSWORD, idempotencyKey: crypto.randomUUID() });
      expect(await a.jointItem.list({ agreementId: g.id })).toEqual([]);
    });
  });

  describe('when an amendment comes into force', () => {
    it('adds only the planned items that are new, leaving the existing ones as they are', async () => {
      const g = await active([a, b], [B.slug]);
      const before = await a.jointItem.list({ agreementId: g.id });
      await amend([a, b], g.id, (content) => {
        const rights = content.commons.find((s) => s.kind === 'rights')!;
        rights.items[0]!.description = '改写了说明，但仍是同一项目';
        rights.items.push({ title: '新就业形态劳动者维权驿站', description: '两地互设驿站', leadSlug: A.slug, startDate: '2026-03-01', endDate: '2026-12-31' });
      });
      const after = await b.jointItem.list({ agreementId: g.id });
      expect(after).toHaveLength(6);
      expect(after.filter((i) => before.some((x) => x.id === i.id))).toHaveLength(5);
      const added = after.find((i) => !before.some((x) => x.id === i.id))!;
      expect(added).toMatchObject({ kind: 'rights', title: '新就业形态劳动者维权驿站', leadSlug: A.slug, startDate: '2026-03-01', endDate: '2026-12-31', source: 'plan' });
      // an existing item keeps what it had: the amendment changed only its planned description
      expect(after.find((i) => i.id === before[1]!.id)).toEqual(before[1]);
    });
  });

  describe('when the caller is not a party', () => {
    it('answers NOT_FOUND for every joint item procedure', async () => {
      const g = await active([a, b], [B.slug]);
      const [item] = await a.jointItem.list({ agreementId: g.id });
      await expectCode(c.jointItem.list({ agreementId: g.id }), 'NOT_FOUND');
      await expectCode(c.jointItem.get({ id: item!.id }), 'NOT_FOUND');
      // a party's user acting in a federation that is not a party
      const aInC = await callerFor(h, aUser, C);
      await expectCode(aInC.jointItem.get({ id: item!.id }), 'NOT_FOUND');
      await expectCode(a.jointItem.get({ id: crypto.randomUUID() }), 'NOT_FOUND');
    });
  });
});
