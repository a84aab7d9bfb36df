import { describe, expect, it } from 'vitest';
import { checkInLink, tokenFromScan } from './checkinToken.ts';

describe('the check-in token on a booking QR code', () => {
  const token = 'Xq3v_9-kLmN0pQrS';

  it('is read back from the link the QR code holds', () => {
    const link = checkInLink('https://uc.example.cn', 'hangzhou', token);
    expect(link).toBe(`https://uc.example.cn/t/hangzhou/recuperation-admin/checkin?token=${token}`);
    expect(tokenFromScan(link)).toBe(token);
  });

  it('is accepted bare, as typed or pasted, with stray spaces', () => {
    expect(tokenFromScan(`  ${token}\n`)).toBe(token);
    expect(tokenFromScan('Xq3v_9-k LmN0pQrS')).toBe(token);
  });

  it('is refused when missing or malformed', () => {
    expect(tokenFromScan('')).toBeNull();
    expect(tokenFromScan('short')).toBeNull();
    expect(tokenFromScan('not a token; drop table')).toBeNull();
    expect(tokenFromScan('https://uc.example.cn/t/hangzhou/recuperation-admin/checkin')).toBeNull();
    expect(tokenFromScan('https://[bad')).toBeNull();
  });
});
