import { describe, expect, it } from 'vitest';
import { formatNationalDays, parseNationalDays } from './nationalDays.ts';

describe('a year’s national arrangement typed one day per line', () => {
  it('reads holidays and make-up working days, skipping blank lines, and writes them back the same', () => {
    const text = '2027-01-01 休 元旦\n\n2027-02-20 班 春节调休\n';
    const parsed = parseNationalDays(text);
    expect(parsed).toEqual({
      ok: true,
      days: [
        { day: '2027-01-01', work: false, name: '元旦' },
        { day: '2027-02-20', work: true, name: '春节调休' },
      ],
    });
    if (parsed.ok) expect(formatNationalDays(parsed.days)).toBe('2027-01-01 休 元旦\n2027-02-20 班 春节调休');
  });

  it('names the first line it cannot read', () => {
    expect(parseNationalDays('2027-01-01 休 元旦\n2027/02/20 班 调休')).toEqual({ ok: false, line: 2, text: '2027/02/20 班 调休' });
    expect(parseNationalDays('2027-01-01 放假')).toMatchObject({ ok: false, line: 1 });
  });
});
