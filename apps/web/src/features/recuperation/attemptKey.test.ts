import { describe, expect, it } from 'vitest';
import { AttemptKey, endsAttempt } from './attemptKey.ts';

describe('one idempotency key per booking attempt', () => {
  it('sends the same key on every retry of one attempt', () => {
    const key = new AttemptKey();
    const first = key.current;
    expect(key.current).toBe(first);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('starts a new key once the server has answered definitely', () => {
    let n = 0;
    const key = new AttemptKey(() => `k${++n}`);
    expect(key.current).toBe('k1');
    key.settle();
    expect(key.current).toBe('k2');
    expect(key.current).toBe('k2');
  });

  it('gives separate attempts separate keys', () => {
    expect(new AttemptKey().current).not.toBe(new AttemptKey().current);
  });
});

describe('when an attempt is over', () => {
  it('is over when the server refused it for a reason', () => {
    expect(endsAttempt('NOT_ELIGIBLE')).toBe(true);
    expect(endsAttempt('BAD_INPUT')).toBe(true);
    expect(endsAttempt('QUOTA_EXHAUSTED')).toBe(true);
  });
  it('goes on when no answer came, or the failure may have come after the booking was made', () => {
    expect(endsAttempt(null)).toBe(false);
    expect(endsAttempt('INTERNAL')).toBe(false);
    expect(endsAttempt('RATE_LIMITED')).toBe(false);
  });
});
