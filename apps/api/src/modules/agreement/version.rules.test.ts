import { describe, expect, it } from 'vitest';
import { agreementContentHash } from './version.rules.ts';
import { twinCityTemplate } from './template.rules.ts';

const parties = [
  { slug: 'hangzhou', nameZh: '杭州市总工会', city: '杭州' },
  { slug: 'ningbo', nameZh: '宁波市总工会', city: '宁波' },
];
const base = () => ({ agreementId: 'a1', versionNumber: 3, parties, content: twinCityTemplate(parties, '2026-01-01', '2028-12-31') });

describe('agreement content hash', () => {
  it('is the same for the same content, whatever the key order', () => {
    const a = base();
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]))
          : v;
    const reordered = { ...a, content: reverseKeys(a.content) as typeof a.content };
    expect(JSON.stringify(reordered.content)).not.toBe(JSON.stringify(a.content));
    expect(agreementContentHash(a)).toBe(agreementContentHash(base()));
    expect(agreementContentHash(reordered)).toBe(agreementContentHash(a));
    expect(agreementContentHash({ ...a, content: { ...a.content } })).toBe(agreementContentHash(a));
  });

  it('changes with any change of content, version, parties or agreement', () => {
    const h = agreementContentHash(base());
    const b1 = base();
    b1.content.clauses[0]!.body += '。';
    const b2 = base();
    b2.content.commons[3]!.figures.placesPerYear = 201;
    const b3 = base();
    b3.content.termEnd = '2029-01-01';
    expect(new Set([h, agreementContentHash(b1), agreementContentHash(b2), agreementContentHash(b3)]).size).toBe(4);
    expect(agreementContentHash({ ...base(), versionNumber: 4 })).not.toBe(h);
    expect(agreementContentHash({ ...base(), agreementId: 'a2' })).not.toBe(h);
    expect(agreementContentHash({ ...base(), parties: [...parties].reverse() })).not.toBe(h);
  });
});
