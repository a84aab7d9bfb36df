import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { activeAgreement, itemOf, makeItemsWorld, type ItemsWorld } from './jointItem.testkit.ts';

// On the PostgreSQL server (TEST_DATABASE_URL) these race real transactions on separate
// connections; on PGlite (one connection) the same calls run one after another.
describe('concurrent writes on joint items', () => {
  let h: Harness;
  let w: ItemsWorld;
  beforeAll(async () => {
    h = await createHarness();
    w = await makeItemsWorld(h);
  });
  afterAll(() => h.close());

  const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? ((r.reason as { cause?: { code?: string } }).cause?.code ?? 'other') : 'ok');

  it('completes a milestone exactly once when both leads confirm at the same moment (30 rounds)', async () => {
    const { items } = await activeAgreement(w);
    const item = itemOf(items, 'project');
    for (let round = 0; round < 30; round++) {
      const m = await w.aLead.jointItem.milestone.create({ itemId: item.id, title: `节点 ${round}`, dueDate: '2026-09-30' });
      // each side also repeats its own click at once
      const results = await Promise.allSettled([
        w.aLead.jointItem.milestone.confirm({ id: m.id, round: 1 }),
        w.bLead.jointItem.milestone.confirm({ id: m.id, round: 1 }),
        w.aAdmin.jointItem.milestone.confirm({ id: m.id, round: 1 }),
        w.bLead.jointItem.milestone.confirm({ id: m.id, round: 1 }),
      ]);
      expect(results.map(codeOf), `round ${round}`).toEqual(['ok', 'ok', 'ok', 'ok']);
      const after = (await w.bLead.jointItem.milestone.list({ itemId: item.id })).find((x) => x.id === m.id)!;
      expect(after.status).toBe('done');
      const feed = await w.aLead.jointItem.activity({ itemId: item.id, limit: 200 });
      expect(feed.filter((e) => e.type === 'milestone.completed' && e.data.title === m.title), `round ${round}`).toHaveLength(1);
      expect(feed.filter((e) => e.type === 'milestone.confirmed' && e.data.title === m.title)).toHaveLength(2);
    }
    const completed = (await w.aAdmin.audit.list({ type: 'milestone.confirmed', limit: 200 })).items.filter((e) => e.data.completed === true);
    expect(completed).toHaveLength(30);
    expect(await w.aAdmin.audit.verify()).toMatchObject({ ok: true });
    expect(await w.bAdmin.audit.verify()).toMatchObject({ ok: true });
    expect((await w.aLead.jointItem.get({ id: item.id })).progress).toEqual({ done: 30, total: 30, percent: 100 });
  }, 300_000);

  it('never loses an edit silently: of two edits on the same version one wins, the other is told (20 rounds)', async () => {
    const { items } = await activeAgreement(w);
    let item = itemOf(items, 'programme'); // led by A: its lead and its admin both may edit
    for (let round = 0; round < 20; round++) {
      const results = await Promise.allSettled([
        w.aLead.jointItem.update({ id: item.id, rowVersion: item.rowVersion, title: `甲的标题 ${round}`, description: `甲 ${round}` }),
        w.aAdmin.jointItem.update({ id: item.id, rowVersion: item.rowVersion, title: `乙的标题 ${round}`, endDate: '2027-06-30' }),
      ]);
      const codes = results.map(codeOf).sort();
      expect(codes, `round ${round}`).toEqual(['STALE_VERSION', 'ok']);
      const winner = results.find((r) => r.status === 'fulfilled')!.value;
      item = await w.bLead.jointItem.get({ id: item.id });
      expect(item.title).toBe(winner.title);
      expect(item.rowVersion).toBe(winner.rowVersion);
    }
  }, 300_000);
});
