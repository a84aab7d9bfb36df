import { describe, expect, it } from 'vitest';
import { newCheckinCode } from './recuperation.rules.ts';

describe('the short check-in code', () => {
  it('is six digits, and never one the batch already holds (collisions are drawn again)', () => {
    // nine codes in ten are taken: the draw lands on a free one
    const taken = new Set(Array.from({ length: 900_000 }, (_, i) => String(i).padStart(6, '0')));
    for (let i = 0; i < 20; i++) expect(newCheckinCode(taken)).toMatch(/^9\d{5}$/);
    expect(newCheckinCode(new Set())).toMatch(/^\d{6}$/);
  });
});
