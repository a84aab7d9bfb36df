import { federations, users, withoutTenant } from '@uc/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, type Harness } from '../test/harness.ts';
import { HANGYONG_TITLE } from './agreements.ts';
import { seedDemo } from './demo.ts';
import { seedDemoItems } from './itemsDemo.ts';

describe('demo joint items', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await seedDemo(h.t.db, h.env);
  }, 300_000);
  afterAll(() => h.close());

  const callerOf = async (slug: string, local: string) => {
    const [fed] = await withoutTenant(h.t.db, (tx) => tx.select().from(federations).where(eq(federations.slug, slug)));
    const [user] = await withoutTenant(h.t.db, (tx) => tx.select().from(users).where(eq(users.email, `${local}@${slug}.demo`)));
    return callerFor(h, { id: user!.id, email: user!.email }, { id: fed!.id, slug, rootUnitId: '' });
  };

  it('gives the 杭甬 items all five kinds, milestones in every state, some overdue, and updates from both sides', async () => {
    const nb = await callerOf('ningbo', 'lead');
    const g = (await nb.agreement.list()).find((a) => a.title === HANGYONG_TITLE)!;
    const items = await nb.jointItem.list({ agreementId: g.id });
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['programme', 'rights', 'contest', 'recuperation', 'project']));
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['in_progress', 'delayed', 'not_started']));
    const milestones = (await Promise.all(items.map((i) => nb.jointItem.milestone.list({ itemId: i.id })))).flat();
    const confirmedBy = (m: (typeof milestones)[number]) => m.sides.filter((s) => s.confirmedAt).length;
    expect(milestones.some((m) => m.status === 'done')).toBe(true);
    expect(milestones.some((m) => m.status === 'open' && confirmedBy(m) === 1)).toBe(true);
    expect(milestones.some((m) => m.round === 2 && m.reopenReason)).toBe(true);
    expect(milestones.filter((m) => m.overdue).length).toBeGreaterThanOrEqual(3);
    expect(milestones.some((m) => m.status === 'open' && !m.overdue && confirmedBy(m) === 0)).toBe(true);
    const updates = (await Promise.all(items.map((i) => nb.jointItem.progress.list({ itemId: i.id })))).flat();
    expect(new Set(updates.map((u) => u.partySlug))).toEqual(new Set(['hangzhou', 'ningbo']));
    expect(new Set(updates.map((u) => u.health))).toEqual(new Set(['on_track', 'at_risk', 'off_track']));
    expect(updates.some((u) => u.attachments.length && u.attachments[0]!.contentType === 'application/pdf')).toBe(true);

    // both demo leads have work waiting, the most urgent first
    for (const slug of ['hangzhou', 'ningbo']) {
      const mine = await (await callerOf(slug, 'lead')).jointItem.myItems({});
      expect(mine.length).toBeGreaterThanOrEqual(5);
      expect(mine[0]!.overdueMilestones).toBeGreaterThan(0);
    }
    // shaoxing sees none of it
    const sx = await callerOf('shaoxing', 'lead');
    expect(await sx.jointItem.myItems({})).toEqual([]);
    const dash = await sx.dashboard.panels({ scope: 'federation' });
    const ks = dash.panels.find((p) => p.key === 'items.kind_status')!.view;
    expect(ks.type === 'matrix' && ks.values.flat().every((n) => n === 0)).toBe(true);
    for (const slug of ['hangzhou', 'ningbo']) expect((await (await callerOf(slug, 'admin')).audit.verify()).ok).toBe(true);
  });

  it('runs once', async () => {
    expect(await seedDemoItems(h.t.db, h.env)).toBe(false);
  });
});
