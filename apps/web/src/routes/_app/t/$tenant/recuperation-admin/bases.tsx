import { PlusOutlined } from '@ant-design/icons';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import type { BaseDto } from '@uc/contracts';
import { Button, Card, Empty, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { formatDate } from '@/lib/dates.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { BaseFormModal } from './-components/BaseFormModal.tsx';

export const Route = createFileRoute('/_app/t/$tenant/recuperation-admin/bases')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).recuperation.base.list.queryOptions()),
  component: BasesPage,
});

/** Our certified recuperation bases (疗休养基地), the places partner members may stay. */
function BasesPage() {
  const t = useT();
  const locale = useLocale();
  const { api, roles } = useTenant();
  const { data: bases } = useSuspenseQuery(api.recuperation.base.list.queryOptions());
  const [editing, setEditing] = useState<BaseDto | 'new' | null>(null);
  const canWrite = recuperationAccess.write(roles);
  return (
    <Card size="small">
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('recuperation.base.create')}
          </Button>
        </Flex>
      )}
      <Table<BaseDto>
        rowKey="id"
        dataSource={bases}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recuperation.base.empty')} /> }}
        columns={[
          { title: t('recuperation.base.name'), dataIndex: 'name' },
          { title: t('recuperation.base.city'), dataIndex: 'city' },
          {
            title: t('recuperation.base.level'),
            key: 'level',
            render: (_, b) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <Tag color={b.certified ? 'red' : 'default'}>{t(`recuperation.level.${b.certificationLevel}`)}</Tag>
                {t('recuperation.base.until', { date: formatDate(b.certifiedUntil, locale) })}
                {!b.certified && <Tag style={{ marginInlineStart: 6 }}>{t('recuperation.base.lapsed')}</Tag>}
              </span>
            ),
          },
          { title: t('recuperation.base.facilities'), key: 'facilities', render: (_, b) => b.facilities.join('、') || '—' },
          { title: t('recuperation.col.status'), key: 'active', render: (_, b) => (b.active ? <Tag color="green">{t('recuperation.active')}</Tag> : <Tag>{t('recuperation.inactive')}</Tag>) },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, b: BaseDto) => (
                    <Button size="small" type="link" onClick={() => setEditing(b)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <BaseFormModal base={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
