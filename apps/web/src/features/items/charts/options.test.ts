import { describe, expect, it } from 'vitest';
import { axisDate, figuresOf, hasData, matrixHeight, matrixOption, seriesOption, type MatrixView, type SeriesView } from './options.ts';

const label = (zh: string, en: string) => ({ zh, en });
const kindStatus: MatrixView = {
  type: 'matrix',
  rows: [
    { key: 'programme', label: label('思想共同引领', 'Joint programmes') },
    { key: 'project', label: label('项目共同研究', 'Joint projects') },
  ],
  columns: [
    { key: 'in_progress', label: label('推进中', 'In progress') },
    { key: 'done', label: label('已完成', 'Done') },
    { key: 'extra', label: label('其他', 'Other') },
  ],
  values: [
    [2, 1, 0],
    [0, 3],
  ],
};
const health: SeriesView = {
  type: 'series',
  x: ['2026-11-02', '2026-11-09', 'W47'],
  series: [
    { key: 'on_track', label: label('进展正常', 'On track'), values: [3, 2, 2] },
    { key: 'at_risk', label: label('存在风险', 'At risk'), values: [0, 1, 1] },
  ],
};

describe('chart options from the API’s panel views', () => {
  it('draw a matrix as one stacked bar per row, one segment per column, in the reader’s language', () => {
    const option = matrixOption(kindStatus, { locale: 'zh-CN', phone: false, colors: { done: '#389e0d' } });
    expect(option.yAxis.data).toEqual(['思想共同引领', '项目共同研究']);
    expect(option.series.map((s) => s.name)).toEqual(['推进中', '已完成', '其他']);
    expect(option.series.map((s) => s.data)).toEqual([
      [2, 0],
      [1, 3],
      [0, 0],
    ]);
    expect(option.series.every((s) => s.stack === 'total')).toBe(true);
    // a key with a colour keeps it; the others take the palette by position
    expect(option.series[1]!.itemStyle.color).toBe('#389e0d');
    expect(option.series[0]!.itemStyle.color).not.toBe(option.series[2]!.itemStyle.color);
    expect(matrixOption(kindStatus, { locale: 'en', phone: false }).yAxis.data).toEqual(['Joint programmes', 'Joint projects']);
  });

  it('draw granted and used side by side (never stacked past the quota), each federation name whole', () => {
    const places: MatrixView = {
      type: 'matrix',
      rows: [{ key: 'hz>nb', label: label('杭州市总工会 → 宁波市总工会', 'hz → nb') }],
      columns: [
        { key: 'granted', label: label('名额', 'Granted') },
        { key: 'used', label: label('已使用', 'Used') },
      ],
      values: [[200, 6]],
    };
    const desk = matrixOption(places, { locale: 'zh-CN', phone: false }, 'grouped');
    expect(desk.series.every((s) => s.stack === undefined)).toBe(true);
    expect(desk.series.map((s) => s.data)).toEqual([[200], [6]]);
    expect(desk.yAxis.data).toEqual(['杭州市总工会 → 宁波市总工会']);
    expect(desk.yAxis.axisLabel).not.toHaveProperty('width');
    expect(matrixOption(places, { locale: 'zh-CN', phone: true }, 'grouped').yAxis.data).toEqual(['杭州市总工会\n→ 宁波市总工会']);
  });

  it('move the legend below the chart on a phone and give it room', () => {
    const phone = matrixOption(kindStatus, { locale: 'zh-CN', phone: true });
    expect(phone.legend).toMatchObject({ bottom: 0 });
    expect(phone.grid.bottom).toBeGreaterThan(matrixOption(kindStatus, { locale: 'zh-CN', phone: false }).grid.bottom);
    expect(matrixHeight(kindStatus, true)).toBeGreaterThan(matrixHeight(kindStatus, false) - 1);
    expect(matrixHeight({ ...kindStatus, rows: Array(12).fill(kindStatus.rows[0]) }, false)).toBeGreaterThan(matrixHeight(kindStatus, false));
  });

  it('draw series as stacked bars over dates written as readers write them, or as areas or lines', () => {
    const option = seriesOption(health, { locale: 'zh-CN', phone: false, colors: { at_risk: '#faad14' } });
    expect(option.xAxis.data).toEqual(['11月2日', '11月9日', 'W47']);
    expect(option.series.map((s) => [s.type, s.name, s.data, s.stack])).toEqual([
      ['bar', '进展正常', [3, 2, 2], 'total'],
      ['bar', '存在风险', [0, 1, 1], 'total'],
    ]);
    expect(option.series[1]!.itemStyle.color).toBe('#faad14');
    const area = seriesOption(health, { locale: 'en', phone: false }, 'area');
    expect(area.series.map((s) => [s.type, s.stack])).toEqual([
      ['line', 'total'],
      ['line', 'total'],
    ]);
    expect(seriesOption(health, { locale: 'en', phone: false }, 'line').series[0]).not.toHaveProperty('stack');
    expect(axisDate('2026-01-05', 'en')).toBe('5 Jan');
  });

  it('tell an all-zero view from one with data, so the page says "no data" instead of drawing nothing', () => {
    expect(hasData(kindStatus)).toBe(true);
    expect(hasData({ ...kindStatus, values: [[0, 0, 0], []] })).toBe(false);
    expect(hasData({ ...health, series: [] })).toBe(false);
  });

  it('put the figures in words: column totals of a matrix, the latest value of each series', () => {
    expect(figuresOf(kindStatus, 'zh-CN')).toEqual([
      { key: 'in_progress', label: '推进中', value: 2 },
      { key: 'done', label: '已完成', value: 4 },
      { key: 'extra', label: '其他', value: 0 },
    ]);
    expect(figuresOf(health, 'en')).toEqual([
      { key: 'on_track', label: 'On track', value: 2 },
      { key: 'at_risk', label: 'At risk', value: 1 },
    ]);
  });
});
