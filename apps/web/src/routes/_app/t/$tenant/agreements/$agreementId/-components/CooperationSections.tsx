import { Link } from '@tanstack/react-router';
import type { CooperationSectionDto } from '@uc/contracts';
import { Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { EChart } from '@/features/items/charts/EChart.tsx';
import { useLocale, useT } from '@/lib/locale.ts';

const label = (l: { zh: string; en: string }, locale: string) => (locale === 'en' ? l.en : l.zh);

/** Each commons side by side: its figures, a chart of allowed vs used each way, highlights. */
export function CooperationSections({ sections, partyName }: { sections: CooperationSectionDto[]; partyName: (slug: string) => string }) {
  const t = useT();
  const locale = useLocale();
  if (!sections.length) return <Empty description={t('cooperation.empty')} />;
  return (
    <Row gutter={[12, 12]}>
      {sections.map((s) => (
        <Col key={s.commons} xs={24} lg={12}>
          <Card size="small" title={label(s.title, locale)} data-testid={`coop-${s.commons}`} style={{ height: '100%' }}>
            <Row gutter={[8, 8]}>
              {s.figures.map((f) => (
                <Col key={f.key} xs={12} sm={8}>
                  <Statistic title={label(f.label, locale)} value={f.value} suffix={f.unit ? label(f.unit, locale) : undefined} valueStyle={{ fontSize: 20 }} />
                </Col>
              ))}
            </Row>
            {s.directions.length > 0 && (
              <>
                <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }}>
                  {t('cooperation.directions')}
                </Typography.Text>
                <EChart
                  height={Math.max(120, 48 * s.directions.length + 40)}
                  label={t('cooperation.chartLabel', { title: label(s.title, locale) })}
                  option={{
                    grid: { left: 8, right: 32, top: 28, bottom: 8, containLabel: true },
                    legend: { top: 0, data: [t('cooperation.allowed'), t('cooperation.used')] },
                    tooltip: { trigger: 'axis' },
                    xAxis: { type: 'value', minInterval: 1 },
                    yAxis: { type: 'category', data: s.directions.map((d) => `${partyName(d.from)} → ${partyName(d.to)}`) },
                    series: [
                      { name: t('cooperation.allowed'), type: 'bar', data: s.directions.map((d) => d.allowed ?? 0), color: '#91cc75' },
                      { name: t('cooperation.used'), type: 'bar', data: s.directions.map((d) => d.used), color: '#1677ff', label: { show: true, position: 'right' } },
                    ],
                  }}
                />
                <List
                  size="small"
                  dataSource={s.directions}
                  renderItem={(d) => (
                    <List.Item>
                      {label(d.label, locale)}：{d.allowed === null ? t('cooperation.unlimited') : `${t('cooperation.allowed')} ${d.allowed}`} · {t('cooperation.used')} {d.used}
                    </List.Item>
                  )}
                />
              </>
            )}
            {s.highlights.length > 0 && (
              <div style={{ marginTop: 8 }}>
                <Tag color="blue">{t('cooperation.highlights')}</Tag>
                {s.highlights.join('；')}
              </div>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** What needs attention now, across the commons, each a link to where it is done. */
export function AttentionList({ sections, slug }: { sections: CooperationSectionDto[]; slug: string }) {
  const t = useT();
  const locale = useLocale();
  const items = sections.flatMap((s) => s.attention.map((a) => ({ ...a, section: label(s.title, locale) })));
  return (
    <Card size="small" title={t('cooperation.attention')} data-testid="coop-attention">
      <List
        size="small"
        locale={{ emptyText: t('cooperation.noAttention') }}
        dataSource={items}
        renderItem={(a) => (
          <List.Item extra={a.link ? <Link to={a.link.replace('{slug}', slug)}>{t('cooperation.open')}</Link> : null}>
            <List.Item.Meta title={a.section} description={label(a.detail, locale)} />
          </List.Item>
        )}
      />
    </Card>
  );
}
