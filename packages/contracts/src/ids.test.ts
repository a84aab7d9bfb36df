import { describe, expect, it } from 'vitest';
import { birthDateFromIdNumber, idNumberCheckChar, isValidIdNumber, isValidMobile, maskIdNumber } from './ids.ts';
import { memberCreateInput } from './member.ts';

describe('ID numbers (GB 11643, MOD 11-2)', () => {
  it('accepts a number whose check character matches, including X', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('330106198001010010')).toBe(idNumberCheckChar('33010619800101001') === '0');
  });

  it('refuses a wrong check digit, a bad length, letters, and impossible dates', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
    expect(isValidIdNumber('11010519491231A02X')).toBe(false);
    const feb30 = '33010619900230001';
    expect(isValidIdNumber(feb30 + idNumberCheckChar(feb30))).toBe(false);
  });

  it('masks all but the area code and the last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(birthDateFromIdNumber('11010519491231002X')).toBe('1949-12-31');
  });

  it('validates mainland mobile numbers', () => {
    expect(isValidMobile('13812345678')).toBe(true);
    expect(isValidMobile('12812345678')).toBe(false);
    expect(isValidMobile('1381234567')).toBe(false);
  });

  it('reports a bad ID number in the member schema with the id_number_invalid key', () => {
    const r = memberCreateInput.safeParse({ name: '张三', idNumber: '110105194912310021', orgUnitId: crypto.randomUUID() });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('id_number_invalid');
  });
});
