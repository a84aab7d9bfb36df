import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../lib/dates.ts';
import { activeAgreement, itemOf, makeItemsWorld, type ItemsWorld } from '../modules/jointItem/jointItem.testkit.ts';
import type { Caller } from '../test/caller.ts';
import { callerFor, createHarness, makeStaff, type Harness } from '../test/harness.ts';
import { runMilestoneOverdue } from './milestone.overdue.ts';

/** 08:30 in China on that calendar date, when the daily job runs (00:30 UTC) */
const chinaMorning = (date: string) => new Date(`${date}T08:30:00+08:00`);

describe('items.overdue job', () => {
  let h: Harness;
  let w: ItemsWorld;
  let bOtherLead: Caller;
  beforeAll(async () => {
    h = await createHarness();
    w = await makeItemsWorld(h);
    bOtherLead = await callerFor(h, await makeStaff(h, w.B, ['lead']), w.B);
  });
  afterAll(() => h.close());

  const run = (date: string) => runMilestoneOverdue(h.t.db, chinaMorning(date), h.env);
  const notices = async (c: Caller, milestone: string) => (await c.notification.list()).items.filter((n) => n.kind === 'milestone.overdue' && n.title.includes(milestone));
  const outboxCount = async () => Number((await h.t.query<{ n: string }>(`select count(*) as n from outbox`))[0]!.n);

  it('alerts both leads once on the first day overdue, once more each further week, never twice for a period', async () => {
    const { items } = await activeAgreement(w);
    const item = itemOf(items, 'rights'); // led by B
    // B names its responsible person; A has none, so A's leads are told
    await w.bLead.jointItem.updateSide({ id: item.id, rowVersion: item.rowVersion, partySlug: w.B.slug, responsibleUserId: w.bLeadUser.id, responsibleName: '王芳', responsibleContact: '' });
    const due = '2031-05-10';
    const m = await w.bLead.jointItem.milestone.create({ itemId: item.id, title: '维权驿站挂牌', dueDate: due });

    // the due date itself is still in time
    expect((await run(due)).alerted.filter((x) => x.milestoneId === m.id)).toEqual([]);

    const mails = await outboxCount();
    expect((await run(addDays(due, 1))).alerted.filter((x) => x.milestoneId === m.id)).toEqual([{ milestoneId: m.id, period: 0 }]);
    // twice on the same day, and concurrently: nothing more
    await Promise.all([run(addDays(due, 1)), run(addDays(due, 1))]);
    expect(await notices(w.aLead, '维权驿站挂牌')).toHaveLength(1);
    expect(await notices(w.bLead, '维权驿站挂牌')).toHaveLength(1);
    // B's other lead is not the named one: not told
    expect(await notices(bOtherLead, '维权驿站挂牌')).toHaveLength(0);
    expect(await outboxCount()).toBe(mails + 2);
    const [notice] = await notices(w.aLead, '维权驿站挂牌');
    expect(notice!.body).toContain('已逾期 1 天');
    expect(notice!.link).toBe(`/t/${w.A.slug}/items/${item.id}`);

    // days 2–7 are the same period; day 8 starts the next
    for (const d of [2, 7]) expect((await run(addDays(due, d))).alerted.filter((x) => x.milestoneId === m.id)).toEqual([]);
    expect((await run(addDays(due, 8))).alerted.filter((x) => x.milestoneId === m.id)).toEqual([{ milestoneId: m.id, period: 1 }]);
    await run(addDays(due, 8));
    expect(await notices(w.aLead, '维权驿站挂牌')).toHaveLength(2);
    expect(await outboxCount()).toBe(mails + 4);

    const feed = await w.aLead.jointItem.activity({ itemId: item.id, limit: 50 });
    expect(feed.filter((e) => e.type === 'milestone.overdue').map((e) => [e.actor.kind, e.actorPartySlug, e.data.period])).toEqual([
      ['system', null, 1],
      ['system', null, 0],
    ]);
    expect(await w.aAdmin.audit.verify()).toMatchObject({ ok: true });

    // confirmed by both sides: no more alerts
    await w.aLead.jointItem.milestone.confirm({ id: m.id, round: 1 });
    await w.bLead.jointItem.milestone.confirm({ id: m.id, round: 1 });
    expect((await run(addDays(due, 15))).alerted.filter((x) => x.milestoneId === m.id)).toEqual([]);
  });

  it('alerts again for a new due date after the milestone was moved', async () => {
    const { items } = await activeAgreement(w);
    const item = itemOf(items, 'project'); // led by A
    const m = await w.aLead.jointItem.milestone.create({ itemId: item.id, title: '中期评估', dueDate: '2031-06-01' });
    expect((await run('2031-06-02')).alerted.some((x) => x.milestoneId === m.id)).toBe(true);
    await w.aLead.jointItem.milestone.update({ id: m.id, rowVersion: m.rowVersion, dueDate: '2031-06-05' });
    expect((await run('2031-06-03')).alerted.some((x) => x.milestoneId === m.id)).toBe(false);
    expect((await run('2031-06-06')).alerted.filter((x) => x.milestoneId === m.id)).toEqual([{ milestoneId: m.id, period: 0 }]);
  });
});
