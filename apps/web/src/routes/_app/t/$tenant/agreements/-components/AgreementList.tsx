import { useIsFetching } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { AgreementSummaryDto } from '@uc/contracts';
import { Card, Empty, Flex, Grid, Spin, Table, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { formatDate, formatDateTime } from '@/lib/dates.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { StatusTag } from './StatusTag.tsx';

type Summary = AgreementSummaryDto;

/** The agreements my federation is party to: a table on a desktop, cards on a phone. */
export function AgreementList({ agreements, filtered }: { agreements: Summary[]; filtered: boolean }) {
  const t = useT();
  const locale = useLocale();
  const { api, slug } = useTenant();
  const { md } = Grid.useBreakpoint();
  const loading = useIsFetching({ queryKey: api.agreement.list.pathKey() }) > 0;
  const parties = (a: Summary) => a.parties.map((p) => localName(locale, p)).join('、');
  const term = (a: Summary) => t('agreements.termRange', { start: formatDate(a.termStart, locale), end: formatDate(a.termEnd, locale) });
  const title = (a: Summary) => (
    <Link to="/t/$tenant/agreements/$agreementId" params={{ tenant: slug, agreementId: a.id }} style={{ fontWeight: 500 }}>
      {a.title}
    </Link>
  );
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('agreements.emptyFiltered') : t('agreements.empty')} />;

  if (md === false) {
    return (
      <Spin spinning={loading}>
        {agreements.length === 0 && empty}
        {agreements.map((a) => (
          <Card key={a.id} size="small" style={{ marginBottom: 8 }} data-testid="agreement-card">
            <div style={{ fontSize: 15, marginBottom: 2, overflowWrap: 'anywhere' }}>{title(a)}</div>
            <div style={{ color: '#8c8c8c', fontSize: 13, marginBottom: 4 }} data-testid="agreement-number">
              {a.number}
            </div>
            <Flex gap={8} wrap align="center" style={{ marginBottom: 4 }}>
              <StatusTag agreement={a} />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {parties(a)}
              </Typography.Text>
            </Flex>
            <div style={{ color: '#8c8c8c', fontSize: 13 }}>{term(a)}</div>
          </Card>
        ))}
      </Spin>
    );
  }

  return (
    <Table<Summary>
      rowKey="id"
      dataSource={agreements}
      loading={loading}
      locale={{ emptyText: empty }}
      pagination={agreements.length > 20 ? { pageSize: 20, showTotal: (total) => t('common.total', { total }) } : false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('agreements.field.number'), key: 'number', render: (_, a) => <span style={{ whiteSpace: 'nowrap' }} data-testid="agreement-number">{a.number}</span> },
        { title: t('agreements.field.title'), key: 'title', render: (_, a) => title(a) },
        { title: t('agreements.field.status'), key: 'status', render: (_, a) => <StatusTag agreement={a} /> },
        { title: t('agreements.field.parties'), key: 'parties', render: (_, a) => parties(a) },
        { title: t('agreements.field.term'), key: 'term', render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{term(a)}</span> },
        { title: t('agreements.field.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
      ]}
    />
  );
}
