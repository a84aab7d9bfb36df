import * as echarts from 'echarts';
import type { CooperationSectionDto } from '@uc/contracts';

// Charts for the PDF: ECharts rendered server-side to SVG (no browser, no canvas), the same
// library and options shape the web page uses, so the printed report looks like the screen.

/** allowed vs used per direction when the section has directions, else its figures as bars */
export function sectionChartSvg(s: CooperationSectionDto, width = 460, height = 200): string | null {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const font = { fontFamily: 'body', fontSize: 10 };
  const base = { animation: false, textStyle: font, grid: { left: 150, right: 20, top: 24, bottom: 20 } };
  if (s.directions.length) {
    chart.setOption({
      ...base,
      legend: { data: ['额度', '已用'], textStyle: font, top: 0 },
      xAxis: { type: 'value', axisLabel: font },
      yAxis: { type: 'category', data: s.directions.map((d) => d.label.zh), axisLabel: { ...font, width: 140, overflow: 'truncate' } },
      series: [
        { name: '额度', type: 'bar', data: s.directions.map((d) => d.allowed ?? 0), color: '#91cc75' },
        { name: '已用', type: 'bar', data: s.directions.map((d) => d.used), color: '#5470c6', label: { show: true, position: 'right', ...font } },
      ],
    });
  } else {
    const figures = s.figures.slice(0, 6);
    if (!figures.length) return null;
    chart.setOption({
      ...base,
      xAxis: { type: 'value', axisLabel: font },
      yAxis: { type: 'category', inverse: true, data: figures.map((f) => f.label.zh), axisLabel: font },
      series: [{ type: 'bar', data: figures.map((f) => f.value), color: '#5470c6', label: { show: true, position: 'right', ...font } }],
    });
  }
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
