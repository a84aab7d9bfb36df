import { idNumberCheckChar } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { bedsFor, companionProblems, normaliseIdNumber } from './companions.ts';

const id = (first17: string) => first17 + idNumberCheckChar(first17);

describe('companions on a booking', () => {
  const spouse = id('33020319850612402');
  const child = id('33020320150301301');

  it('accepts distinct relatives with valid ID numbers', () => {
    expect(companionProblems([{ name: '王芳', relation: 'spouse', idNumber: spouse }, { name: '王小明', relation: 'child', idNumber: child }]).size).toBe(0);
  });

  it('flags a wrong check digit', () => {
    const wrong = spouse.slice(0, 17) + (spouse[17] === '1' ? '2' : '1');
    expect(companionProblems([{ idNumber: wrong }]).get(0)).toBe('idNumber.invalid');
  });

  it('flags the same person entered twice, however typed', () => {
    const typed = `${spouse.slice(0, 6)} ${spouse.slice(6).toLowerCase()}`;
    const problems = companionProblems([{ idNumber: spouse }, { idNumber: child }, { idNumber: typed }]);
    expect([...problems]).toEqual([[2, 'idNumber.duplicate']]);
  });

  it('leaves rows not yet filled to the required-field rule', () => {
    expect(companionProblems([{ name: '王芳' }]).size).toBe(0);
  });

  it('normalises what people type', () => {
    expect(normaliseIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('counts a bed for the member and each companion', () => {
    expect(bedsFor(0)).toBe(1);
    expect(bedsFor(2)).toBe(3);
  });
});
