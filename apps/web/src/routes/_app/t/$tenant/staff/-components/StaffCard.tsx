import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import type { StaffDto } from '@uc/contracts';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { RoleTags } from '@/components/RoleTags.tsx';
import { useMe, useRefreshTenant, useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { formatDate } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { PersonModal } from './PersonModal.tsx';
import { RolesModal } from './RolesModal.tsx';

export function StaffCard() {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const { message } = App.useApp();
  const { api, roles } = useTenant();
  const refresh = useRefreshTenant();
  const { data: staff } = useSuspenseQuery(api.staff.list.queryOptions());
  const [editing, setEditing] = useState<StaffDto | null>(null);
  const [editingPerson, setEditingPerson] = useState<StaffDto | null>(null);
  const canManage = access.manageStaff(roles);
  const remove = useMutation(
    api.staff.remove.mutationOptions({
      onSuccess: (_, { membershipId }) => {
        const who = staff.find((s) => s.membershipId === membershipId);
        void message.success(t('staff.removed', { name: who?.displayName ?? '' }));
        return refresh({ me: true });
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );

  return (
    <Card title={t('staff.listTitle', { count: staff.length })} styles={{ body: { padding: 0 } }}>
      <Table<StaffDto>
        rowKey="membershipId"
        dataSource={staff}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staff.empty')} /> }}
        columns={[
          {
            title: t('staff.name'),
            dataIndex: 'displayName',
            render: (name: string, s) => (
              <>
                {name}
                {s.userId === me.user.id && <Tag style={{ marginInlineStart: 8 }}>{t('staff.you')}</Tag>}
              </>
            ),
          },
          { title: t('staff.jobTitle'), dataIndex: 'title' },
          { title: t('staff.email'), dataIndex: 'email' },
          { title: t('staff.roles'), dataIndex: 'roles', render: (r: StaffDto['roles']) => <RoleTags roles={r} /> },
          { title: t('staff.scope'), dataIndex: 'orgUnit', render: (u: StaffDto['orgUnit']) => u?.name ?? t('staff.scopeAll') },
          { title: t('staff.joinedAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v, locale) },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, s: StaffDto) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditingPerson(s)}>
                        {t('staff.editPerson')}
                      </Button>
                      <Button type="link" size="small" onClick={() => setEditing(s)}>
                        {t('staff.editRoles')}
                      </Button>
                      <Popconfirm
                        title={t('staff.removeConfirm', { name: s.displayName })}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove.mutateAsync({ membershipId: s.membershipId }).catch(() => undefined)}
                      >
                        <Button type="link" size="small" danger>
                          {t('staff.remove')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <RolesModal staff={editing} onClose={() => setEditing(null)} />}
      {editingPerson && <PersonModal staff={editingPerson} onClose={() => setEditingPerson(null)} />}
    </Card>
  );
}
