import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, TEST_PASSWORD, type Harness } from '../../test/harness.ts';
import type { Caller } from '../../test/caller.ts';
import { activeAgreement, itemOf, makeItemsWorld, type ItemsWorld } from '../jointItem/jointItem.testkit.ts';
import { negotiating } from '../mechanism/mechanism.testkit.ts';
import { compareTodo } from './todo.query.ts';

// The staff to-do list (待办): each source's item appears for the roles that act on it, in the
// federation that must act, disappears once done, and never shows to another federation.

const keysOf = async (c: Caller, kind: string) => (await c.home.todo()).items.filter((i) => i.kind === kind).map((i) => i.key.split(':')[1]);
const dayOffset = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('to-do list', () => {
  let h: Harness;
  let w: ItemsWorld;
  beforeAll(async () => {
    h = await createHarness();
    w = await makeItemsWorld(h);
  });
  afterAll(() => h.close());

  it('agreements: the other party reviews a draft; each signatory signs, and the item goes once signed', async () => {
    const g = await negotiating(w.aAdmin, [w.B.slug]);
    expect(await keysOf(w.bAdmin, 'agreement.review')).toContain(g.id);
    expect(await keysOf(w.aAdmin, 'agreement.review')).not.toContain(g.id); // A wrote the draft
    expect(await keysOf(w.c, 'agreement.review')).not.toContain(g.id);

    await w.aAdmin.agreement.sendForSignature({ id: g.id, rowVersion: (await w.aAdmin.agreement.get({ id: g.id })).rowVersion });
    const sent = await w.aAdmin.agreement.get({ id: g.id });
    expect(await keysOf(w.aAdmin, 'agreement.sign')).toContain(g.id);
    expect(await keysOf(w.bAdmin, 'agreement.sign')).toContain(g.id);
    expect(await keysOf(w.aLead, 'agreement.sign')).toEqual([]); // a lead does not sign
    expect(await keysOf(w.c, 'agreement.sign')).not.toContain(g.id);
    const todo = (await w.bAdmin.home.todo()).items.find((i) => i.key === `agreement.sign:${g.id}`)!;
    expect(todo).toMatchObject({ module: 'agreement', link: { to: '/t/$tenant/agreements/$agreementId/signing', params: { agreementId: g.id } }, params: { title: sent.title } });

    await w.aAdmin.agreement.sign({ id: g.id, versionId: sent.currentVersion.id, contentHash: sent.currentVersion.contentHash!, password: TEST_PASSWORD, idempotencyKey: crypto.randomUUID() });
    expect(await keysOf(w.aAdmin, 'agreement.sign')).not.toContain(g.id);
    expect(await keysOf(w.bAdmin, 'agreement.sign')).toContain(g.id);
  });

  it('milestones: near or past due, or confirmed by the partner, wait for our lead until we confirm', async () => {
    const { items } = await activeAgreement(w);
    const item = itemOf(items, 'project');
    const late = await w.aLead.jointItem.milestone.create({ itemId: item.id, title: '调研报告', dueDate: dayOffset(-3) });
    const far = await w.aLead.jointItem.milestone.create({ itemId: item.id, title: '结项', dueDate: dayOffset(90) });
    expect(await keysOf(w.aLead, 'items.confirmMilestone')).toContain(late.id);
    expect(await keysOf(w.aLead, 'items.confirmMilestone')).not.toContain(far.id);
    const mine = (await w.aLead.home.todo()).items.find((i) => i.key === `items.confirmMilestone:${late.id}`)!;
    expect(mine).toMatchObject({ urgency: 'overdue', due: dayOffset(-3), link: { params: { itemId: item.id } } });
    expect(await keysOf(w.aOfficer, 'items.confirmMilestone')).toEqual([]); // an officer cannot confirm
    expect(await keysOf(w.c, 'items.confirmMilestone')).toEqual([]);

    // B confirms the far one: now it waits for A as "the partner confirmed"
    await w.bLead.jointItem.milestone.confirm({ id: far.id, round: 1 });
    expect(await keysOf(w.aLead, 'items.confirmMilestonePartner')).toContain(far.id);
    expect(await keysOf(w.bLead, 'items.confirmMilestonePartner')).not.toContain(far.id);

    await w.aLead.jointItem.milestone.confirm({ id: late.id, round: 1 });
    expect(await keysOf(w.aLead, 'items.confirmMilestone')).not.toContain(late.id);
    expect(await keysOf(w.bLead, 'items.confirmMilestonePartner')).toContain(late.id); // now B's turn
  });

  it('sorts the most urgent first, then the earliest due, then the newest', () => {
    const base = { module: 'items' as const, kind: 'k', params: {}, link: { to: '/', params: {} } };
    const list = [
      { ...base, key: 'a', urgency: 'normal' as const, due: null, at: '2026-01-03T00:00:00Z' },
      { ...base, key: 'b', urgency: 'soon' as const, due: '2026-01-09', at: '2026-01-01T00:00:00Z' },
      { ...base, key: 'c', urgency: 'overdue' as const, due: '2026-01-02', at: '2026-01-01T00:00:00Z' },
      { ...base, key: 'd', urgency: 'normal' as const, due: null, at: '2026-01-05T00:00:00Z' },
      { ...base, key: 'e', urgency: 'soon' as const, due: '2026-01-08', at: '2026-01-01T00:00:00Z' },
    ];
    expect(list.sort(compareTodo).map((x) => x.key)).toEqual(['c', 'e', 'b', 'd', 'a']);
  });
});
