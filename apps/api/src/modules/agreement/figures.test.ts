import { figureOf, hasPartyFigures, placesGrantedBy, type CommonsSection } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { figureText } from './agreement.pdf.ts';

// A clause's figures per direction (issue 12): one figure for every party, or a party's own where
// the directions differ, as the modules read them and as the PDF prints them.

const parties = [
  { slug: 'hangzhou', nameZh: '杭州市总工会' },
  { slug: 'ningbo', nameZh: '宁波市总工会' },
] as never;
const section = (kind: CommonsSection['kind'], figures: CommonsSection['figures']): CommonsSection => ({ kind, enabled: true, summary: '', figures, items: [] });

describe("a party's figure", () => {
  it('is its own entry in the per-party map, else the single figure', () => {
    const f = { entrantsPerCity: 20, entrantsPerCityByParty: { hangzhou: 3 }, seatsPerCityByParty: { ningbo: 5 }, placesPerYear: 200, placesPerYearByHost: { hangzhou: 260 } };
    expect(figureOf(f, 'entrantsPerCity', 'hangzhou')).toBe(3);
    expect(figureOf(f, 'entrantsPerCity', 'ningbo')).toBe(20);
    expect(figureOf(f, 'seatsPerCity', 'ningbo')).toBe(5);
    expect(figureOf(f, 'seatsPerCity', 'hangzhou')).toBeUndefined();
    expect(placesGrantedBy(f, 'hangzhou')).toBe(260);
    expect(placesGrantedBy(f, 'ningbo')).toBe(200);
    expect(hasPartyFigures(f, 'entrantsPerCity')).toBe(true);
    expect(hasPartyFigures({ entrantsPerCity: 20, entrantsPerCityByParty: {} }, 'entrantsPerCity')).toBe(false);
  });
});

describe('the PDF states a figure', () => {
  const entrants = (s: CommonsSection) => figureText({ parties }, s, 'entrantsPerCity', (n) => `每市 ${n} 名`, (name, n) => `${name} ${n} 名`);
  it('once when both directions are the same', () => {
    expect(entrants(section('contest', { entrantsPerCity: 20 }))).toBe('每市 20 名');
    expect(entrants(section('contest', {}))).toBeNull();
  });
  it('per party, with both numbers, when they differ', () => {
    expect(entrants(section('contest', { entrantsPerCity: 20, entrantsPerCityByParty: { hangzhou: 3, ningbo: 5 } }))).toBe('杭州市总工会 3 名；宁波市总工会 5 名');
    expect(entrants(section('contest', { entrantsPerCity: 20, entrantsPerCityByParty: { ningbo: 5 } }))).toBe('杭州市总工会 20 名；宁波市总工会 5 名');
    const seats = figureText({ parties }, section('programme', { seatsPerCityByParty: { hangzhou: 3, ningbo: 5 } }), 'seatsPerCity', (n) => `${n}`, (name, n) => `${name}会员每场活动席位 ${n} 个`);
    expect(seats).toBe('杭州市总工会会员每场活动席位 3 个；宁波市总工会会员每场活动席位 5 个');
  });
});
