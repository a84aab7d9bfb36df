import { UserAddOutlined } from '@ant-design/icons';
import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import type { InvitationDto } from '@uc/contracts';
import { App, Button, Card, Empty, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import { RoleTags } from '@/components/RoleTags.tsx';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { InviteModal } from './InviteModal.tsx';

const STATUS_COLOR: Record<InvitationDto['status'], string> = { pending: 'processing', accepted: 'success', expired: 'default', revoked: 'error' };

export function InvitationsCard() {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const { data: invitations } = useSuspenseQuery(api.staff.invitations.queryOptions());
  const [inviting, setInviting] = useState(false);
  const revoke = useMutation(
    api.staff.revokeInvitation.mutationOptions({
      onSuccess: () => {
        void message.success(t('invitations.revoked'));
        return refresh();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );

  return (
    <Card
      title={t('invitations.title')}
      styles={{ body: { padding: 0 } }}
      extra={
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviting(true)}>
          {t('invitations.invite')}
        </Button>
      }
    >
      <Table<InvitationDto>
        rowKey="id"
        dataSource={invitations}
        pagination={invitations.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('invitations.empty')} /> }}
        columns={[
          { title: t('invitations.displayName'), dataIndex: 'displayName' },
          { title: t('invitations.email'), dataIndex: 'email' },
          { title: t('invitations.roles'), dataIndex: 'roles', render: (r: InvitationDto['roles']) => <RoleTags roles={r} /> },
          { title: t('staff.scope'), dataIndex: 'orgUnit', render: (u: InvitationDto['orgUnit']) => u?.name ?? t('staff.scopeAll') },
          {
            title: t('invitations.status'),
            dataIndex: 'status',
            render: (s: InvitationDto['status']) => <Tag color={STATUS_COLOR[s]}>{t(`invitations.status.${s}`)}</Tag>,
          },
          { title: t('invitations.expiresAt'), dataIndex: 'expiresAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, inv) =>
              inv.status === 'pending' && (
                <Popconfirm title={t('invitations.revokeConfirm', { email: inv.email })} okButtonProps={{ danger: true }} onConfirm={() => revoke.mutateAsync({ id: inv.id }).catch(() => undefined)}>
                  <Button type="link" size="small" danger>
                    {t('invitations.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {inviting && <InviteModal onClose={() => setInviting(false)} />}
    </Card>
  );
}
