import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { bookFor, makeBatch, makeMembers, makeWorld, type World } from './recuperation.testkit.ts';

// The six-digit check-in code: drawn at the host's confirmation, unique among the batch's confirmed
// bookings even when confirmations race; and not found by trying codes at the desk.

// the first draws of every confirmation give the same code, as two unlucky draws at once would
const draws = vi.hoisted(() => ({ forced: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  const randomInt = ((...args: Parameters<typeof real.randomInt>) => {
    if (draws.forced > 0) {
      draws.forced--;
      return 424242;
    }
    return (real.randomInt as (...a: unknown[]) => number)(...args);
  }) as typeof real.randomInt;
  return { ...real, default: { ...real, randomInt }, randomInt };
});

describe('the short check-in code', () => {
  let h: Harness;
  let w: World;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeWorld(h);
  }, 120_000);
  afterAll(() => h.close());

  async function approvedBookings(n: number) {
    const batch = await makeBatch(w, { capacity: n + 2 });
    const members = await makeMembers(h, w.nb, n);
    const ids: string[] = [];
    for (const m of members) {
      const { booking } = await bookFor(m, batch.id);
      await w.nbStaff.recuperation.booking.approve({ id: booking.id, rowVersion: booking.rowVersion });
      ids.push(booking.id);
    }
    return { batch, ids, members };
  }

  it('stays unique when parallel confirmations draw the same code: the later one draws again', async () => {
    const { batch, ids } = await approvedBookings(4);
    draws.forced = 4;
    const results = await Promise.allSettled(ids.map((id) => w.hzStaff.recuperation.booking.confirm({ id })));
    draws.forced = 0;
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const codes = await h.t.query<{ checkin_code: string }>(`select checkin_code from recuperation_booking where batch_id = $1 and status = 'confirmed'`, [batch.id]);
    expect(codes).toHaveLength(4);
    expect(new Set(codes.map((c) => c.checkin_code)).size).toBe(4);
    expect(codes.map((c) => c.checkin_code)).toContain('424242');
  });

  it('locks the desk out of a batch after eleven wrong codes, and counts them even though each request fails', async () => {
    const { batch, ids, members } = await approvedBookings(1);
    await w.hzStaff.recuperation.booking.confirm({ id: ids[0]! });
    const code = (await members[0]!.caller.recuperation.booking.get({ id: ids[0]! })).checkinCode!;
    const other = await approvedBookings(1);
    h.setNow(new Date('2027-02-28T01:00:00Z'));
    try {
      const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
      // ten free failures; the eleventh sets a delay of 1 s
      for (let i = 0; i < 11; i++) expect(await w.hzStaff.recuperation.booking.checkIn({ batchId: batch.id, code: wrong(i) })).toBeNull();
      // the next try is refused before the lookup — the right code too, until the delay has passed
      await expectCode(w.hzStaff.recuperation.booking.checkIn({ batchId: batch.id, code }), 'RATE_LIMITED');
      // another batch's desk is not locked
      expect(await w.hzStaff.recuperation.booking.checkIn({ batchId: other.batch.id, code: wrong(0) })).toBeNull();
      h.setNow(new Date('2027-02-28T01:00:02Z'));
      const checked = await w.hzStaff.recuperation.booking.checkIn({ batchId: batch.id, code });
      expect(checked!.checkedInAt).not.toBeNull();
    } finally {
      h.setNow(new Date('2026-11-21T02:00:00Z'));
    }
  });
});
