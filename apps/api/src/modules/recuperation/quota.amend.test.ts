import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { amend } from '../mechanism/mechanism.testkit.ts';
import { bookFor, makeBatch, makeMembers, makeWorld, quotaRow, type World } from './recuperation.testkit.ts';

// Amendments propagate (issue 12): the places ledger follows the figure of the version in force the
// moment it is active — never below what is already used — and says what the agreement now sets.

describe('an amended recuperation figure', () => {
  let h: Harness;
  let w: World;
  const ledger = async () => (await w.nbStaff.recuperation.quota.list({ year: 2027 })).find((q) => q.direction === 'granted_to_us')!;
  const setPlaces = (n: number) =>
    amend([w.hzStaff, w.nbStaff], w.agreementId, (c) => {
      c.commons.find((x) => x.kind === 'recuperation')!.figures.placesPerYear = n;
    });

  beforeAll(async () => {
    h = await createHarness();
    w = await makeWorld(h);
    const batch = await makeBatch(w, { capacity: 20 });
    for (const m of await makeMembers(h, w.nb, 3)) await bookFor(m, batch.id);
  });
  afterAll(() => h.close());

  it('raises the ledger line already opened the moment the amendment is in force, audits it to both parties, and lowers it no further than what is used', async () => {
    expect(await ledger()).toMatchObject({ granted: 200, agreed: 200, used: 3 });
    await setPlaces(260);
    expect(await ledger()).toMatchObject({ granted: 260, agreed: 260, used: 3, available: 257 });
    expect((await quotaRow(h, w.nb.id))!.granted).toBe(260);
    const events = await h.t.query<{ tenant_id: string; data: { from: number; to: number; agreed: number } }>(`select tenant_id, data from audit_event where type = 'recuperation.quota_regranted' and data->>'agreementId' = $1`, [w.agreementId]);
    expect(events.map((e) => e.tenant_id).sort()).toEqual([w.hz.id, w.nb.id].sort());
    expect(events[0]!.data).toMatchObject({ from: 200, to: 260, agreed: 260 });

    // lowered: never below the places already used, with the figure agreed beside it
    await setPlaces(2);
    expect(await ledger()).toMatchObject({ granted: 3, agreed: 2, used: 3, available: 0 });
  });

  it('keeps each direction its own figure: what Hangzhou grants Ningbo may differ from what Ningbo grants Hangzhou', async () => {
    const other = await makeWorld(h);
    const batch = await makeBatch(other, { capacity: 20 });
    for (const m of await makeMembers(h, other.nb, 2)) await bookFor(m, batch.id);
    await amend([other.hzStaff, other.nbStaff], other.agreementId, (c) => {
      c.commons.find((x) => x.kind === 'recuperation')!.figures.placesPerYearByHost = { [other.hz.slug]: 260 };
    });
    const line = async (staff: World['hzStaff'], direction: 'granted_to_us' | 'granted_by_us') =>
      (await staff.recuperation.quota.list({ year: 2027 })).find((q) => q.agreementId === other.agreementId && q.direction === direction)!;
    // Hangzhou hosts Ningbo's members: 260; Ningbo keeps the common 200 for Hangzhou's
    expect(await line(other.nbStaff, 'granted_to_us')).toMatchObject({ granted: 260, agreed: 260, used: 2 });
    expect(await line(other.hzStaff, 'granted_by_us')).toMatchObject({ granted: 260 });
    expect(await line(other.hzStaff, 'granted_to_us')).toMatchObject({ granted: 200, agreed: 200 });

    // a figure by direction belongs to recuperation and to this agreement's parties only
    await other.hzStaff.agreement.amend({ id: other.agreementId, rowVersion: (await other.hzStaff.agreement.get({ id: other.agreementId })).rowVersion });
    const draft = await other.hzStaff.agreement.get({ id: other.agreementId });
    const content = structuredClone(draft.currentVersion.content);
    content.commons.find((x) => x.kind === 'recuperation')!.figures.placesPerYearByHost = { stranger: 5 };
    await expectCode(other.hzStaff.agreement.save({ id: other.agreementId, baseVersionId: draft.currentVersion.id, content, note: '' }), 'BAD_INPUT');
  });
});
