import type { AgreementContent, CommonsSection } from '@uc/contracts';
import { Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { formatDate } from '@/lib/dates.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { figureText } from './compareText.ts';

/** The five commons a version covers: summary, the figure it sets, and the joint items planned. */
export function CommonsView({ content, partyName, partySlugs }: { content: AgreementContent; partyName(slug: string): string; partySlugs: string[] }) {
  const t = useT();
  const sections = content.commons.filter((c) => c.enabled);
  if (!sections.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agreements.commons.none')} />;
  return (
    <Row gutter={[12, 12]}>
      {sections.map((s) => (
        <Col key={s.kind} xs={24} md={12} xl={8}>
          <SectionCard section={s} partyName={partyName} partySlugs={partySlugs} />
        </Col>
      ))}
    </Row>
  );
}

function SectionCard({ section: s, partyName, partySlugs }: { section: CommonsSection; partyName(slug: string): string; partySlugs: string[] }) {
  const t = useT();
  const locale = useLocale();
  const figure = figureText(t, s, { slugs: partySlugs, name: partyName });
  return (
    <Card size="small" title={t(`agreements.kind.${s.kind}`)} style={{ height: '100%' }}>
      {s.summary && <Typography.Paragraph style={{ marginBottom: 8 }}>{s.summary}</Typography.Paragraph>}
      {figure && (
        // a figure per direction is a sentence: let it wrap inside the card
        <Tag color="red" bordered={false} style={{ marginBottom: 8, whiteSpace: 'normal', height: 'auto' }}>
          {figure}
        </Tag>
      )}
      {s.items.map((item, i) => (
        <div key={i} style={{ borderTop: '1px dashed #f0f0f0', paddingTop: 6, marginTop: 6 }}>
          <Typography.Text strong>{item.title}</Typography.Text>
          <Flex gap={8} wrap style={{ color: '#8c8c8c', fontSize: 13 }}>
            <span>{t('agreements.item.leadBy', { party: partyName(item.leadSlug) })}</span>
            {(item.startDate || item.endDate) && (
              <span>
                {item.startDate ? formatDate(item.startDate, locale) : '…'} – {item.endDate ? formatDate(item.endDate, locale) : '…'}
              </span>
            )}
          </Flex>
          {item.description && <div style={{ fontSize: 13 }}>{item.description}</div>}
        </div>
      ))}
    </Card>
  );
}
