import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';

// ECharts is loaded the first time a chart is drawn, never with the pages that draw none.
let loading: Promise<typeof import('./echarts.setup.ts')> | null = null;
const loadECharts = () => (loading ??= import('./echarts.setup.ts'));

interface Props {
  option: EChartsCoreOption;
  height: number;
  /** read out by screen readers in place of the drawing */
  label: string;
  testId?: string;
}

/** One ECharts chart that follows its container's width (phone or desktop) and redraws when its option changes. */
export function EChart({ option, height, label, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void loadECharts().then(({ echarts }) => {
      if (disposed || !box.current) return;
      chart.current = echarts.init(box.current, null, { renderer: 'svg' });
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(box.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, { notMerge: true });
  }, [ready, option]);

  return (
    <div style={{ position: 'relative', width: '100%', height }}>
      {!ready && <Skeleton.Node active style={{ width: '100%', height }} />}
      <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ position: 'absolute', inset: 0 }} />
    </div>
  );
}
