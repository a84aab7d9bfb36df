import { withoutTenant } from '@uc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, makeUser, type Harness } from '../../test/harness.ts';
import { createSession, validateSessionToken } from './index.ts';

const DAY = 86_400_000;

describe('a session used every day', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('slides, but ends 90 days after sign-in whatever happens (absolute lifetime)', async () => {
    const user = await makeUser(h);
    const t0 = new Date('2026-06-01T00:00:00Z');
    const { token } = await withoutTenant(h.t.db, (tx) => createSession(tx, user.id, { ip: null, userAgent: null, now: t0 }));
    for (const day of [1, 14, 28, 42, 56, 70, 84, 88]) expect(await validateSessionToken(h.t.db, token, new Date(t0.getTime() + day * DAY)), `day ${day}`).not.toBeNull();
    const renewed = await validateSessionToken(h.t.db, token, new Date(t0.getTime() + 89 * DAY));
    expect(renewed!.expiresAt.getTime()).toBeLessThanOrEqual(t0.getTime() + 90 * DAY);
    expect(await validateSessionToken(h.t.db, token, new Date(t0.getTime() + 90 * DAY + 1000))).toBeNull();
  });
});
