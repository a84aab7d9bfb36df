import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { activeAgreement, itemOf, makeItemsWorld, type ItemsWorld } from './jointItem.testkit.ts';

describe('milestones of a joint item', () => {
  let h: Harness;
  let w: ItemsWorld;
  beforeAll(async () => {
    h = await createHarness();
    w = await makeItemsWorld(h);
  });
  afterAll(() => h.close());

  async function projectWithMilestones(n: number) {
    const { g, items } = await activeAgreement(w);
    const item = itemOf(items, 'project'); // led by A
    const ms = [];
    for (let k = 0; k < n; k++) ms.push(await w.aLead.jointItem.milestone.create({ itemId: item.id, title: `节点${k + 1}`, dueDate: `2026-0${k + 3}-2${k}`, ownerName: '张伟' }));
    return { g, item, ms };
  }

  it('are planned by the lead federation, with each side naming its own owner', async () => {
    const { item, ms } = await projectWithMilestones(1);
    const m = ms[0]!;
    expect(m.sides.map((s) => [s.partySlug, s.ownerName, s.confirmedAt])).toEqual([
      [w.A.slug, '张伟', null],
      [w.B.slug, '', null],
    ]);
    await expectCode(w.bLead.jointItem.milestone.create({ itemId: item.id, title: '宁波加的', dueDate: '2026-05-01' }), 'FORBIDDEN');
    await expectCode(w.bLead.jointItem.milestone.update({ id: m.id, rowVersion: m.rowVersion, dueDate: '2026-05-01' }), 'FORBIDDEN');
    const owned = await w.bLead.jointItem.milestone.setOwner({ id: m.id, partySlug: w.B.slug, ownerUserId: w.bLeadUser.id, ownerName: '李敏' });
    expect(owned.sides.find((s) => s.partySlug === w.B.slug)).toMatchObject({ ownerName: '李敏', ownerUserId: w.bLeadUser.id });
    await expectCode(w.bLead.jointItem.milestone.setOwner({ id: m.id, partySlug: w.A.slug, ownerUserId: null, ownerName: '代填' }), 'FORBIDDEN');
    expect((await w.aLead.jointItem.milestone.list({ itemId: item.id }))[0]!.sides[0]!.ownerName).toBe('张伟');
  });

  describe('dual confirmation', () => {
    it('is done only when both sides have confirmed; a repeat changes nothing; progress follows', async () => {
      const { item, ms } = await projectWithMilestones(3);
      const m = ms[0]!;
      const one = await w.aLead.jointItem.milestone.confirm({ id: m.id, round: 1 });
      expect(one).toMatchObject({ status: 'open', doneAt: null });
      // named by the account's name and the party it confirmed for, never by the login email
      expect(one.sides.find((s) => s.partySlug === w.A.slug)!.confirmedBy).toEqual({ kind: 'person', name: w.aLeadUser.email.split('@')[0], title: '', unit: w.A.nameZh });
      // A confirming again (or another A lead) does not make it done
      expect(await w.aAdmin.jointItem.milestone.confirm({ id: m.id, round: 1 })).toMatchObject({ status: 'open' });
      expect((await w.bLead.jointItem.get({ id: item.id })).progress).toEqual({ done: 0, total: 3, percent: 0 });
      const both = await w.bLead.jointItem.milestone.confirm({ id: m.id, round: 1 });
      expect(both.status).toBe('done');
      expect(both.doneAt).not.toBeNull();
      expect(both.sides.every((s) => s.confirmedAt)).toBe(true);
      expect((await w.aLead.jointItem.get({ id: item.id })).progress).toEqual({ done: 1, total: 3, percent: 33 });
      // confirming a done milestone is harmless
      expect(await w.aLead.jointItem.milestone.confirm({ id: m.id, round: 1 })).toMatchObject({ status: 'done', doneAt: both.doneAt });
      const feed = await w.aLead.jointItem.activity({ itemId: item.id, limit: 50 });
      expect(feed.filter((e) => e.type === 'milestone.completed')).toHaveLength(1);
      expect(feed.filter((e) => e.type === 'milestone.confirmed')).toHaveLength(2);
      const audit = (await w.bAdmin.audit.list({ type: 'milestone.confirmed', limit: 50 })).items.filter((e) => e.entityId === m.id);
      expect(audit.map((e) => e.data.completed)).toEqual([true, false]);
    });

    it('may be reopened by either side with a reason; earlier confirmations no longer count', async () => {
      const { item, ms } = await projectWithMilestones(1);
      const m = ms[0]!;
      await w.aLead.jointItem.milestone.confirm({ id: m.id, round: 1 });
      await w.bLead.jointItem.milestone.confirm({ id: m.id, round: 1 });
      await expectCode(w.bLead.jointItem.milestone.reopen({ id: m.id, round: 1, reason: '' }), 'BAD_REQUEST');
      const reopened = await w.bLead.jointItem.milestone.reopen({ id: m.id, round: 1, reason: '调研报告缺少宁波部分' });
      expect(reopened).toMatchObject({ status: 'open', round: 2, doneAt: null, reopenReason: '调研报告缺少宁波部分' });
      expect(reopened.sides.every((s) => s.confirmedAt === null)).toBe(true);
      // a confirmation prepared on the old round is refused rather than counted for the new one
      await expectCode(w.aLead.jointItem.milestone.confirm({ id: m.id, round: 1 }), 'STALE_VERSION');
      await w.aLead.jointItem.milestone.confirm({ id: m.id, round: 2 });
      expect((await w.bLead.jointItem.milestone.confirm({ id: m.id, round: 2 })).status).toBe('done');
      expect((await w.aLead.jointItem.get({ id: item.id })).progress.percent).toBe(100);
      // not a real date
      await expectCode(w.aLead.jointItem.milestone.create({ itemId: item.id, title: '不存在的日子', dueDate: '2026-02-30' }), 'BAD_REQUEST');
      // nothing to reopen on a milestone nobody has confirmed
      const fresh = await w.aLead.jointItem.milestone.create({ itemId: item.id, title: '新节点', dueDate: '2026-12-01' });
      await expectCode(w.aLead.jointItem.milestone.reopen({ id: fresh.id, round: 1, reason: '无' }), 'ITEM_TRANSITION');
    });

    it('puts a finished item back in progress when one of its milestones is reopened', async () => {
      const { item, ms } = await projectWithMilestones(1);
      await w.aLead.jointItem.milestone.confirm({ id: ms[0]!.id, round: 1 });
      await w.bLead.jointItem.milestone.confirm({ id: ms[0]!.id, round: 1 });
      let i = await w.aLead.jointItem.get({ id: item.id });
      i = await w.aLead.jointItem.setStatus({ id: i.id, rowVersion: i.rowVersion, status: 'in_progress' });
      i = await w.aLead.jointItem.setStatus({ id: i.id, rowVersion: i.rowVersion, status: 'done' });
      await w.bLead.jointItem.milestone.reopen({ id: ms[0]!.id, round: 1, reason: '成果未转化' });
      expect(await w.aLead.jointItem.get({ id: item.id })).toMatchObject({ status: 'in_progress', statusReason: '成果未转化', rowVersion: i.rowVersion + 1 });
    });
  });

  it('refuses changing or deleting a confirmed milestone, deletes an open one with its sides', async () => {
    const { item, ms } = await projectWithMilestones(2);
    await w.aLead.jointItem.milestone.confirm({ id: ms[0]!.id, round: 1 });
    const done = await w.bLead.jointItem.milestone.confirm({ id: ms[0]!.id, round: 1 });
    await expectCode(w.aLead.jointItem.milestone.update({ id: done.id, rowVersion: done.rowVersion, title: '改' }), 'ITEM_TRANSITION');
    await expectCode(w.aLead.jointItem.milestone.delete({ id: done.id, rowVersion: done.rowVersion }), 'ITEM_TRANSITION');
    await expectCode(w.aLead.jointItem.milestone.delete({ id: ms[1]!.id, rowVersion: ms[1]!.rowVersion + 1 }), 'STALE_VERSION');
    await w.aLead.jointItem.milestone.delete({ id: ms[1]!.id, rowVersion: ms[1]!.rowVersion });
    expect((await w.bLead.jointItem.milestone.list({ itemId: item.id })).map((m) => m.id)).toEqual([done.id]);
    expect((await w.bLead.jointItem.get({ id: item.id })).progress).toEqual({ done: 1, total: 1, percent: 100 });
  });
});
