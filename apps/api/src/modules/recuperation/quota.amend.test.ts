import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
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
    const events = await h.t.query<{ tenant_id: string; data: { from: number; to: number; agreed: number } }>(`select tenant_id, data from audit_event where type = 'recuperation.quota_regranted'`);
    expect(events.map((e) => e.tenant_id).sort()).toEqual([w.hz.id, w.nb.id].sort());
    expect(events[0]!.data).toMatchObject({ from: 200, to: 260, agreed: 260 });

    // lowered: never below the places already used, with the figure agreed beside it
    await setPlaces(2);
    expect(await ledger()).toMatchObject({ granted: 3, agreed: 2, used: 3, available: 0 });
  });
});
