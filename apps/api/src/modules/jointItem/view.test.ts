import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../lib/dates.ts';
import { createHarness, type Harness } from '../../test/harness.ts';
import { activeAgreement, itemOf, makeItemsWorld, type ItemsWorld } from './jointItem.testkit.ts';

describe('the project-lead views', () => {
  let h: Harness;
  let w: ItemsWorld;
  let today: string;
  beforeAll(async () => {
    h = await createHarness();
    w = await makeItemsWorld(h);
    today = chinaDate(h.now());
  });
  afterAll(() => h.close());

  it('"my items" lists where I am responsible or own a milestone, across agreements, most urgent first', async () => {
    // a world of its own: "my items" spans every agreement, so another test's items would join the list
    const w = await makeItemsWorld(h);
    const first = await activeAgreement(w);
    const second = await activeAgreement(w);
    const rights = itemOf(first.items, 'rights'); // led by B
    const recup = itemOf(second.items, 'recuperation'); // led by B
    const project = itemOf(second.items, 'project'); // led by A
    const contest = itemOf(first.items, 'contest'); // led by A
    // B's lead is responsible for rights (B leads: "lead") and for B's side of the project ("responsible")
    await w.bLead.jointItem.updateSide({ id: rights.id, rowVersion: rights.rowVersion, partySlug: w.B.slug, responsibleUserId: w.bLeadUser.id, responsibleName: '王芳', responsibleContact: '' });
    await w.bLead.jointItem.updateSide({ id: project.id, rowVersion: project.rowVersion, partySlug: w.B.slug, responsibleUserId: w.bLeadUser.id, responsibleName: '王芳', responsibleContact: '' });
    await w.bLead.jointItem.updateSide({ id: recup.id, rowVersion: recup.rowVersion, partySlug: w.B.slug, responsibleUserId: w.bLeadUser.id, responsibleName: '王芳', responsibleContact: '' });
    // …and owns B's side of a contest milestone ("milestone_owner")
    const cm = await w.aLead.jointItem.milestone.create({ itemId: contest.id, title: '初赛', dueDate: addDays(today, 30) });
    await w.bLead.jointItem.milestone.setOwner({ id: cm.id, partySlug: w.B.slug, ownerUserId: w.bLeadUser.id, ownerName: '王芳' });
    // urgency: the project has an overdue milestone, recuperation is off track, rights has one due in 3 days
    await w.aLead.jointItem.milestone.create({ itemId: project.id, title: '调研', dueDate: addDays(today, -2) });
    await w.aLead.jointItem.progress.post({ itemId: recup.id, health: 'off_track', text: '基地改造推迟' });
    await w.bLead.jointItem.milestone.create({ itemId: rights.id, title: '驿站挂牌', dueDate: addDays(today, 3) });

    const mine = await w.bLead.jointItem.myItems({});
    expect(mine.map((i) => [i.title, i.reasons])).toEqual([
      [project.title, ['responsible']],
      [recup.title, ['lead', 'responsible']],
      [rights.title, ['lead', 'responsible']],
      [contest.title, ['milestone_owner']],
    ]);
    expect(mine[0]).toMatchObject({ overdueMilestones: 1, agreementTitle: second.g.title });
    expect(mine[1]!.health).toBe('off_track');
    expect(mine[2]).toMatchObject({ dueSoonMilestones: 1, nextDueDate: addDays(today, 3) });
    // A's lead has none of these (nobody named them)
    expect(await w.aLead.jointItem.myItems({})).toEqual([]);
    // a finished item leaves the list unless asked for
    const r = await w.bLead.jointItem.get({ id: rights.id });
    await w.bLead.jointItem.setStatus({ id: r.id, rowVersion: r.rowVersion, status: 'cancelled', reason: '并入其他项目' });
    expect((await w.bLead.jointItem.myItems({})).map((i) => i.id)).not.toContain(rights.id);
    expect((await w.bLead.jointItem.myItems({ includeClosed: true })).map((i) => i.id)).toContain(rights.id);
  });

  it('"my items" counts the milestones the other side confirmed in this round and mine has not, and ranks them first among calm items', async () => {
    const { items } = await activeAgreement(w);
    let p = itemOf(items, 'project'); // led by A
    const calm = itemOf(items, 'recuperation'); // led by B
    for (const [caller, party, user] of [[w.aLead, w.A, w.aLeadUser], [w.bLead, w.B, w.bLeadUser]] as const) {
      p = await caller.jointItem.updateSide({ id: p.id, rowVersion: p.rowVersion, partySlug: party.slug, responsibleUserId: user.id, responsibleName: '负责人', responsibleContact: '' });
    }
    await w.bLead.jointItem.updateSide({ id: calm.id, rowVersion: calm.rowVersion, partySlug: w.B.slug, responsibleUserId: w.bLeadUser.id, responsibleName: '王芳', responsibleContact: '' });
    // the calm item falls due sooner: only the confirmation waiting on B can put the project above it
    await w.bLead.jointItem.milestone.create({ itemId: calm.id, title: '基地踏勘', dueDate: addDays(today, 20) });
    const [byA, byB, reopened] = [
      await w.aLead.jointItem.milestone.create({ itemId: p.id, title: '调研报告', dueDate: addDays(today, 30) }),
      await w.aLead.jointItem.milestone.create({ itemId: p.id, title: '中期评估', dueDate: addDays(today, 40) }),
      await w.aLead.jointItem.milestone.create({ itemId: p.id, title: '结项', dueDate: addDays(today, 50) }),
    ];
    await w.aLead.jointItem.milestone.confirm({ id: byA.id, round: 1 }); // waits on B
    await w.bLead.jointItem.milestone.confirm({ id: byB.id, round: 1 }); // waits on A
    // A's confirmation belongs to round 1; once B reopens it, nobody has confirmed round 2
    await w.aLead.jointItem.milestone.confirm({ id: reopened.id, round: 1 });
    await w.bLead.jointItem.milestone.reopen({ id: reopened.id, round: 1, reason: '材料不全' });

    const awaiting = async (caller: typeof w.aLead, id: string) => (await caller.jointItem.myItems({})).find((i) => i.id === id)!.awaitingMyConfirmation;
    expect(await awaiting(w.bLead, p.id)).toBe(1);
    expect(await awaiting(w.aLead, p.id)).toBe(1);
    expect(await awaiting(w.bLead, calm.id)).toBe(0);
    const mine = (await w.bLead.jointItem.myItems({})).map((i) => i.id);
    expect(mine.indexOf(p.id)).toBeLessThan(mine.indexOf(calm.id));
    // B confirms: the milestone is done and nothing waits on B any more
    await w.bLead.jointItem.milestone.confirm({ id: byA.id, round: 1 });
    expect(await awaiting(w.bLead, p.id)).toBe(0);
    expect(await awaiting(w.aLead, p.id)).toBe(1);
  });

  it('the board counts every kind × status cell; the timeline carries items with their milestones', async () => {
    const { g, items } = await activeAgreement(w);
    const p = itemOf(items, 'project');
    await w.aLead.jointItem.setStatus({ id: p.id, rowVersion: p.rowVersion, status: 'in_progress' });
    const late = await w.aLead.jointItem.milestone.create({ itemId: p.id, title: '中期评估', dueDate: addDays(today, -1) });
    const board = await w.bLead.jointItem.board({ agreementId: g.id });
    // the header: the agreement, its parties, and what the caller may do (like the item page)
    expect(board.agreement).toEqual({
      id: g.id,
      title: g.title,
      status: 'active',
      termStart: '2025-01-01',
      termEnd: '2027-12-31',
      parties: [w.A, w.B].map((f) => ({ slug: f.slug, nameZh: expect.any(String), nameEn: expect.any(String) })),
    });
    expect(board.permissions).toEqual({ mySlug: w.B.slug, canWrite: true });
    expect((await w.aOfficer.jointItem.board({ agreementId: g.id })).permissions).toEqual({ mySlug: w.A.slug, canWrite: false });
    expect(board.cells).toHaveLength(25);
    expect(board.cells.reduce((s, c) => s + c.count, 0)).toBe(5);
    expect(board.cells.find((c) => c.kind === 'project' && c.status === 'in_progress')!.count).toBe(1);
    expect(board.cells.find((c) => c.kind === 'programme' && c.status === 'not_started')!.count).toBe(1);
    const tl = await w.bLead.jointItem.timeline({ agreementId: g.id });
    expect(tl).toMatchObject({ termStart: '2025-01-01', termEnd: '2027-12-31', today });
    expect(tl.items.find((i) => i.id === p.id)!.milestones).toEqual([{ id: late.id, title: '中期评估', dueDate: addDays(today, -1), status: 'open', overdue: true }]);
  });

  it('the board of an agreement no longer in force still shows, with no writes offered', async () => {
    const { g } = await activeAgreement(w);
    const fresh = await w.aAdmin.agreement.get({ id: g.id });
    await w.aAdmin.agreement.terminate({ id: g.id, rowVersion: fresh.rowVersion, reason: '合作调整' });
    const board = await w.aLead.jointItem.board({ agreementId: g.id });
    expect(board.agreement.status).toBe('terminated');
    expect(board.permissions).toEqual({ mySlug: w.A.slug, canWrite: false });
    expect(board.items).toHaveLength(5);
  });

  it('the item page shows both sides everything, and tells each what it may do', async () => {
    const { items } = await activeAgreement(w);
    const p = itemOf(items, 'project'); // led by A
    await w.aLead.jointItem.milestone.create({ itemId: p.id, title: '立项', dueDate: addDays(today, 10) });
    await w.bLead.jointItem.progress.post({ itemId: p.id, health: 'on_track', text: '宁波调研已完成' });
    const forA = await w.aLead.jointItem.page({ id: p.id });
    const forB = await w.bLead.jointItem.page({ id: p.id });
    expect(forA.permissions).toEqual({ mySlug: w.A.slug, canWrite: true, canEditCore: true });
    expect(forB.permissions).toEqual({ mySlug: w.B.slug, canWrite: true, canEditCore: false });
    expect((await w.aOfficer.jointItem.page({ id: p.id })).permissions).toMatchObject({ canWrite: false, canEditCore: false });
    expect(forA.milestones).toEqual(forB.milestones);
    expect(forA.updates).toEqual(forB.updates);
    expect(forA.activity.map((e) => [e.type, e.actorPartySlug])).toEqual([
      ['progress.posted', w.B.slug],
      ['milestone.created', w.A.slug],
      // a plan item is created by the signature that put the agreement in force (B signs last)
      ['item.created', w.B.slug],
    ]);
  });

  it('the activity of an agreement collects every item, newest first, and pages', async () => {
    const { g, items } = await activeAgreement(w);
    await w.bLead.jointItem.progress.post({ itemId: itemOf(items, 'rights').id, health: 'at_risk', text: '人手不足' });
    const all = await w.aLead.jointItem.activity({ agreementId: g.id, limit: 50 });
    expect(all).toHaveLength(6);
    expect(all[0]).toMatchObject({ type: 'progress.posted', itemTitle: itemOf(items, 'rights').title });
    const page1 = await w.aLead.jointItem.activity({ agreementId: g.id, limit: 4 });
    const page2 = await w.aLead.jointItem.activity({ agreementId: g.id, limit: 4, before: page1.at(-1)!.id });
    expect([...page1, ...page2].map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it('dashboards count per agreement and per federation: kind × status, overdue milestones, health by week', async () => {
    const { g, items } = await activeAgreement(w);
    const p = itemOf(items, 'project');
    const m = await w.aLead.jointItem.milestone.create({ itemId: p.id, title: '结项验收', dueDate: addDays(today, -3) });
    await w.bLead.jointItem.progress.post({ itemId: p.id, health: 'at_risk', text: '先有风险' });
    await w.aLead.jointItem.progress.post({ itemId: p.id, health: 'off_track', text: '再严重滞后' });
    await w.aLead.jointItem.progress.post({ itemId: itemOf(items, 'programme').id, health: 'on_track', text: '正常' });

    const dash = await w.bLead.dashboard.panels({ scope: 'agreement', agreementId: g.id });
    // other modules add their own panels after these
    const own = dash.panels.filter((x) => x.module === 'items');
    expect(own.map((x) => x.key)).toEqual(['items.kind_status', 'items.overdue_milestones', 'items.health_trend']);
    expect(dash.panels.slice(0, 3)).toEqual(own);
    const [ks, od, ht] = [own[0]!.view, own[1]!.view, own[2]!.view];
    if (ks.type !== 'matrix' || od.type !== 'list' || ht.type !== 'series') throw new Error('panel shapes');
    expect(ks.values.flat().reduce((s, n) => s + n, 0)).toBe(5);
    expect(ks.rows[4]).toEqual({ key: 'project', label: { zh: '项目共同研究', en: 'Joint projects' } });
    expect(od.total).toBe(1);
    expect(od.rows[0]).toMatchObject({ id: m.id, title: '结项验收', subtitle: p.title, date: addDays(today, -3), value: 3, link: `/t/{slug}/items/${p.id}` });
    expect(ht.x).toHaveLength(12);
    // this week: the project counted once, by its latest health, and the programme on track
    expect(ht.series.map((s) => [s.key, s.values.at(-1)])).toEqual([
      ['on_track', 1],
      ['at_risk', 0],
      ['off_track', 1],
    ]);

    // the federation view of each party sums every active agreement it is party to
    const fedB = await w.bLead.dashboard.panels({ scope: 'federation' });
    const fedA = await w.aLead.dashboard.panels({ scope: 'federation' });
    const total = (d: typeof fedA) => {
      const v = d.panels[0]!.view;
      return v.type === 'matrix' ? v.values.flat().reduce((s, n) => s + n, 0) : -1;
    };
    expect(total(fedA)).toBe(total(fedB));
    expect(total(fedA)).toBeGreaterThanOrEqual(5);
    const odA = fedA.panels[1]!.view;
    expect(odA.type === 'list' && odA.rows.some((r) => r.id === m.id)).toBe(true);
  });
});
