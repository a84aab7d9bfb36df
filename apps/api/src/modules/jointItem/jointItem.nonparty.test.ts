import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { activeAgreement, itemOf, makeItemsWorld, type ItemsWorld } from './jointItem.testkit.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64').toString('base64');

describe('when the caller is not a party', () => {
  let h: Harness;
  let w: ItemsWorld;
  beforeAll(async () => {
    h = await createHarness();
    w = await makeItemsWorld(h);
  });
  afterAll(() => h.close());

  it('answers NOT_FOUND for every joint item, milestone, progress, attachment, Excel and dashboard procedure', async () => {
    const { g, items } = await activeAgreement(w);
    const item = itemOf(items, 'project');
    const m = await w.aLead.jointItem.milestone.create({ itemId: item.id, title: '立项评审', dueDate: '2026-03-31' });
    const file = await w.aLead.jointItem.attachment.upload({ itemId: item.id, filename: 'a.png', contentType: 'image/png', base64: PNG });
    const { base64 } = await w.aLead.jointItem.exportWorkPlan({ agreementId: g.id });

    // C's lead, and A's own lead acting in C (a federation that is not a party)
    const aInC = await callerFor(h, w.aLeadUser, w.C);
    for (const x of [w.c, aInC]) {
      // thunks: each call starts only when awaited (a rejected promise left waiting would be reported as unhandled)
      const calls: [string, () => Promise<unknown>][] = [
        ['list', () => x.jointItem.list({ agreementId: g.id })],
        ['get', () => x.jointItem.get({ id: item.id })],
        ['create', () => x.jointItem.create({ agreementId: g.id, kind: 'programme', title: 't', leadSlug: w.C.slug, startDate: '2026-01-01', endDate: '2026-02-01' })],
        ['update', () => x.jointItem.update({ id: item.id, rowVersion: item.rowVersion, title: 't' })],
        ['setStatus', () => x.jointItem.setStatus({ id: item.id, rowVersion: item.rowVersion, status: 'in_progress' })],
        ['updateSide', () => x.jointItem.updateSide({ id: item.id, rowVersion: item.rowVersion, partySlug: w.C.slug, responsibleUserId: null, responsibleName: 'x', responsibleContact: '' })],
        ['page', () => x.jointItem.page({ id: item.id })],
        ['board', () => x.jointItem.board({ agreementId: g.id })],
        ['timeline', () => x.jointItem.timeline({ agreementId: g.id })],
        ['activity item', () => x.jointItem.activity({ itemId: item.id })],
        ['activity agreement', () => x.jointItem.activity({ agreementId: g.id })],
        ['exportWorkPlan', () => x.jointItem.exportWorkPlan({ agreementId: g.id })],
        ['importWorkPlan', () => x.jointItem.importWorkPlan({ agreementId: g.id, fileBase64: base64 })],
        ['milestone.list', () => x.jointItem.milestone.list({ itemId: item.id })],
        ['milestone.create', () => x.jointItem.milestone.create({ itemId: item.id, title: 't', dueDate: '2026-03-31' })],
        ['milestone.update', () => x.jointItem.milestone.update({ id: m.id, rowVersion: m.rowVersion, title: 't' })],
        ['milestone.setOwner', () => x.jointItem.milestone.setOwner({ id: m.id, partySlug: w.C.slug, ownerUserId: null, ownerName: 'x' })],
        ['milestone.confirm', () => x.jointItem.milestone.confirm({ id: m.id, round: 1 })],
        ['milestone.reopen', () => x.jointItem.milestone.reopen({ id: m.id, round: 1, reason: 'x' })],
        ['milestone.delete', () => x.jointItem.milestone.delete({ id: m.id, rowVersion: m.rowVersion })],
        ['progress.list', () => x.jointItem.progress.list({ itemId: item.id })],
        ['progress.post', () => x.jointItem.progress.post({ itemId: item.id, health: 'on_track', text: 'x' })],
        ['attachment.upload', () => x.jointItem.attachment.upload({ itemId: item.id, filename: 'a.png', contentType: 'image/png', base64: PNG })],
        ['attachment.file', () => x.jointItem.attachment.file({ id: file.id })],
        ['dashboard agreement', () => x.dashboard.panels({ scope: 'agreement', agreementId: g.id })],
      ];
      for (const [name, call] of calls) await expectCode(call(), 'NOT_FOUND').catch((e: Error) => Promise.reject(new Error(`${name}: ${e.message}`)));
    }
    // the federation dashboard of a non-party counts nothing of this agreement
    const dash = await w.c.dashboard.panels({ scope: 'federation' });
    const matrix = dash.panels.find((p) => p.key === 'items.kind_status')!.view;
    expect(matrix.type === 'matrix' && matrix.values.flat().reduce((s, n) => s + n, 0)).toBe(0);
    expect(await w.c.jointItem.myItems({})).toEqual([]);
    // and nothing changed for the parties
    expect((await w.bLead.jointItem.milestone.list({ itemId: item.id }))[0]).toMatchObject({ id: m.id, status: 'open', round: 1, title: '立项评审' });
  });
});
