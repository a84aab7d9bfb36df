/** Chinese resident ID number (GB 11643-1999): 17 digits and a MOD 11-2 check character. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function isValidIdNumber(raw: string): boolean {
  const v = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return idNumberCheckChar(v.slice(0, 17)) === v[17];
}

/** 330106********1234 */
export function maskIdNumber(v: string): string {
  return `${v.slice(0, 6)}********${v.slice(-4)}`;
}

export function birthDateFromIdNumber(v: string): string {
  return `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
}

export function isValidMobile(v: string): boolean {
  return /^1[3-9]\d{9}$/.test(v);
}

/** 138****8000: what roles without ID-number access see of a mobile number */
export function maskMobile(v: string): string {
  return v.length >= 7 ? `${v.slice(0, 3)}****${v.slice(-4)}` : '****';
}
