import { PlusOutlined } from '@ant-design/icons';
import { useSuspenseQuery } from '@tanstack/react-query';
import { batchShownStatus } from '@uc/contracts';
import { todayInChina } from '@/lib/dates.ts';
import { createFileRoute, Link } from '@tanstack/react-router';
import type { BatchDto } from '@uc/contracts';
import { Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { formatMonthDay, formatTripDates } from '@/features/recuperation/tripDates.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { BatchFormModal } from '../-components/BatchFormModal.tsx';

export const Route = createFileRoute('/_app/t/$tenant/recuperation-admin/batches/')({
  loader: ({ context, params }) => {
    const r = tenantApi(params.tenant).recuperation;
    return Promise.all([context.queryClient.ensureQueryData(r.batch.list.queryOptions()), context.queryClient.ensureQueryData(r.route.list.queryOptions())]);
  },
  component: BatchesPage,
});

const STATUS_COLOR = { open: 'green', closed: 'default', cancelled: 'red', ended: 'default' } as const;

/** The host's dated batches: beds taken and left, the waitlist, the booking window; open one for its roster. */
function BatchesPage() {
  const t = useT();
  const locale = useLocale();
  const { api, slug, roles } = useTenant();
  const { data: batches } = useSuspenseQuery(api.recuperation.batch.list.queryOptions());
  const [editing, setEditing] = useState<BatchDto | 'new' | null>(null);
  const canWrite = recuperationAccess.write(roles);
  const sorted = [...batches].sort((a, b) => b.startDate.localeCompare(a.startDate));

  return (
    <Card size="small">
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('recuperation.batch.create')}
          </Button>
        </Flex>
      )}
      <Table<BatchDto>
        rowKey="id"
        dataSource={sorted}
        pagination={sorted.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recuperation.batch.empty')} /> }}
        columns={[
          {
            title: t('recuperation.batch.code'),
            key: 'code',
            render: (_, b) => (
              <Link to="/t/$tenant/recuperation-admin/batches/$batchId" params={{ tenant: slug, batchId: b.id }}>
                {b.code}
              </Link>
            ),
          },
          { title: t('recuperation.batch.route'), key: 'route', render: (_, b) => b.route.title },
          { title: t('booking.batch.dates'), key: 'dates', render: (_, b) => <span style={{ whiteSpace: 'nowrap' }}>{formatTripDates(b.startDate, b.nights, locale)}</span> },
          {
            title: t('booking.batch.beds'),
            key: 'beds',
            render: (_, b) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {b.bedsTaken}/{b.capacity}
                {b.waitlisted > 0 && <Typography.Text type="warning">{` · ${t('recuperation.batch.waitlisted', { n: b.waitlisted })}`}</Typography.Text>}
              </span>
            ),
          },
          {
            title: t('booking.batch.signup'),
            key: 'window',
            render: (_, b) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {formatMonthDay(b.bookingOpens, locale)}–{formatMonthDay(b.bookingCloses, locale)}
              </span>
            ),
          },
          {
            title: t('recuperation.col.status'),
            key: 'status',
            render: (_, b) => (
              <>
                <Tag color={STATUS_COLOR[batchShownStatus(b, todayInChina())]} data-testid="batch-status">{t(`recuperation.batchStatus.${batchShownStatus(b, todayInChina())}`)}</Tag>
                {b.bookable && <Tag color="blue">{t('recuperation.batch.bookable')}</Tag>}
              </>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, b) => (
              <Flex gap={4}>
                <Link to="/t/$tenant/recuperation-admin/batches/$batchId" params={{ tenant: slug, batchId: b.id }}>
                  <Button size="small">{t('recuperation.batch.roster')}</Button>
                </Link>
                {canWrite && (
                  <Button size="small" type="text" onClick={() => setEditing(b)}>
                    {t('common.edit')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
      {editing && <BatchFormModal batch={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
