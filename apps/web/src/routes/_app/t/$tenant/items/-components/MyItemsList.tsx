import { Link } from '@tanstack/react-router';
import type { MyItemDto } from '@uc/contracts';
import { Card, Empty, Flex, Grid, Progress, Table, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { AttentionTags, HealthTag, KindTag, StatusTag } from '@/features/items/ItemTags.tsx';
import { formatDate } from '@/lib/dates.ts';
import { useLocale, useT } from '@/lib/locale.ts';

/** the status and health tags already say these */
const SHOWN_BY_TAGS = ['offTrack', 'atRisk', 'delayed'] as const;

/** The lead's items: a table on a desktop, cards on a phone; each opens the item page. */
export function MyItemsList({ items, today }: { items: MyItemDto[]; today: string }) {
  const t = useT();
  const locale = useLocale();
  const { slug } = useTenant();
  const { md } = Grid.useBreakpoint();
  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <div>{t('items.empty')}</div>
          <Typography.Text type="secondary">{t('items.emptyHint')}</Typography.Text>
        </>
      }
    />
  );
  const title = (i: MyItemDto) => (
    <Link to="/t/$tenant/items/$itemId" params={{ tenant: slug, itemId: i.id }} data-testid="my-item-link">
      {i.title}
    </Link>
  );
  const agreement = (i: MyItemDto) => (
    <Link to="/t/$tenant/items/board/$agreementId" params={{ tenant: slug, agreementId: i.agreementId }} style={{ color: 'inherit' }}>
      {i.agreementTitle}
    </Link>
  );
  // "responsible on the lead side" already says "responsible"
  const why = (i: MyItemDto) =>
    i.reasons.length > 0 && (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {i.reasons
          .filter((r) => r !== 'responsible' || !i.reasons.includes('lead'))
          .map((r) => t(`items.reason.${r}`))
          .join(' · ')}
      </Typography.Text>
    );
  const nextDue = (i: MyItemDto) =>
    i.nextDueDate ? (
      <Typography.Text type={i.overdueMilestones > 0 ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {formatDate(i.nextDueDate, locale)}
      </Typography.Text>
    ) : (
      <Typography.Text type="secondary">{t('items.noNextDue')}</Typography.Text>
    );

  if (md === false) {
    if (items.length === 0) return empty;
    return (
      <Flex vertical gap={8}>
        {items.map((i) => (
          <Card key={i.id} size="small" data-testid="my-item-card">
            <Typography.Text strong style={{ fontSize: 16 }}>
              {title(i)}
            </Typography.Text>
            <div style={{ color: '#595959', fontSize: 13, margin: '2px 0 0' }}>{agreement(i)}</div>
            <div style={{ marginBottom: 4 }}>{why(i)}</div>
            <div>
              <KindTag kind={i.kind} />
              <StatusTag status={i.status} />
              <HealthTag health={i.health} />
              <AttentionTags facts={i} today={today} omit={SHOWN_BY_TAGS} />
            </div>
            <Flex align="center" gap={12} style={{ marginTop: 6 }}>
              <Progress percent={i.progress.percent} size="small" style={{ flex: 1, margin: 0 }} />
              <span style={{ fontSize: 13 }}>{nextDue(i)}</span>
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  }

  return (
    <Table<MyItemDto>
      rowKey="id"
      dataSource={items}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      columns={[
        {
          title: t('items.col.title'),
          key: 'title',
          render: (_, i) => (
            <div style={{ minWidth: 220, maxWidth: 340 }}>
              <div style={{ fontWeight: 500 }}>{title(i)}</div>
              <div>
                <KindTag kind={i.kind} />
                {why(i)}
              </div>
              <AttentionTags facts={i} today={today} omit={SHOWN_BY_TAGS} />
            </div>
          ),
        },
        {
          title: t('items.col.agreement'),
          key: 'agreement',
          render: (_, i) => (
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: i.agreementTitle }} style={{ width: 180, margin: 0, fontSize: 13 }}>
              {agreement(i)}
            </Typography.Paragraph>
          ),
        },
        { title: t('items.col.lead'), key: 'lead', render: (_, i) => <div style={{ maxWidth: 150 }}>{locale === 'en' ? i.leadNameEn : i.leadNameZh}</div> },
        {
          title: t('items.col.status'),
          key: 'status',
          render: (_, i) => (
            <Flex vertical align="flex-start" gap={2}>
              <StatusTag status={i.status} />
              <HealthTag health={i.health} />
            </Flex>
          ),
        },
        { title: t('items.col.progress'), key: 'progress', render: (_, i) => <Progress percent={i.progress.percent} size="small" style={{ width: 110, margin: 0 }} /> },
        { title: t('items.col.nextDue'), key: 'nextDue', render: (_, i) => nextDue(i) },
      ]}
    />
  );
}
