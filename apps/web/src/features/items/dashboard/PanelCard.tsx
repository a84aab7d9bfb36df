import { useRouter } from '@tanstack/react-router';
import type { DashboardPanelDto } from '@uc/contracts';
import { Card, Col, Empty, Flex, Grid, Statistic, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTenant } from '@/components/session.ts';
import { formatDate } from '@/lib/dates.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { EChart } from '../charts/EChart.tsx';
import { axisDate, figuresOf, hasData, matrixHeight, matrixOption, pick, seriesOption, type Figure } from '../charts/options.ts';
import { panelSpec, type PanelSpec } from './panels.ts';

/** One dashboard panel in a grid cell: its registry entry's component, or the drawing for its view type. */
export function PanelCard({ panel }: { panel: DashboardPanelDto }) {
  const locale = useLocale();
  const spec = panelSpec(panel.key);
  const Custom = spec.component;
  return (
    <Col xs={24} xl={spec.span === 'full' ? 24 : 12}>
      <Card size="small" title={pick(locale, panel.title)} data-testid={`panel-${panel.key}`} style={{ height: '100%' }}>
        {Custom ? <Custom panel={panel} /> : <PanelView panel={panel} />}
      </Card>
    </Col>
  );
}

function PanelView({ panel }: { panel: DashboardPanelDto }) {
  const t = useT();
  const locale = useLocale();
  const { md } = Grid.useBreakpoint();
  const phone = md === false;
  const spec = panelSpec(panel.key);
  const { view } = panel;
  const title = pick(locale, panel.title);
  const option = useMemo(() => {
    const ctx = { locale, phone, ...(spec.colors ? { colors: spec.colors } : {}) };
    if (view.type === 'matrix') return matrixOption(view, ctx, spec.matrix);
    if (view.type === 'series') return seriesOption(view, ctx, spec.series);
    return null;
  }, [view, locale, phone, spec]);

  const noData = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.empty')} />;
  if (view.type === 'matrix' || view.type === 'series') {
    if (!hasData(view) || !option) return noData;
    const height = view.type === 'matrix' ? matrixHeight(view, phone, spec.matrix) : phone ? 280 : 300;
    return (
      <>
        <EChart option={option} height={height} label={title} testId={`chart-${panel.key}`} />
        <Figures
          lead={view.type === 'matrix' ? t('dashboard.totals') : t('dashboard.latest', { date: axisDate(view.x[view.x.length - 1] ?? '', locale) })}
          figures={figuresOf(view, locale)}
          colors={spec.colors}
        />
      </>
    );
  }
  if (view.type === 'stats') {
    return (
      <Flex wrap gap={24}>
        {view.stats.map((s) => (
          <Statistic key={s.key} title={pick(locale, s.label)} value={s.value} suffix={s.unit ? pick(locale, s.unit) : undefined} />
        ))}
      </Flex>
    );
  }
  return <ListView view={view} spec={spec} />;
}

function ListView({ view, spec }: { view: Extract<DashboardPanelDto['view'], { type: 'list' }>; spec: PanelSpec }) {
  const t = useT();
  const locale = useLocale();
  const { slug } = useTenant();
  if (view.rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.empty')} />;
  return (
    <Flex vertical gap={0}>
      <Typography.Text strong style={{ fontSize: 28, color: spec.accent, lineHeight: 1.2 }} data-testid="list-total">
        {view.total}
      </Typography.Text>
      {view.rows.map((r) => {
        const title = r.link ? <AppLink href={r.link.replace('{slug}', slug)}>{r.title}</AppLink> : r.title;
        return (
          <Flex key={r.id} justify="space-between" align="center" gap={8} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
            <div style={{ minWidth: 0 }}>
              <div style={{ overflowWrap: 'anywhere' }}>{title}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.subtitle}
                {r.date && ` · ${formatDate(r.date, locale)}`}
              </Typography.Text>
            </div>
            {r.value !== null && <Tag color={spec.accent ? 'error' : 'default'}>{spec.listValue ? spec.listValue(t, r.value) : r.value}</Tag>}
          </Flex>
        );
      })}
      {view.total > view.rows.length && (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
          {t('dashboard.listMore', { total: view.total, shown: view.rows.length })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** A link the API wrote as an app path, followed inside the app (a new tab with a modifier key). */
function AppLink({ href, children }: { href: string; children: React.ReactNode }) {
  const router = useRouter();
  return (
    <a
      href={href}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        void router.navigate({ href });
      }}
    >
      {children}
    </a>
  );
}

/** The chart's figures in words under it (totals, or the latest week), so nobody has to read values off a chart. */
function Figures({ lead, figures, colors }: { lead: string; figures: Figure[]; colors: PanelSpec['colors'] }) {
  return (
    <Flex wrap gap={12} style={{ marginTop: 8, fontSize: 13 }} data-testid="panel-figures">
      <Typography.Text type="secondary">{lead}</Typography.Text>
      {figures.map((f) => (
        <span key={f.key} data-testid={`figure-${f.key}`}>
          <span style={{ color: colors?.[f.key] ?? '#8c8c8c' }}>●</span> {f.label} <strong>{f.value}</strong>
        </span>
      ))}
    </Flex>
  );
}
