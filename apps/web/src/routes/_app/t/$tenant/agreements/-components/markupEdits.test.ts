import { describe, expect, it } from 'vitest';
import { toggleList, toggleWrap } from './markupEdits.ts';

describe('the formatting buttons', () => {
  it('wrap the selection in a marker and keep it selected', () => {
    expect(toggleWrap('每年预留名额', 2, 4, '**')).toEqual({ value: '每年**预留**名额', start: 4, end: 6 });
  });

  it('take the marker away again on a second press', () => {
    expect(toggleWrap('每年**预留**名额', 4, 6, '**')).toEqual({ value: '每年预留名额', start: 2, end: 4 });
  });

  it('put empty markers at the cursor when nothing is selected', () => {
    expect(toggleWrap('甲乙', 1, 1, '*')).toEqual({ value: '甲**乙', start: 2, end: 2 });
  });

  it('number the selected lines, leaving blank lines alone', () => {
    const text = '前言\n宣讲\n\n学习会\n后记';
    const start = text.indexOf('宣讲');
    const end = text.indexOf('学习会') + 1;
    expect(toggleList(text, start, end, 'ol').value).toBe('前言\n1. 宣讲\n\n2. 学习会\n后记');
  });

  it('turn list lines back into plain lines', () => {
    expect(toggleList('- 甲\n- 乙', 0, 7, 'ul').value).toBe('甲\n乙');
  });

  it('make a bullet of the line the cursor is on', () => {
    expect(toggleList('甲\n乙', 3, 3, 'ul')).toEqual({ value: '甲\n- 乙', start: 2, end: 5 });
  });
});
