import type { CommonsSection } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { translate, type UiKey } from '@/lib/i18n.ts';
import { figureText, sectionText } from './compareText.ts';

// A section's figure in words (issue 12): once when both directions agree, each party's own
// number where they differ — in the agreement view and in the version comparison.

const zh = (key: UiKey, vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
const en = (key: UiKey, vars?: Record<string, string | number>) => translate('en', key, vars);
const names: Record<string, string> = { hangzhou: '杭州市总工会', ningbo: '宁波市总工会' };
const parties = { slugs: ['hangzhou', 'ningbo'], name: (slug: string) => names[slug] ?? slug };
const section = (kind: CommonsSection['kind'], figures: CommonsSection['figures']): CommonsSection => ({ kind, enabled: true, summary: '', figures, items: [] });

describe('a figure in words', () => {
  it('states a figure once when both directions agree', () => {
    expect(figureText(zh, section('contest', { entrantsPerCity: 20 }), parties)).toBe('每市参赛名额 20 人');
    expect(figureText(zh, section('rights', {}), parties)).toBeNull();
  });

  it('names each party with its own number where they differ, for entrants and seats', () => {
    const contest = section('contest', { entrantsPerCity: 20, entrantsPerCityByParty: { hangzhou: 3, ningbo: 5 } });
    expect(figureText(zh, contest, parties)).toBe('杭州市总工会每个赛项参赛名额 3 人；宁波市总工会每个赛项参赛名额 5 人');
    expect(figureText(en, contest, parties)).toContain('杭州市总工会: 3 entrants per event');
    // a party not listed keeps the single figure
    const seats = section('programme', { seatsPerCity: 100, seatsPerCityByParty: { ningbo: 5 } });
    expect(figureText(zh, seats, parties)).toBe('杭州市总工会每场席位 100 个；宁波市总工会每场席位 5 个');
    expect(figureText(zh, section('recuperation', { placesPerYear: 200, placesPerYearByHost: { hangzhou: 260 } }), parties)).toContain('260');
  });

  it('lists the per-party numbers in the comparison text, so a change of one shows', () => {
    const text = sectionText(zh, section('programme', { seatsPerCity: 100, seatsPerCityByParty: { hangzhou: 3 } }), parties.name);
    expect(text).toContain('每市席位 100 个');
    expect(text).toContain('杭州市总工会每场席位 3 个');
  });
});
