import { federations, users, withoutTenant } from '@uc/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, type Harness } from '../test/harness.ts';
import { seedDemo } from './demo.ts';

// The demo rights referrals: 杭州 → 宁波 in every state, one breached and escalated once, one
// whose consent was withdrawn; Shaoxing sees none of them.

describe('demo rights data', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await seedDemo(h.t.db, h.env);
  }, 240_000);
  afterAll(() => h.close());

  const callerOf = async (slug: string, local: string) => {
    const [fed] = await withoutTenant(h.t.db, (tx) => tx.select().from(federations).where(eq(federations.slug, slug)));
    const [user] = await withoutTenant(h.t.db, (tx) => tx.select().from(users).where(eq(users.email, `${local}@${slug}.demo`)));
    return callerFor(h, { id: user!.id, email: user!.email }, { id: fed!.id, slug, rootUnitId: '' });
  };

  it('has referrals in every state, a breach escalated once, a withdrawn consent', async () => {
    const hz = await callerOf('hangzhou', 'caseworker');
    const nb = await callerOf('ningbo', 'caseworker');
    const referred = await hz.referral.list({ side: 'referred' });
    expect(new Set(referred.map((r) => r.status))).toEqual(new Set(['submitted', 'on_hold', 'resolved', 'archived', 'returned', 'accepted']));
    expect((await nb.referral.list({ side: 'received' })).map((r) => r.id).sort()).toEqual(referred.map((r) => r.id).sort());
    expect(referred.filter((r) => !r.consentActive)).toHaveLength(1);
    const board = await hz.referral.board();
    expect(board.breaches.some((b) => b.clock === 'accept')).toBe(true);
    const breachNotices = (await nb.notification.list()).items.filter((n) => n.kind === 'rights.sla_breach');
    expect(breachNotices.length).toBeGreaterThanOrEqual(1);
    const held = referred.find((r) => r.status === 'on_hold')!;
    expect(held.clocks.find((c) => c.kind === 'resolve')!.state).toBe('paused');
    // the dashboard panel: for the supervisor (admin), not for an officer
    const panel = (await (await callerOf('hangzhou', 'admin')).dashboard.panels({ scope: 'federation' })).panels.find((p) => p.key === 'rights.board');
    expect(panel?.view).toMatchObject({ type: 'stats' });
    const stats = (panel!.view as { stats: { key: string; value: number }[] }).stats;
    expect(stats.find((x) => x.key === 'referred')!.value).toBe(6);
    expect(stats.find((x) => x.key === 'breached')!.value).toBeGreaterThanOrEqual(1);
    expect((await (await callerOf('hangzhou', 'officer')).dashboard.panels({ scope: 'federation' })).panels.map((p) => p.key)).not.toContain('rights.board');
    const sx = await callerOf('shaoxing', 'caseworker');
    expect(await sx.referral.list()).toEqual([]);
  });
});
