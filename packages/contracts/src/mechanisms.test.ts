import { describe, expect, it } from 'vitest';
import { emailSchema, isValidPhone, liaisonSideInput, phoneSchema } from './mechanisms.ts';

describe('liaison contact phone numbers', () => {
  it('accepts mobiles (with or without +86) and landlines with an area code and optional extension', () => {
    for (const p of ['13800138000', '+86 13800138000', '8613800138000', '0571-87654321', '057487654321', '010-12345678', '0571-87654321-8001', '0571-87654321转123']) {
      expect(isValidPhone(p), p).toBe(true);
    }
  });

  it('refuses numbers without an area code, short mobiles and anything else', () => {
    for (const p of ['87654321', '12345', '1380013800', '12800138000', '0571-123', 'abc', '']) expect(isValidPhone(p), p).toBe(false);
  });

  it('lets a side be left blank until that party fills it in', () => {
    expect(phoneSchema.parse('  ')).toBe('');
    expect(emailSchema.parse('')).toBe('');
    expect(liaisonSideInput.parse({ partySlug: 'nb' })).toMatchObject({ unitName: '', phone: '', email: '' });
  });

  it('names the rule that failed, for the field message', () => {
    expect(phoneSchema.safeParse('12345').error?.issues[0]?.message).toBe('phone_invalid');
    expect(emailSchema.safeParse('wangfang@').error?.issues[0]?.message).toBe('email_invalid');
  });
});
