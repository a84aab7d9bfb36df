import { jointItemSides, withTenant } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createHarness, expectCode, makeStaff, type Harness } from '../../test/harness.ts';
import { activeAgreement, itemOf, makeItemsWorld, type ItemsWorld } from './jointItem.testkit.ts';

describe('editing joint items', () => {
  let h: Harness;
  let w: ItemsWorld;
  beforeAll(async () => {
    h = await createHarness();
    w = await makeItemsWorld(h);
  });
  afterAll(() => h.close());

  describe('when a lead adds an item by hand', () => {
    it('records who added it, for both sides to see, with the adder filling in their own side', async () => {
      const { g } = await activeAgreement(w);
      const created = await w.bLead.jointItem.create({
        agreementId: g.id,
        kind: 'project',
        title: '长三角职工服务数字化研究',
        leadSlug: w.A.slug,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        ownSide: { responsibleName: '李敏', responsibleContact: '0574-87654321' },
      });
      expect(created).toMatchObject({ source: 'manual', createdBySlug: w.B.slug, createdByLabel: w.bLeadUser.email, leadSlug: w.A.slug, phase: 'initiation', status: 'not_started' });
      const seenByA = await w.aLead.jointItem.get({ id: created.id });
      expect(seenByA.createdByLabel).toBe(w.bLeadUser.email);
      expect(seenByA.sides.map((s) => [s.partySlug, s.responsibleName])).toEqual([
        [w.A.slug, ''],
        [w.B.slug, '李敏'],
      ]);
      const feed = await w.aLead.jointItem.activity({ itemId: created.id, limit: 10 });
      expect(feed[0]).toMatchObject({ type: 'item.created', actor: { kind: 'person', name: w.bLeadUser.email.split('@')[0], unit: w.B.nameZh }, actorPartySlug: w.B.slug });
      expect((await w.aAdmin.audit.list({ type: 'joint_item.created', limit: 100 })).items.some((e) => e.entityId === created.id)).toBe(true);
    });

    it('refuses staff who are not leads, a lead that is not a party, and an end before the start', async () => {
      const { g } = await activeAgreement(w);
      const base = { agreementId: g.id, kind: 'programme' as const, title: '劳模工匠宣讲', leadSlug: w.A.slug, startDate: '2026-01-01', endDate: '2026-06-30' };
      await expectCode(w.aOfficer.jointItem.create(base), 'FORBIDDEN');
      await expectCode(w.aLead.jointItem.create({ ...base, leadSlug: w.C.slug }), 'BAD_INPUT');
      await expectCode(w.aLead.jointItem.create({ ...base, endDate: '2025-12-31' }), 'BAD_INPUT');
    });
  });

  describe('core fields', () => {
    it('are changed by the lead federation only, and the version moves on', async () => {
      const { items } = await activeAgreement(w);
      const project = itemOf(items, 'project'); // led by A
      const edited = await w.aLead.jointItem.update({ id: project.id, rowVersion: project.rowVersion, title: '产改研究（修订）', phase: 'research', endDate: '2027-06-30' });
      expect(edited).toMatchObject({ title: '产改研究（修订）', phase: 'research', endDate: '2027-06-30', rowVersion: project.rowVersion + 1 });
      await expectCode(w.bLead.jointItem.update({ id: project.id, rowVersion: edited.rowVersion, title: '宁波改的' }), 'FORBIDDEN');
      await expectCode(w.aLead.jointItem.update({ id: itemOf(items, 'programme').id, rowVersion: 1, phase: 'midterm' }), 'BAD_INPUT');
      const feed = await w.bLead.jointItem.activity({ itemId: project.id, limit: 5 });
      expect(feed[0]).toMatchObject({ type: 'item.updated', actorPartySlug: w.A.slug, data: { changes: ['title', 'endDate', 'phase'] } });
    });

    it('refuses an edit made on an older version instead of overwriting the newer one', async () => {
      const { items } = await activeAgreement(w);
      const p = itemOf(items, 'programme');
      await w.aLead.jointItem.update({ id: p.id, rowVersion: p.rowVersion, title: '第一位的修改' });
      await expectCode(w.aAdmin.jointItem.update({ id: p.id, rowVersion: p.rowVersion, title: '第二位的修改' }), 'STALE_VERSION');
      expect((await w.bLead.jointItem.get({ id: p.id })).title).toBe('第一位的修改');
    });
  });

  describe('status', () => {
    it('follows not_started → in_progress → delayed (with a reason) → done once every milestone is confirmed', async () => {
      const { items } = await activeAgreement(w);
      let i = itemOf(items, 'contest'); // led by A
      await expectCode(w.aLead.jointItem.setStatus({ id: i.id, rowVersion: i.rowVersion, status: 'done' }), 'ITEM_TRANSITION');
      await expectCode(w.bLead.jointItem.setStatus({ id: i.id, rowVersion: i.rowVersion, status: 'in_progress' }), 'FORBIDDEN');
      i = await w.aLead.jointItem.setStatus({ id: i.id, rowVersion: i.rowVersion, status: 'in_progress' });
      await expectCode(w.aLead.jointItem.setStatus({ id: i.id, rowVersion: i.rowVersion, status: 'delayed' }), 'BAD_INPUT');
      i = await w.aLead.jointItem.setStatus({ id: i.id, rowVersion: i.rowVersion, status: 'delayed', reason: '赛场改建' });
      expect(i).toMatchObject({ status: 'delayed', statusReason: '赛场改建' });
      const m = await w.aLead.jointItem.milestone.create({ itemId: i.id, title: '决赛', dueDate: '2026-10-20' });
      await expectCode(w.aLead.jointItem.setStatus({ id: i.id, rowVersion: i.rowVersion, status: 'done' }), 'ITEM_TRANSITION');
      await w.aLead.jointItem.milestone.confirm({ id: m.id, round: m.round });
      await w.bLead.jointItem.milestone.confirm({ id: m.id, round: m.round });
      i = await w.aLead.jointItem.setStatus({ id: i.id, rowVersion: i.rowVersion, status: 'done' });
      expect(i).toMatchObject({ status: 'done', progress: { done: 1, total: 1, percent: 100 } });
      const feed = await w.bLead.jointItem.activity({ itemId: i.id, limit: 20 });
      expect(feed.filter((e) => e.type === 'item.status_changed').map((e) => e.data.to)).toEqual(['done', 'delayed', 'in_progress']);
    });
  });

  describe('when a lead names a responsible person while adding an item', () => {
    const create = (responsibleUserId: string) =>
      w.bLead.jointItem.create({
        agreementId: gid,
        kind: 'project',
        title: `责任人校验 ${responsibleUserId.slice(0, 6)}`,
        leadSlug: w.B.slug,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        ownSide: { responsibleUserId, responsibleName: '某人', responsibleContact: '' },
      });
    let gid: string;
    beforeAll(async () => {
      gid = (await activeAgreement(w)).g.id;
    });

    it('accepts a staff user of its own side', async () => {
      const item = await create(w.bLeadUser.id);
      expect(item.sides.find((s) => s.partySlug === w.B.slug)!.responsibleUserId).toBe(w.bLeadUser.id);
    });

    it('answers NOT_FOUND for a user of a federation that is not a party, and nothing is created', async () => {
      const count = async () => (await w.bLead.jointItem.list({ agreementId: gid })).filter((i) => i.title.startsWith('责任人校验')).length;
      const before = await count();
      const outsider = await makeStaff(h, w.C, ['lead']);
      await expectCode(create(outsider.id), 'NOT_FOUND');
      await expectCode(create(w.aLeadUser.id), 'NOT_FOUND'); // the other party's user is not of this side either
      expect(await count()).toBe(before);
    });

    it('answers NOT_FOUND (not a 500) for an id that names nobody', async () => {
      await expectCode(create(randomUUID()), 'NOT_FOUND');
    });
  });

  describe("a side's own fields", () => {
    it('are changed by that side only: in the service, and by the database policy', async () => {
      const { items } = await activeAgreement(w);
      const rights = itemOf(items, 'rights'); // led by B
      const mine = await w.bLead.jointItem.updateSide({ id: rights.id, rowVersion: rights.rowVersion, partySlug: w.B.slug, responsibleUserId: w.bLeadUser.id, responsibleName: '王芳', responsibleContact: '13800000000' });
      expect(mine.sides.find((s) => s.partySlug === w.B.slug)).toMatchObject({ responsibleName: '王芳', responsibleUserId: w.bLeadUser.id });
      await expectCode(
        w.bLead.jointItem.updateSide({ id: rights.id, rowVersion: mine.rowVersion, partySlug: w.A.slug, responsibleUserId: null, responsibleName: '代填', responsibleContact: '' }),
        'FORBIDDEN',
      );
      // someone else's staff cannot be named responsible for this side
      await expectCode(
        w.bLead.jointItem.updateSide({ id: rights.id, rowVersion: mine.rowVersion, partySlug: w.B.slug, responsibleUserId: w.aLeadUser.id, responsibleName: '', responsibleContact: '' }),
        'NOT_FOUND',
      );
      // the restrictive policy joint_item_side_own_side: as the app role in B's context, A's side row cannot be updated
      const touched = await withTenant(h.t.db, w.B.id, (tx) =>
        tx
          .update(jointItemSides)
          .set({ responsibleName: '越权' })
          .where(and(eq(jointItemSides.itemId, rights.id), eq(jointItemSides.partyTenantId, w.A.id)))
          .returning(),
      );
      expect(touched).toEqual([]);
      expect((await w.aLead.jointItem.get({ id: rights.id })).sides.find((s) => s.partySlug === w.A.slug)!.responsibleName).toBe('');
      // while A's own context can
      const own = await withTenant(h.t.db, w.A.id, (tx) =>
        tx.update(jointItemSides).set({ responsibleName: '张伟' }).where(and(eq(jointItemSides.itemId, rights.id), eq(jointItemSides.partyTenantId, w.A.id))).returning(),
      );
      expect(own).toHaveLength(1);
    });
  });

  describe('when the agreement is no longer in force', () => {
    it('refuses writes but still shows the items', async () => {
      const { g, items } = await activeAgreement(w);
      const fresh = await w.aAdmin.agreement.get({ id: g.id });
      await w.aAdmin.agreement.terminate({ id: g.id, rowVersion: fresh.rowVersion, reason: '合作调整' });
      const p = itemOf(items, 'programme');
      await expectCode(w.aLead.jointItem.update({ id: p.id, rowVersion: p.rowVersion, title: '终止后' }), 'INVALID_TRANSITION');
      expect((await w.bLead.jointItem.list({ agreementId: g.id })).length).toBe(5);
    });
  });
});
