import { PlusOutlined } from '@ant-design/icons';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import type { PolicyDto } from '@uc/contracts';
import { Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { formatYuan } from '@/features/recuperation/money.ts';
import { formatDate } from '@/lib/dates.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { PolicyFormModal } from './-components/PolicyFormModal.tsx';

export const Route = createFileRoute('/_app/t/$tenant/recuperation-admin/policy')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).recuperation.policy.list.queryOptions()),
  component: PolicyPage,
});

/** Our rules for our members' trips, each from a date: what eligibility is checked against. */
function PolicyPage() {
  const t = useT();
  const locale = useLocale();
  const { api, roles } = useTenant();
  const { data: policies } = useSuspenseQuery(api.recuperation.policy.list.queryOptions());
  const [editing, setEditing] = useState<PolicyDto | 'new' | null>(null);
  const canWrite = recuperationAccess.write(roles);
  const sorted = [...policies].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return (
    <Card size="small">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('recuperation.policy.intro')}</Typography.Text>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('recuperation.policy.create')}
          </Button>
        )}
      </Flex>
      <Table<PolicyDto>
        rowKey="id"
        dataSource={sorted}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recuperation.policy.empty')} /> }}
        columns={[
          {
            title: t('recuperation.policy.effective'),
            key: 'effective',
            render: (_, p) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {formatDate(p.effectiveFrom, locale)} – {p.effectiveTo ? formatDate(p.effectiveTo, locale) : t('recuperation.policy.open')}
                {p.current && (
                  <Tag color="green" style={{ marginInlineStart: 6 }}>
                    {t('recuperation.policy.current')}
                  </Tag>
                )}
              </span>
            ),
          },
          { title: t('recuperation.policy.maxDaysPerTrip'), dataIndex: 'maxDaysPerTrip', align: 'right' },
          { title: t('recuperation.policy.budgetPerDay'), key: 'day', align: 'right', render: (_, p) => formatYuan(p.budgetPerDayFen) },
          { title: t('recuperation.policy.budgetPerYear'), key: 'year', align: 'right', render: (_, p) => formatYuan(p.budgetPerYearFen) },
          { title: t('recuperation.policy.tripsPerYear'), dataIndex: 'tripsPerYear', align: 'right' },
          { title: t('recuperation.policy.noRepeatYears'), dataIndex: 'noRepeatYears', align: 'right' },
          { title: t('recuperation.policy.maxParts'), dataIndex: 'maxParts', align: 'right' },
          {
            title: t('recuperation.policy.priorityGroups'),
            key: 'groups',
            render: (_, p) => p.priorityGroups.map((g, i) => `${i + 1}. ${t(`recuperation.group.${g}`)}`).join('　'),
          },
          { title: t('recuperation.policy.givenUp'), key: 'givenUp', render: (_, p) => t(p.givenUpCountsAsUsed ? 'recuperation.yes' : 'recuperation.no') },
          { title: t('recuperation.policy.note'), dataIndex: 'note', render: (v: string) => v || '—' },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, p: PolicyDto) => (
                    <Button size="small" type="link" onClick={() => setEditing(p)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <PolicyFormModal policy={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
