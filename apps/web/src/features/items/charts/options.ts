import type { LabelDto, Locale, PanelViewDto } from '@uc/contracts';

// ECharts options from the API's chart-agnostic panel views (pure, unit-tested). Labels come in both
// languages from the API; colours by key (status, health…) from the panel's registry entry.

export type MatrixView = Extract<PanelViewDto, { type: 'matrix' }>;
export type SeriesView = Extract<PanelViewDto, { type: 'series' }>;

export interface ChartContext {
  locale: Locale;
  /** a narrow screen: legend below, fewer axis labels, shorter category labels */
  phone: boolean;
  /** colour per series key; keys without one take the palette in order */
  colors?: Readonly<Record<string, string>>;
}

const PALETTE = ['#1f63d6', '#389e0d', '#fa8c16', '#b3201e', '#722ed1', '#08979c', '#d48806', '#8c8c8c'];
const FONT = "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

export const pick = (locale: Locale, label: LabelDto) => (locale === 'en' ? label.en : label.zh);

const colorOf = (ctx: ChartContext, key: string, index: number) => ctx.colors?.[key] ?? PALETTE[index % PALETTE.length]!;

/** Whether a view has anything to draw (all zeros is "no data", not an empty chart). */
export function hasData(view: MatrixView | SeriesView): boolean {
  const numbers = view.type === 'matrix' ? view.values.flat() : view.series.flatMap((s) => s.values);
  return numbers.some((n) => n !== 0);
}

const legend = (ctx: ChartContext) => (ctx.phone ? { bottom: 0, left: 'center', itemWidth: 12, itemGap: 8 } : { top: 0, left: 'center' });
const grid = (ctx: ChartContext) => ({ left: 8, right: 16, top: ctx.phone ? 8 : 36, bottom: ctx.phone ? 64 : 8, containLabel: true });

export type MatrixStyle = 'stacked' | 'grouped';

/**
 * rows × columns as horizontal bars, one bar per row (e.g. kind) with one segment per column (e.g.
 * status) — or, 'grouped', the columns side by side (figures that are not parts of one whole, such
 * as 名额 and 已使用: stacking them would draw a bar past the quota). Grouped rows keep every name
 * whole: one line on a desktop, on a phone broken only at the arrow of "A → B".
 */
export function matrixOption(view: MatrixView, ctx: ChartContext, style: MatrixStyle = 'stacked') {
  const grouped = style === 'grouped';
  const rows = view.rows.map((r) => {
    const text = pick(ctx.locale, r.label);
    return grouped && ctx.phone ? text.replace(' → ', '\n→ ') : text;
  });
  const axisLabel = grouped ? { lineHeight: 16 } : { width: ctx.phone ? 84 : 140, overflow: 'breakAll', lineHeight: 14 };
  return {
    textStyle: { fontFamily: FONT },
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: legend(ctx),
    grid: grid(ctx),
    xAxis: { type: 'value', minInterval: 1 },
    // the first row on top, as a table reads
    yAxis: { type: 'category', data: rows, inverse: true, axisLabel },
    series: view.columns.map((c, ci) => ({
      type: 'bar',
      name: pick(ctx.locale, c.label),
      stack: grouped ? undefined : 'total',
      ...(grouped ? { barGap: '10%', label: { show: true, position: 'right' } } : {}),
      barMaxWidth: grouped ? 14 : 28,
      itemStyle: { color: colorOf(ctx, c.key, ci) },
      emphasis: { focus: 'series' },
      data: view.rows.map((_, ri) => view.values[ri]?.[ci] ?? 0),
    })),
  };
}

/** An x axis of ISO dates (YYYY-MM-DD, e.g. week starts) in the reader's form; any other label as is. */
export function axisDate(value: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const [, , month, day] = m.map(Number) as [number, number, number, number];
  return locale === 'en' ? `${day} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]}` : `${month}月${day}日`;
}

export type SeriesStyle = 'bar' | 'area' | 'line';

/**
 * Series over the x axis: stacked bars (default: each week's parts read at a glance), stacked
 * areas, or plain lines (when the series are not parts of one whole).
 */
export function seriesOption(view: SeriesView, ctx: ChartContext, style: SeriesStyle = 'bar') {
  return {
    textStyle: { fontFamily: FONT },
    aria: { enabled: true },
    tooltip: { trigger: 'axis', confine: true, ...(style === 'bar' ? { axisPointer: { type: 'shadow' } } : {}) },
    legend: legend(ctx),
    grid: grid(ctx),
    xAxis: { type: 'category', boundaryGap: style === 'bar', data: view.x.map((x) => axisDate(x, ctx.locale)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: view.series.map((s, i) => {
      const color = colorOf(ctx, s.key, i);
      const common = { name: pick(ctx.locale, s.label), itemStyle: { color }, data: s.values };
      if (style === 'bar') return { ...common, type: 'bar', stack: 'total', barMaxWidth: 24 };
      return {
        ...common,
        type: 'line',
        ...(style === 'area' ? { stack: 'total', areaStyle: { color, opacity: 0.35 } } : {}),
        symbolSize: 6,
        lineStyle: { color, width: 2 },
      };
    }),
  };
}

/** Chart height that leaves every bar readable: more rows, taller chart; a phone's legend needs room below. */
export function matrixHeight(view: MatrixView, phone: boolean, style: MatrixStyle = 'stacked'): number {
  const perRow = style === 'grouped' ? Math.max(40, view.columns.length * 18 + 12) : 40;
  return Math.max(220, view.rows.length * perRow + (phone ? 96 : 64));
}

export interface Figure {
  key: string;
  label: string;
  value: number;
}

/**
 * The figures behind a chart in words, for readers who do not read charts (and for screen readers):
 * a matrix's column totals (e.g. items per status), a series' latest value (e.g. this week's health).
 */
export function figuresOf(view: MatrixView | SeriesView, locale: Locale): Figure[] {
  if (view.type === 'matrix') {
    return view.columns.map((c, ci) => ({ key: c.key, label: pick(locale, c.label), value: view.values.reduce((n, row) => n + (row[ci] ?? 0), 0) }));
  }
  return view.series.map((s) => ({ key: s.key, label: pick(locale, s.label), value: s.values[s.values.length - 1] ?? 0 }));
}
