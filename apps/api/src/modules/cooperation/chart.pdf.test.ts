import type { CooperationSectionDto } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { sectionChartSvg } from './chart.pdf.ts';

// The PDF's charts: ECharts rendered on the server to SVG, allowed vs used each way.

const section = (directions: CooperationSectionDto['directions'], figures: CooperationSectionDto['figures'] = []): CooperationSectionDto => ({
  commons: 'recuperation',
  title: { zh: '疗休养互享', en: 'Recuperation' },
  figures,
  directions,
  highlights: [],
  attention: [],
});

describe('report charts', () => {
  it('draws allowed and used for each direction as SVG, with the values as labels', () => {
    const svg = sectionChartSvg(
      section([
        { key: 'a', from: 'hangzhou', to: 'ningbo', label: { zh: '杭州 → 宁波：疗休养名额', en: '' }, allowed: 40, used: 17 },
        { key: 'b', from: 'ningbo', to: 'hangzhou', label: { zh: '宁波 → 杭州：疗休养名额', en: '' }, allowed: 30, used: 23 },
      ]),
    )!;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('杭州 → 宁波');
    expect(svg).toContain('>17<');
    expect(svg).toContain('>23<');
    expect(svg).toContain('额度');
  });

  it('falls back to the figures as bars, and draws nothing without figures', () => {
    const svg = sectionChartSvg(section([], [{ key: 'x', label: { zh: '活动场次', en: '' }, value: 9, unit: null }]))!;
    expect(svg).toContain('活动场次');
    expect(svg).toContain('>9<');
    expect(sectionChartSvg(section([]))).toBeNull();
  });
});
