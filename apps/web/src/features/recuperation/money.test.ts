import { describe, expect, it } from 'vitest';
import { fenToYuanInput, formatYuan, yuanToFen } from './money.ts';

describe('money in fen, shown in yuan', () => {
  it('writes fen as yuan with a thousands separator and two decimals', () => {
    expect(formatYuan(128000)).toBe('¥1,280.00');
    expect(formatYuan(60000)).toBe('¥600.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(-1999)).toBe('-¥19.99');
  });

  it('reads a typed yuan amount as exact fen', () => {
    expect(yuanToFen('600')).toBe(60000);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('12.5')).toBe(1250);
    expect(yuanToFen('¥1,280.00')).toBe(128000);
    expect(yuanToFen(' 3000 ')).toBe(300000);
  });

  it('refuses what is not an amount', () => {
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
  });

  it('round-trips fen through the price box', () => {
    for (const fen of [0, 7, 29, 60000, 123456]) expect(yuanToFen(fenToYuanInput(fen))).toBe(fen);
  });
});
