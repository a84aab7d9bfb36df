import { describe, expect, it } from 'vitest';
import { diffText } from './textDiff.ts';

const rebuild = (parts: ReturnType<typeof diffText>, side: 'before' | 'after') =>
  parts
    .filter((p) => p.op === 'same' || p.op === (side === 'before' ? 'removed' : 'added'))
    .map((p) => p.text)
    .join('');

describe('the character diff of two clause texts', () => {
  it('says nothing changed for equal texts', () => {
    expect(diffText('互认疗休养基地', '互认疗休养基地')).toEqual([{ op: 'same', text: '互认疗休养基地' }]);
  });

  it('marks an insertion in the middle of a sentence', () => {
    expect(diffText('每年相互预留名额，为对方会员服务', '每年相互预留名额，按批次分配，为对方会员服务')).toEqual([
      { op: 'same', text: '每年相互预留名额，' },
      { op: 'added', text: '按批次分配，' },
      { op: 'same', text: '为对方会员服务' },
    ]);
  });

  it('shows a rewritten phrase as one removal and one addition, not a scatter of single characters', () => {
    const parts = diffText('双方共同举办技能竞赛', '双方轮流承办的技能大赛');
    expect(parts.filter((p) => p.op !== 'same').length).toBeLessThanOrEqual(4);
    expect(rebuild(parts, 'before')).toBe('双方共同举办技能竞赛');
    expect(rebuild(parts, 'after')).toBe('双方轮流承办的技能大赛');
  });

  it('always rebuilds both sides exactly', () => {
    const pairs: [string, string][] = [
      ['', '新增条款'],
      ['删除的条款', ''],
      ['甲乙丙丁', '丁丙乙甲'],
      ['200 个名额', '300 个名额，按批次'],
    ];
    for (const [a, b] of pairs) {
      const parts = diffText(a, b);
      expect(rebuild(parts, 'before')).toBe(a);
      expect(rebuild(parts, 'after')).toBe(b);
    }
  });

  it('falls back to one replacement for very long changed texts', () => {
    const a = '甲'.repeat(3000);
    const b = '乙'.repeat(3000);
    expect(diffText(a, b)).toEqual([
      { op: 'removed', text: a },
      { op: 'added', text: b },
    ]);
  });
});
