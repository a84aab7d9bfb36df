import { describe, expect, it } from 'vitest';
import { isUuid, optionalBoolean, optionalDate, optionalEnum, optionalInt, optionalString, optionalUuid, params } from './search.ts';

// Search params are read by hand (no zod in the first load): whatever is not what the page takes
// reads as undefined, never an error.
describe('search param readers', () => {
  it('take what the page takes and drop the rest', () => {
    expect(optionalString('/t/hangzhou', { max: 2000 })).toBe('/t/hangzhou');
    expect(optionalString(42, { max: 10 })).toBeUndefined();
    expect(optionalString('  王伟 ', { max: 50, trim: true })).toBe('王伟');
    expect(optionalString('x'.repeat(51), { max: 50 })).toBeUndefined();
    expect(optionalString('', { min: 1, max: 300 })).toBeUndefined();
    expect(optionalString('ningbo', { max: 40, pattern: /^[a-z0-9-]{1,40}$/ })).toBe('ningbo');
    expect(optionalString('Ningbo!', { max: 40, pattern: /^[a-z0-9-]{1,40}$/ })).toBeUndefined();
    expect(optionalEnum('unread', ['all', 'unread'])).toBe('unread');
    expect(optionalEnum('other', ['all', 'unread'])).toBeUndefined();
    expect(optionalBoolean(true)).toBe(true);
    expect(optionalBoolean('true')).toBeUndefined();
    expect(optionalInt(2026, { min: 2000, max: 2100 })).toBe(2026);
    expect(optionalInt(1999, { min: 2000, max: 2100 })).toBeUndefined();
    expect(optionalInt(20.5, { min: 0, max: 100 })).toBeUndefined();
    expect(optionalInt(50, { oneOf: [10, 20, 50, 100] })).toBe(50);
    expect(optionalInt(30, { oneOf: [10, 20, 50, 100] })).toBeUndefined();
    expect(optionalDate('2026-02-28')).toBe('2026-02-28');
    expect(optionalDate('2026-02-30')).toBeUndefined();
    expect(optionalUuid('d1c5f259-378b-4ff5-bcb7-59d01cd35b87')).toBe('d1c5f259-378b-4ff5-bcb7-59d01cd35b87');
    expect(optionalUuid('not-a-uuid')).toBeUndefined();
    expect(isUuid(undefined)).toBe(false);
    expect(params({ a: undefined, b: 1 })).toEqual({ a: undefined, b: 1 });
  });
});
