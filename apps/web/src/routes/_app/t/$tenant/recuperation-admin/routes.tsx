import { PlusOutlined } from '@ant-design/icons';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import type { RouteDto } from '@uc/contracts';
import { Button, Card, Empty, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { formatYuan } from '@/features/recuperation/money.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { RouteFormModal } from './-components/RouteFormModal.tsx';

export const Route = createFileRoute('/_app/t/$tenant/recuperation-admin/routes')({
  loader: ({ context, params }) => {
    const r = tenantApi(params.tenant).recuperation;
    return Promise.all([context.queryClient.ensureQueryData(r.route.list.queryOptions()), context.queryClient.ensureQueryData(r.base.list.queryOptions())]);
  },
  component: RoutesPage,
});

/** Our routes (线路): which bases, how many days, the day-by-day plan and the price per person per day. */
function RoutesPage() {
  const t = useT();
  const { api, roles } = useTenant();
  const { data: routes } = useSuspenseQuery(api.recuperation.route.list.queryOptions());
  const [editing, setEditing] = useState<RouteDto | 'new' | null>(null);
  const canWrite = recuperationAccess.write(roles);
  return (
    <Card size="small">
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('recuperation.route.create')}
          </Button>
        </Flex>
      )}
      <Table<RouteDto>
        rowKey="id"
        dataSource={routes}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recuperation.route.empty')} /> }}
        columns={[
          { title: t('recuperation.route.title'), dataIndex: 'title' },
          { title: t('recuperation.route.bases'), key: 'bases', render: (_, r) => r.bases.map((b) => b.name).join(' → ') },
          { title: t('recuperation.route.days'), dataIndex: 'days', align: 'right', render: (n: number) => t('booking.batch.days', { n }) },
          { title: t('recuperation.route.price'), key: 'price', align: 'right', render: (_, r) => formatYuan(r.pricePerDayFen) },
          { title: t('recuperation.col.status'), key: 'active', render: (_, r) => (r.active ? <Tag color="green">{t('recuperation.active')}</Tag> : <Tag>{t('recuperation.inactive')}</Tag>) },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: RouteDto) => (
                    <Button size="small" type="link" onClick={() => setEditing(r)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <RouteFormModal route={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
